package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Household returns household id if p may see it, and writes to the
// access log that p opened it through via: a household's page shows its
// children.
func (s *Service) Household(ctx context.Context, p access.Principal, id int64, via Via) (Household, error) {
	if err := via.check(); err != nil {
		return Household{}, err
	}
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return Household{}, err
	}
	h, err := s.householdByID(ctx, s.db.R, id)
	if err != nil {
		return Household{}, err
	}
	if err := access.Can(p, access.ViewChild, h.Target()); err != nil {
		return Household{}, err
	}
	if err := s.log.ViewedIn(ctx, p, "household", itoa(id), h.Target(), string(via)); err != nil {
		return Household{}, err
	}
	return h, nil
}

// HouseholdFilter narrows Households; zero fields match everything.
type HouseholdFilter struct {
	RegionCode  string // this place and the places under it
	OrgID       int64  // this organisation and those under it
	ExternalRef string
}

// Households returns one page of the households p may see that match f,
// newest first, with the cursor of the next page.
func (s *Service) Households(ctx context.Context, p access.Principal, f HouseholdFilter, pg store.Page) ([]Household, string, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return nil, "", err
	}
	org, region, ok, err := s.scopes(ctx, p, f.OrgID, f.RegionCode)
	if !ok || err != nil {
		return nil, "", err
	}
	olo, ohi := access.Span(org)
	rlo, rhi := access.Span(region)
	out, err := store.Select(ctx, s.db.R, scanHousehold, s.q.ListHouseholds, s.childCutoff(), olo, ohi, rlo, rhi,
		f.ExternalRef, pg.BeforeArg(), pg.LimitArg(), pg.SkipArg())
	if err != nil {
		return nil, "", err
	}
	out, next := store.Trim(pg, out, func(h Household) int64 { return h.ID })
	return out, next, nil
}

// CountHouseholds is how many households Households pages through for p
// and f, up to store.CountCap.
func (s *Service) CountHouseholds(ctx context.Context, p access.Principal, f HouseholdFilter) (store.Count, error) {
	if err := access.Can(p, access.ViewChild, p.Scope()); err != nil {
		return store.Count{}, err
	}
	org, region, ok, err := s.scopes(ctx, p, f.OrgID, f.RegionCode)
	if !ok || err != nil {
		return store.Count{}, err
	}
	olo, ohi := access.Span(org)
	rlo, rhi := access.Span(region)
	var n int
	err = s.db.R.QueryRowContext(ctx, s.q.CountHouseholds, olo, ohi, rlo, rhi, f.ExternalRef, store.CountArg()).Scan(&n)
	if err != nil {
		return store.Count{}, fmt.Errorf("count households: %w", err)
	}
	return store.Counted(n), nil
}

// childCutoff is the latest date of birth of an adult today: members born
// after it are children.
func (s *Service) childCutoff() any { return bornBefore(s.today(), Adult) }

// householdByID reads one household through q.
func (s *Service) householdByID(ctx context.Context, q store.Querier, id int64) (Household, error) {
	h, err := scanHousehold(q.QueryRowContext(ctx, s.q.HouseholdByID, s.childCutoff(), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Household{}, errs.ErrNotFound
	}
	return h, err
}

func scanHousehold(sc store.Scanner) (Household, error) {
	var h Household
	err := sc.Scan(&h.ID, &h.OrgID, &h.OrgName, &h.OrgPath, &h.RegionCode, &h.RegionPath, &h.Address,
		&h.Phone, &h.IncomeCategory, &h.LowIncome, &h.Incomplete, &h.Dysfunctional, &h.Notes, &h.ExternalRef,
		&h.CreatedBy, &h.CreatedAt, &h.UpdatedAt, &h.ChildrenUnder18)
	h.Large = h.ChildrenUnder18 >= LargeFamily
	h.CreatedAt, h.UpdatedAt = h.CreatedAt.UTC(), h.UpdatedAt.UTC()
	return h, err
}
