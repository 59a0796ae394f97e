package people

import (
	"context"
	"database/sql"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// AddGuardian records a guardian of child. A guardian person must be a
// registered person p may see; an institution any organisation.
func (s *Service) AddGuardian(ctx context.Context, p access.Principal, childID int64, in GuardianInput) (Guardianship, error) {
	var g Guardianship
	err := s.db.Tx(ctx, func(tx *sql.Tx) (err error) {
		g, err = s.addGuardian(ctx, tx, p, childID, in)
		return err
	})
	return g, err
}

// addGuardian is AddGuardian in transaction tx.
func (s *Service) addGuardian(ctx context.Context, tx *sql.Tx, p access.Principal, childID int64, in GuardianInput) (Guardianship, error) {
	var fs []errs.FieldError
	if (in.PersonID == 0) == (in.OrgID == 0) {
		fs = append(fs, errs.Field("guardian", "error.guardian_one"))
	}
	if in.PersonID == childID && childID != 0 {
		fs = append(fs, errs.Field("guardian", "error.own_guardian"))
	}
	if !slices.Contains(GuardianRelations(), in.Relation) {
		fs = append(fs, valid.Choice("relation", GuardianRelations()...))
	}
	if since := date(in.Since); since.After(s.today()) {
		fs = append(fs, errs.Field("since", "error.date_future", "Field", "since"))
	}
	var g Guardianship
	err := s.editChild(ctx, tx, p, childID, func(tx *sql.Tx, child Person) error {
		if in.PersonID != 0 {
			gp, err := s.byID(ctx, tx, in.PersonID)
			if errs.CodeOf(err) == errs.NotFound {
				fs = append(fs, errs.Field("guardian", "error.not_found"))
			} else if err != nil {
				return err
			} else if err := access.Can(p, access.ViewChild, gp.Target()); err != nil {
				return err
			}
		} else if _, ok, err := s.orgPath(ctx, tx, in.OrgID); err != nil {
			return err
		} else if !ok {
			fs = append(fs, errs.Field("guardian", "error.unknown_org"))
		}
		if err := errs.Validation(fs...); err != nil {
			return err
		}
		var id int64
		err := tx.QueryRowContext(ctx, s.q.InsertGuardian, child.ID, store.NullID(in.PersonID), store.NullID(in.OrgID),
			in.Relation, store.NullDate(in.Since), store.NullID(p.UserID), s.now().UTC()).Scan(&id)
		if err != nil {
			return err
		}
		if g, err = s.guardianship(ctx, tx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "add_guardian", Entity: "person",
			EntityID: itoa(child.ID), OrgPath: child.OrgPath, RegionPath: child.RegionPath, After: g})
	})
	return g, err
}

// RemoveGuardian ends guardianship id of child.
func (s *Service) RemoveGuardian(ctx context.Context, p access.Principal, childID, id int64) error {
	return s.EditChild(ctx, p, childID, func(tx *sql.Tx, child Person) error {
		g, err := s.guardianship(ctx, tx, id)
		if err != nil {
			return err
		}
		if g.ChildID != child.ID {
			return errs.ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, s.q.DeleteGuardian, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "remove_guardian", Entity: "person",
			EntityID: itoa(child.ID), OrgPath: child.OrgPath, RegionPath: child.RegionPath, Before: g})
	})
}
