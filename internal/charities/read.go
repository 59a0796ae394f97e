package charities

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Get returns charity id; p needs ViewCharities, or to be of its staff.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64) (Charity, error) {
	c, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Charity{}, err
	}
	if p.Role == access.Charity && p.OrgID == c.OrgID {
		return c, nil
	}
	if err := access.Can(p, access.ViewCharities, access.Target{}); err != nil {
		return Charity{}, err
	}
	return c, nil
}

// List returns the charities by name, those covering domain d only when
// d is not "". The list is the association's, read whole (a thousand at
// most).
func (s *Service) List(ctx context.Context, p access.Principal, d Domain) ([]Charity, error) {
	if err := access.Can(p, access.ViewCharities, access.Target{}); err != nil {
		return nil, err
	}
	out, err := store.Select(ctx, s.db.R, scan, s.q.List, d)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if err := s.fill(ctx, s.db.R, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Mine is the charity whose staff p is: not found for anyone else.
func (s *Service) Mine(ctx context.Context, p access.Principal) (Charity, error) {
	if p.Role != access.Charity || p.OrgID == 0 {
		return Charity{}, errs.New(errs.Forbidden, "error.forbidden")
	}
	c, err := scan(s.db.R.QueryRowContext(ctx, s.q.ByOrg, p.OrgID))
	if err != nil {
		return Charity{}, store.NotFound(err)
	}
	return c, s.fill(ctx, s.db.R, &c)
}

// Lookup returns charity id reading through q, with no access check: for
// the domains that refer to one (outreach's referrals), which check their
// own.
func (s *Service) Lookup(ctx context.Context, q store.Querier, id int64) (Charity, error) {
	return s.byID(ctx, q, id)
}

// Take takes one place of charity id in tx, or refuses when it has none
// free.
func (s *Service) Take(ctx context.Context, tx *sql.Tx, id int64) error {
	res, err := tx.ExecContext(ctx, s.q.Take, id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return errs.New(errs.Conflict, "error.charity_full")
	}
	return nil
}

// Release gives back one place of charity id in tx.
func (s *Service) Release(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, s.q.Release, id)
	return err
}

func (s *Service) byID(ctx context.Context, q store.Querier, id int64) (Charity, error) {
	c, err := scan(q.QueryRowContext(ctx, s.q.ByID, id))
	if err != nil {
		return Charity{}, store.NotFound(err)
	}
	return c, s.fill(ctx, q, &c)
}

// fill reads c's domains and regions.
func (s *Service) fill(ctx context.Context, q store.Querier, c *Charity) error {
	var err error
	c.Domains, err = store.Select(ctx, q, func(sc store.Scanner) (Domain, error) {
		var d Domain
		return d, sc.Scan(&d)
	}, s.q.Domains, c.ID)
	if err != nil {
		return err
	}
	type region struct{ code, path string }
	rs, err := store.Select(ctx, q, func(sc store.Scanner) (region, error) {
		var r region
		return r, sc.Scan(&r.code, &r.path)
	}, s.q.Regions, c.ID)
	c.Regions, c.RegionPaths = nil, nil
	for _, r := range rs {
		c.Regions, c.RegionPaths = append(c.Regions, r.code), append(c.RegionPaths, r.path)
	}
	return err
}

func scan(sc store.Scanner) (Charity, error) {
	var c Charity
	err := sc.Scan(&c.ID, &c.Name, &c.OrgID, &c.OrgName, &c.Capacity, &c.Taken, &c.Active, &c.Note, &c.Version,
		&c.UpdatedAt)
	return c, err
}
