package stock

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// The list pages of warehouses, donors and devices go newest first by
// keyset (before an id), like every list of Jol, each with its count up
// to store.CountCap; Warehouses, Donors and Units stay for the forms and
// services that need a whole list.

// WarehousePage lists a page of the warehouses p sees, newest first, and
// the cursor of the next page.
func (s *Service) WarehousePage(ctx context.Context, p access.Principal, pg store.Page) ([]Warehouse, string, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return nil, "", err
	}
	args := store.Args(p.ScopeArgs(), []any{pg.BeforeArg(), pg.LimitArg(), pg.SkipArg()})
	list, err := store.Select(ctx, s.db.R, scanWarehouseRow, s.q.WarehousePage, args...)
	if err != nil {
		return nil, "", err
	}
	list, next := store.Trim(pg, list, func(w Warehouse) int64 { return w.ID })
	return list, next, nil
}

// WarehousesCount counts what WarehousePage pages through.
func (s *Service) WarehousesCount(ctx context.Context, p access.Principal) (store.Count, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.CountWarehouses, store.Args(p.ScopeArgs(), []any{store.CountArg()})...)
}

// DonorPage lists a page of the donors p sees (see Donors), newest first,
// and the cursor of the next page.
func (s *Service) DonorPage(ctx context.Context, p access.Principal, pg store.Page) ([]Donor, string, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return nil, "", err
	}
	lo, hi := access.Span(p.OrgPath)
	rlo, rhi := access.Span(p.RegionPath)
	list, err := store.Select(ctx, s.db.R, scanDonor, s.q.DonorPage, lo, hi, p.OrgPath, pg.BeforeArg(), pg.LimitArg(),
		pg.SkipArg(), rlo, rhi)
	if err != nil {
		return nil, "", err
	}
	list, next := store.Trim(pg, list, func(d Donor) int64 { return d.ID })
	return list, next, nil
}

// DonorsCount counts what DonorPage pages through.
func (s *Service) DonorsCount(ctx context.Context, p access.Principal) (store.Count, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return store.Count{}, err
	}
	lo, hi := access.Span(p.OrgPath)
	rlo, rhi := access.Span(p.RegionPath)
	return store.CountRows(ctx, s.db.R, s.q.CountDonors, lo, hi, p.OrgPath, store.CountArg(), rlo, rhi)
}

// UnitPage lists a page of the devices at warehouse id in state (any when
// ""), newest first, and the cursor of the next page.
func (s *Service) UnitPage(ctx context.Context, p access.Principal, id int64, state string, pg store.Page) ([]Unit, string, error) {
	if _, err := s.Warehouse(ctx, p, id); err != nil {
		return nil, "", err
	}
	list, err := store.Select(ctx, s.db.R, scanUnit, s.q.UnitPage, id, state, pg.BeforeArg(), pg.LimitArg(), pg.SkipArg())
	if err != nil {
		return nil, "", err
	}
	list, next := store.Trim(pg, list, func(u Unit) int64 { return u.ID })
	return list, next, nil
}

// UnitsCount counts what UnitPage pages through.
func (s *Service) UnitsCount(ctx context.Context, p access.Principal, id int64, state string) (store.Count, error) {
	if _, err := s.Warehouse(ctx, p, id); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.CountUnits, id, state, store.CountArg())
}

func scanWarehouseRow(sc store.Scanner) (Warehouse, error) {
	var w Warehouse
	err := sc.Scan(&w.ID, &w.Code, &w.Name, &w.Kind, &w.OrgID, &w.OrgName, &w.orgPath, &w.RegionID, &w.RegionCode,
		&w.regionPath, &w.Address, &w.Active, &w.OnHand, &w.Reserved)
	return w, err
}

func scanUnit(sc store.Scanner) (Unit, error) {
	var u Unit
	var donor sql.NullString
	err := sc.Scan(&u.ID, &u.ItemID, &u.Serial, &u.State, &u.LotID, &donor, &u.DocID)
	u.DonorName = donor.String
	return u, err
}
