package orgs

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/store"
)

// Get returns organisation id if p may see it.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64) (Organisation, error) {
	o, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Organisation{}, err
	}
	if err := access.Can(p, access.ViewOrgs, o.Target()); err != nil {
		return Organisation{}, err
	}
	return o, nil
}

// Filter narrows List; zero fields match everything.
type Filter struct {
	Type       Type
	ParentID   int64  // direct children of this organisation
	RegionCode string // organisations in this region or below it
	Name       string // the name contains this, ignoring case
}

// List returns one page of the organisations p may see that match f,
// newest first, with the cursor of the next page.
func (s *Service) List(ctx context.Context, p access.Principal, f Filter, pg store.Page) ([]Organisation, string, error) {
	args, ok, err := s.listArgs(ctx, p, f, pg)
	if !ok || err != nil {
		return nil, "", err
	}
	out, err := s.query(ctx, s.q.List, args...)
	if err != nil {
		return nil, "", err
	}
	out, next := store.Trim(pg, out, func(o Organisation) int64 { return o.ID })
	return out, next, nil
}

// ListCount is how many organisations List pages through for p and f, up
// to store.CountCap.
func (s *Service) ListCount(ctx context.Context, p access.Principal, f Filter) (store.Count, error) {
	args, ok, err := s.listArgs(ctx, p, f, store.Page{Limit: store.CountCap})
	if !ok || err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.List, args...)
}

// listArgs binds List's query for p, f and pg; false when f's region does
// not exist, and nothing matches.
func (s *Service) listArgs(ctx context.Context, p access.Principal, f Filter, pg store.Page) ([]any, bool, error) {
	if err := access.Can(p, access.ViewOrgs, ownScope(p)); err != nil {
		return nil, false, err
	}
	region := "%"
	if code := normCode(f.RegionCode); code != "" {
		var id int64
		err := s.db.R.QueryRowContext(ctx, s.q.Region, code).Scan(&id, &region)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, false, nil
		} else if err != nil {
			return nil, false, err
		}
		region = geo.SubtreePattern(region)
	}
	return []any{pg.BeforeArg(), p.OrgPath + "%", geo.SubtreePattern(p.RegionPath),
		string(f.Type), f.ParentID, region, geo.ContainsPattern(f.Name), pg.LimitArg(), pg.SkipArg()}, true, nil
}

// Count returns how many organisations p may see, for home pages.
func (s *Service) Count(ctx context.Context, p access.Principal) (int, error) {
	if err := access.Can(p, access.ViewOrgs, ownScope(p)); err != nil {
		return 0, err
	}
	var n int
	err := s.db.R.QueryRowContext(ctx, s.q.Count, p.OrgPath+"%", geo.SubtreePattern(p.RegionPath)).Scan(&n)
	return n, err
}

// Ancestors returns the organisations above id that p may see, the root
// first, for breadcrumbs.
func (s *Service) Ancestors(ctx context.Context, p access.Principal, id int64) ([]Organisation, error) {
	o, err := s.Get(ctx, p, id)
	if err != nil {
		return nil, err
	}
	return s.query(ctx, s.q.Ancestors, o.Path, o.ID, p.OrgPath+"%", geo.SubtreePattern(p.RegionPath))
}

// byID reads one organisation through q (the read pool or a transaction).
func (s *Service) byID(ctx context.Context, q store.Querier, id int64) (Organisation, error) {
	o, err := scanOrg(q.QueryRowContext(ctx, s.q.ByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Organisation{}, errs.ErrNotFound
	}
	return o, err
}

func (s *Service) query(ctx context.Context, q string, args ...any) ([]Organisation, error) {
	return store.Select(ctx, s.db.R, scanOrg, q, args...)
}
