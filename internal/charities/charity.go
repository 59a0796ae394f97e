package charities

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Charity is one member of the benefactors' association.
type Charity struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	OrgID       int64     `json:"org_id"` // its staff log in under it
	OrgName     string    `json:"org_name,omitempty"`
	Capacity    int       `json:"capacity"` // children it can take at once
	Taken       int       `json:"taken"`    // places in use by accepted referrals
	Active      bool      `json:"active"`
	Note        string    `json:"note,omitempty"`
	Domains     []Domain  `json:"domains"`
	Regions     []string  `json:"regions"` // the codes of the regions it works in
	RegionPaths []string  `json:"-"`
	Version     int       `json:"version"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Free is how many more children the charity can take.
func (c Charity) Free() int { return max(c.Capacity-c.Taken, 0) }

// Covers reports whether the charity gives help of domain d.
func (c Charity) Covers(d Domain) bool { return oneOf(d, c.Domains) }

// WorksIn reports whether a place of path regionPath lies within one of
// the charity's regions.
func (c Charity) WorksIn(regionPath string) bool {
	for _, p := range c.RegionPaths {
		if strings.HasPrefix(regionPath, p) {
			return true
		}
	}
	return false
}

// Input is a charity as a form gives it.
type Input struct {
	Name        string
	OrgID       int64
	Capacity    int
	Active      bool
	Note        string
	Domains     []Domain
	RegionCodes []string
}

// MaxName bounds a charity's name.
const MaxName = 200

// Create records a charity; p needs ManageCharities.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Charity, error) {
	if err := access.Can(p, access.ManageCharities, access.Target{}); err != nil {
		return Charity{}, err
	}
	c, err := s.check(ctx, in)
	if err != nil {
		return Charity{}, err
	}
	now := s.now().UTC()
	c.Version, c.UpdatedAt = 1, now
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q.OrgExists, c.OrgID).Scan(new(int64)); errors.Is(err, sql.ErrNoRows) {
			return errs.Validation(errs.Field("org", "error.not_found"))
		} else if err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, s.q.Insert, c.Name, c.OrgID, c.Capacity, c.Active, c.Note,
			store.NullID(p.UserID), now).Scan(&c.ID)
		if store.IsUniqueViolation(err) {
			return errs.Validation(errs.Field("org", "error.charity_org_taken"))
		} else if err != nil {
			return err
		}
		if err := s.writeSets(ctx, tx, c); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "charity", EntityID: itoa(c.ID), After: c})
	})
	if err != nil {
		return Charity{}, err
	}
	return s.Get(ctx, p, c.ID)
}

// Update changes charity id, which must still stand at version; its
// organisation stays. The capacity may not fall below the places taken.
func (s *Service) Update(ctx context.Context, p access.Principal, id int64, version int, in Input) (Charity, error) {
	if err := access.Can(p, access.ManageCharities, access.Target{}); err != nil {
		return Charity{}, err
	}
	before, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Charity{}, err
	}
	in.OrgID = before.OrgID
	c, err := s.check(ctx, in)
	if err != nil {
		return Charity{}, err
	}
	if c.Capacity < before.Taken {
		return Charity{}, errs.Validation(errs.Field("capacity", "error.charity_below_taken", "Taken", before.Taken))
	}
	c.ID = id
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.Update, c.Name, c.Capacity, c.Active, c.Note, s.now().UTC(), id, version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return errs.New(errs.Conflict, "error.conflict")
		}
		if err := s.writeSets(ctx, tx, c); err != nil {
			return err
		}
		after, err := s.byID(ctx, tx, id)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "charity", EntityID: itoa(id),
			Before: before, After: after})
	})
	if err != nil {
		return Charity{}, err
	}
	return s.Get(ctx, p, id)
}

// check cleans in and resolves its regions; the charity it returns has
// no id yet.
func (s *Service) check(ctx context.Context, in Input) (Charity, error) {
	c := Charity{Name: strings.TrimSpace(in.Name), OrgID: in.OrgID, Capacity: in.Capacity, Active: in.Active,
		Note: strings.TrimSpace(in.Note)}
	var fs []errs.FieldError
	fs = valid.Required(fs, "name", c.Name)
	fs = valid.Line(fs, "name", c.Name, MaxName)
	fs = valid.Note(fs, "note", c.Note)
	if c.OrgID == 0 {
		fs = append(fs, errs.Field("org", "error.required", "Field", "org"))
	}
	if c.Capacity < 1 || c.Capacity > MaxCapacity {
		fs = append(fs, errs.Field("capacity", "error.charity_capacity", "Max", MaxCapacity))
	}
	for _, d := range in.Domains {
		if !oneOf(d, Domains()) {
			fs = append(fs, valid.Choice("domains", Domains()...))
			break
		}
		if !oneOf(d, c.Domains) {
			c.Domains = append(c.Domains, d)
		}
	}
	if len(in.Domains) == 0 {
		fs = append(fs, errs.Field("domains", "error.charity_domains"))
	}
	for _, code := range in.RegionCodes {
		code = strings.ToUpper(strings.TrimSpace(code))
		if code == "" || oneOf(code, c.Regions) {
			continue
		}
		r, err := s.geo.Lookup(ctx, code)
		if errors.Is(err, errs.ErrNotFound) {
			fs = append(fs, errs.Field("regions", "error.unknown_region", "Code", code))
			continue
		} else if err != nil {
			return Charity{}, err
		}
		c.Regions, c.RegionPaths = append(c.Regions, r.Code), append(c.RegionPaths, r.Path)
	}
	if len(c.Regions) == 0 && len(fs) == 0 {
		fs = append(fs, errs.Field("regions", "error.charity_regions"))
	}
	return c, errs.Validation(fs...)
}

// writeSets replaces the domains and regions of charity c.
func (s *Service) writeSets(ctx context.Context, tx *sql.Tx, c Charity) error {
	if _, err := tx.ExecContext(ctx, s.q.DeleteDomains, c.ID); err != nil {
		return err
	}
	for _, d := range c.Domains {
		if _, err := tx.ExecContext(ctx, s.q.InsertDomain, c.ID, d); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, s.q.DeleteRegions, c.ID); err != nil {
		return err
	}
	for _, code := range c.Regions {
		r, err := s.geo.Lookup(ctx, code)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.InsertRegion, c.ID, r.ID, r.Path); err != nil {
			return err
		}
	}
	return nil
}
