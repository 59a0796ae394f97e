package orgs

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/store"
)

// Create adds an organisation under in.ParentID (0 for a root), active. A
// child needs ManageOrgs within the parent's scope and the new region; a
// root needs a principal bound to no organisation.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Organisation, error) {
	if err := access.Can(p, access.ManageOrgs, ownScope(p)); err != nil {
		return Organisation{}, err
	}
	if err := validate(in); err != nil {
		return Organisation{}, err
	}
	var o Organisation
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		pl, err := s.locate(ctx, tx, in)
		if err != nil {
			return err
		}
		if err := access.Can(p, access.ManageOrgs, access.Target{OrgPath: pl.parentPath, RegionPath: pl.regionPath}); err != nil {
			return err
		}
		now := s.now().UTC()
		o = Organisation{Name: in.Name, Type: in.Type, ParentID: in.ParentID, RegionCode: pl.regionCode,
			RegionPath: pl.regionPath, Locale: in.Locale, Active: true, CreatedAt: now, UpdatedAt: now}
		err = tx.QueryRowContext(ctx, s.q.Insert, o.Name, o.Type, store.NullID(o.ParentID), pl.regionID,
			o.Locale, o.Active, now, now, geo.Fold(o.Name)).Scan(&o.ID)
		if err != nil {
			return err
		}
		o.Path = childPath(pl.parentPath, o.ID)
		if _, err := tx.ExecContext(ctx, s.q.SetPath, o.Path, o.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "organisation",
			EntityID: strconv.FormatInt(o.ID, 10), OrgPath: o.Path, RegionPath: o.RegionPath, After: o})
	})
	return o, err
}

// Update changes an organisation. Giving it another parent moves its whole
// subtree; a parent inside that subtree is refused. p needs ManageOrgs on
// the organisation where it is and where it will be.
func (s *Service) Update(ctx context.Context, p access.Principal, id int64, in Input) (Organisation, error) {
	if err := access.Can(p, access.ManageOrgs, ownScope(p)); err != nil {
		return Organisation{}, err
	}
	if err := validate(in); err != nil {
		return Organisation{}, err
	}
	var o Organisation
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		old, err := s.byID(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := access.Can(p, access.ManageOrgs, old.Target()); err != nil {
			return err
		}
		pl, err := s.locate(ctx, tx, in)
		if err != nil {
			return err
		}
		if in.ParentID != 0 && strings.HasPrefix(pl.parentPath, old.Path) {
			return errs.Validation(errs.Field("parent_id", "error.cycle", "Field", "parent_id"))
		}
		o = old
		o.Name, o.Type, o.ParentID, o.Locale, o.Active = in.Name, in.Type, in.ParentID, in.Locale, in.Active
		o.RegionCode, o.RegionPath, o.Path = pl.regionCode, pl.regionPath, childPath(pl.parentPath, id)
		if err := access.Can(p, access.ManageOrgs, o.Target()); err != nil {
			return err
		}
		if o == old { // o is a copy of old, so their times compare equal
			return nil
		}
		o.UpdatedAt = s.now().UTC()
		_, err = tx.ExecContext(ctx, s.q.Update, o.Name, o.Type, store.NullID(o.ParentID), pl.regionID, o.Path,
			o.Locale, o.Active, o.UpdatedAt, geo.Fold(o.Name), o.ID)
		if err == nil && o.Path != old.Path {
			_, err = tx.ExecContext(ctx, s.q.MoveSubtree, o.Path, len(old.Path)+1, old.Path+"%")
			for _, f := range s.moved {
				if err == nil {
					err = f(ctx, tx, old.Path, o.Path)
				}
			}
		}
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "organisation",
			EntityID: strconv.FormatInt(o.ID, 10), OrgPath: o.Path, RegionPath: o.RegionPath, Before: old, After: o})
	})
	return o, err
}

// place is where an organisation goes: under a parent, in a region.
type place struct {
	parentPath, regionCode, regionPath string
	regionID                           int64
}

// locate takes the tree lock and resolves in's parent and region.
func (s *Service) locate(ctx context.Context, tx *sql.Tx, in Input) (place, error) {
	pl := place{regionCode: normCode(in.RegionCode)}
	if _, err := tx.ExecContext(ctx, s.q.LockTree); err != nil {
		return pl, err
	}
	var fs []errs.FieldError
	err := tx.QueryRowContext(ctx, s.q.Region, pl.regionCode).Scan(&pl.regionID, &pl.regionPath)
	if errors.Is(err, sql.ErrNoRows) {
		fs = append(fs, errs.Field("region_code", "error.not_found", "Field", "region_code"))
	} else if err != nil {
		return pl, err
	}
	if in.ParentID != 0 {
		parent, err := s.byID(ctx, tx, in.ParentID)
		if errs.CodeOf(err) == errs.NotFound {
			fs = append(fs, errs.Field("parent_id", "error.not_found", "Field", "parent_id"))
		} else if err != nil {
			return pl, err
		}
		pl.parentPath = parent.Path
	}
	return pl, errs.Validation(fs...)
}
