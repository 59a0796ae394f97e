package allocation

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// RouteInput lets warehouse WarehouseID serve the region with code
// RegionCode and its subtree at Cost.
type RouteInput struct {
	WarehouseID int64  `json:"warehouse_id"`
	RegionCode  string `json:"region_code"`
	Cost        int64  `json:"cost"`
}

// SaveRoute sets a route of campaign id (made or replaced) when p may
// manage its allocation. The warehouse must be an open one serving the
// campaign (of its organiser's or a partner's subtree) within p's scope,
// and the region within p's region scope. Once a warehouse has a route,
// it serves what its routes say and no longer its own region by default.
func (s *Service) SaveRoute(ctx context.Context, p access.Principal, id int64, in RouteInput) (Settings, error) {
	c, err := s.campaignFor(ctx, p, id, ManageAction)
	if err != nil {
		return Settings{}, err
	}
	var fs []errs.FieldError
	src, err := s.sources(ctx, c)
	if err != nil {
		return Settings{}, err
	}
	i := slices.IndexFunc(src.stores, func(w stock.Warehouse) bool { return w.ID == in.WarehouseID })
	switch {
	case i < 0:
		fs = append(fs, errs.Field("warehouse_id", "error.allocation_warehouse_unknown"))
	case !access.Within(p, src.stores[i].Target()):
		// A partner's warehouse serves the campaign, but only its own
		// staff say where its stock goes.
		fs = append(fs, errs.Field("warehouse_id", "error.allocation_warehouse_outside_scope"))
	}
	code := strings.TrimSpace(in.RegionCode)
	region, err := s.Geo.Lookup(ctx, code)
	if errs.CodeOf(err) == errs.NotFound {
		fs = append(fs, errs.Field("region", "error.unknown_region", "Code", code))
	} else if err != nil {
		return Settings{}, err
	} else if !inRegionScope(p, region.Path) {
		fs = append(fs, errs.Field("region", "error.allocation_region_outside_scope", "Code", region.Code))
	}
	if in.Cost < 0 || in.Cost > MaxCost {
		fs = append(fs, errs.Field("cost", "error.allocation_cost_range", "Max", MaxCost))
	}
	if err := errs.Validation(fs...); err != nil {
		return Settings{}, err
	}
	return s.change(ctx, p, c, "save", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q.UpsertRoute, c.ID, in.WarehouseID, region.ID, region.Path, in.Cost,
			store.NullID(p.UserID), s.Now().UTC())
		return err
	})
}

// DeleteRoute removes the route of warehouse warehouseID to the region
// with code regionCode from campaign id; as with SaveRoute, the
// warehouse and the region must lie within p's scope.
func (s *Service) DeleteRoute(ctx context.Context, p access.Principal, id, warehouseID int64, regionCode string) (Settings, error) {
	c, err := s.campaignFor(ctx, p, id, ManageAction)
	if err != nil {
		return Settings{}, err
	}
	region, err := s.Geo.Lookup(ctx, strings.TrimSpace(regionCode))
	if err != nil {
		return Settings{}, err
	}
	w, err := s.Stock.Warehouse(ctx, access.System, warehouseID)
	if err != nil {
		return Settings{}, err
	}
	switch {
	case !access.Within(p, w.Target()):
		return Settings{}, errs.New(errs.Forbidden, "error.allocation_warehouse_outside_scope")
	case !inRegionScope(p, region.Path):
		return Settings{}, errs.New(errs.Forbidden, "error.allocation_region_outside_scope", "Code", region.Code)
	}
	return s.change(ctx, p, c, "delete", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.DelRoute, c.ID, warehouseID, region.Path)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmp.Or[error](err, errs.ErrNotFound)
		}
		return nil
	})
}
