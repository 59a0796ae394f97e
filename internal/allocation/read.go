package allocation

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// read reads campaign c's instance through q (a transaction: the lines,
// the results and the stock are read in one snapshot): the lines of its
// requests with their requests' scores and places (eligibility's
// Standings), the stock available at the open warehouses of its
// organiser's subtree (stock's Available), those warehouses (stores, read
// before the transaction: see stores) with the campaign's routes, and
// its quotas. Everything goes through q: a commit's transaction must not
// wait for a second connection of a pool its rivals may be holding.
func (s *Service) read(ctx context.Context, q store.Querier, c campaign.Campaign, stores []stock.Warehouse) (*Instance, error) {
	in := &Instance{CampaignID: c.ID}
	standing := map[int64]eligibility.Standing{}
	st, err := s.Eligibility.Standings(ctx, q, c.ID)
	if err != nil {
		return nil, err
	}
	for _, x := range st {
		standing[x.RequestID] = x
	}
	in.Lines, err = store.Select(ctx, q, func(sc store.Scanner) (Line, error) {
		var l Line
		err := sc.Scan(&l.RequestID, &l.Status, &l.Version, &l.Reference, &l.Locale, &l.Region, &l.Requested, &l.Line,
			&l.ItemID, &l.Size, &l.Quantity, &l.HeldAt)
		l.Requested = l.Requested.UTC()
		if x, ok := standing[l.RequestID]; ok {
			l.Priority, l.RankRegion, l.Rank, l.Of = max(int64(x.Score), 0), x.Region, x.Place.Rank, x.Place.Of
		}
		return l, err
	}, s.q.Lines, c.ID)
	if err != nil {
		return nil, err
	}
	orgPath := c.Target().OrgPath
	avail, err := s.Stock.Available(ctx, q, stock.AvailableFilter{CampaignID: c.ID, OrgPath: orgPath})
	if err != nil {
		return nil, err
	}
	for _, a := range avail {
		in.Stock = append(in.Stock, Stock{WarehouseID: a.WarehouseID, ItemID: a.ItemID, Size: a.Size, Available: a.Available})
	}
	if in.Warehouses, err = s.warehouses(ctx, q, c.ID, stores); err != nil {
		return nil, err
	}
	in.Quotas, err = s.quotas(ctx, q, c.ID)
	return in, err
}

// stores are the open warehouses of the organisation subtree orgPath,
// as stock lists them. A run reads them before its transaction: they
// are the organiser's reference data, and stock reads them on a
// connection of its own. One that closes meanwhile has nothing available
// in the transaction's snapshot; one opened meanwhile serves from the
// next run.
func (s *Service) stores(ctx context.Context, orgPath string) ([]stock.Warehouse, error) {
	ws, err := s.Stock.Warehouses(ctx, scopeOf(orgPath))
	if err != nil {
		return nil, err
	}
	var out []stock.Warehouse
	for _, w := range ws {
		if w.Active && strings.HasPrefix(w.Target().OrgPath, orgPath) {
			out = append(out, w)
		}
	}
	return out, nil
}

// warehouses are stores with campaign id's routes of each (nil: the
// default).
func (s *Service) warehouses(ctx context.Context, q store.Querier, id int64, stores []stock.Warehouse) ([]Warehouse, error) {
	routes, err := s.routes(ctx, q, id)
	if err != nil {
		return nil, err
	}
	var out []Warehouse
	for _, w := range stores {
		x := Warehouse{ID: w.ID, Name: w.Name, Region: w.Target().RegionPath}
		for _, r := range routes {
			if r.WarehouseID == w.ID {
				x.Routes = append(x.Routes, r)
			}
		}
		out = append(out, x)
	}
	return out, nil
}

// scopeOf is a principal that reads the stock of an organisation subtree
// for the run: allocation decides for the whole of the organiser's.
func scopeOf(orgPath string) access.Principal {
	return access.Principal{Name: "allocation", Role: access.Admin, OrgPath: orgPath}
}
