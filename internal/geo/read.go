package geo

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// SearchLimit is the most regions Search returns.
const SearchLimit = 50

// Get returns the region with code (any case), for p.
func (s *Service) Get(ctx context.Context, p access.Principal, code string) (Region, error) {
	if err := access.Can(p, access.ViewRegions, access.Target{}); err != nil {
		return Region{}, err
	}
	return s.Lookup(ctx, code)
}

// Lookup returns the region with code (any case) without asking whether
// anyone may see it. It is for other services that resolve a region a
// caller already named (an organisation's, a user's), never for showing
// regions to a user: use Get for that.
func (s *Service) Lookup(ctx context.Context, code string) (Region, error) {
	return s.byCode(ctx, s.db.R, normCode(code))
}

// Children returns the regions directly under parentCode in code order, or
// the countries when parentCode is "". An unknown parent is not found.
func (s *Service) Children(ctx context.Context, p access.Principal, parentCode string) ([]Region, error) {
	if err := access.Can(p, access.ViewRegions, access.Target{}); err != nil {
		return nil, err
	}
	if parentCode == "" {
		return s.query(ctx, s.q.Roots)
	}
	code := normCode(parentCode)
	out, err := s.query(ctx, s.q.Children, code)
	if err == nil && len(out) == 0 {
		_, err = s.Lookup(ctx, code)
	}
	return out, err
}

// List returns one page of the regions of a country ("" for all), newest
// first, with the cursor of the next page.
func (s *Service) List(ctx context.Context, p access.Principal, country string, pg store.Page) ([]Region, string, error) {
	if err := access.Can(p, access.ViewRegions, access.Target{}); err != nil {
		return nil, "", err
	}
	out, err := s.query(ctx, s.q.List, pg.BeforeArg(), normCode(country), pg.LimitArg())
	if err != nil {
		return nil, "", err
	}
	out, next := store.Trim(pg, out, func(r Region) int64 { return r.ID })
	return out, next, nil
}

// Search returns up to SearchLimit regions whose code or name in any
// language contains q, ignoring case, countries and larger places first.
func (s *Service) Search(ctx context.Context, p access.Principal, q string) ([]Region, error) {
	if err := access.Can(p, access.ViewRegions, access.Target{}); err != nil {
		return nil, err
	}
	if strings.TrimSpace(q) == "" {
		return nil, nil
	}
	return s.query(ctx, s.q.Search, ContainsPattern(q), SearchLimit)
}

// Ancestors returns the regions above code, the country first, for
// breadcrumbs; a country has none.
func (s *Service) Ancestors(ctx context.Context, p access.Principal, code string) ([]Region, error) {
	r, err := s.Get(ctx, p, code)
	if err != nil {
		return nil, err
	}
	return s.query(ctx, s.q.Ancestors, r.Path)
}

func (s *Service) query(ctx context.Context, q string, args ...any) ([]Region, error) {
	return store.Select(ctx, s.db.R, scanRegion, q, args...)
}
