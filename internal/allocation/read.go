package allocation

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// read reads campaign c's instance through q (a transaction: the lines
// and the stock are read in one snapshot): the lines of its requests,
// the stock available at the open warehouses of its organiser's subtree
// (stock's Available), those warehouses (stores, read before the
// transaction: see stores) with the campaign's routes, and its quotas;
// then the requests' scores and places (eligibility's Standings) from
// standings. Everything goes through q: a commit's transaction must not
// wait for a second connection of a pool its rivals may be holding.
func (s *Service) read(ctx context.Context, q store.Querier, c campaign.Campaign, src sources,
	standings func() ([]eligibility.Standing, error)) (*Instance, error) {
	in := &Instance{CampaignID: c.ID}
	var err error
	in.Lines, err = store.Select(ctx, q, func(sc store.Scanner) (Line, error) {
		var l Line
		err := sc.Scan(&l.RequestID, &l.Status, &l.Version, &l.Region, &l.Requested, &l.Line, &l.ItemID, &l.Size,
			&l.Quantity, &l.HeldAt)
		l.Requested = l.Requested.UTC()
		return l, err
	}, s.q.Lines, c.ID)
	if err != nil {
		return nil, err
	}
	for _, scope := range src.scopes {
		avail, err := s.Stock.Available(ctx, q, stock.AvailableFilter{CampaignID: c.ID, OrgPath: scope})
		if err != nil {
			return nil, err
		}
		for _, a := range avail {
			in.Stock = append(in.Stock, Stock{WarehouseID: a.WarehouseID, ItemID: a.ItemID, Size: a.Size,
				Available: a.Available})
		}
	}
	if in.Warehouses, err = s.warehouses(ctx, q, c.ID, src.stores); err != nil {
		return nil, err
	}
	if in.Quotas, err = s.quotas(ctx, q, c.ID); err != nil {
		return nil, err
	}
	st, err := standings()
	if err != nil {
		return nil, err
	}
	standing := make(map[int64]eligibility.Standing, len(st))
	for _, x := range st {
		standing[x.RequestID] = x
	}
	for i := range in.Lines {
		l := &in.Lines[i]
		if x, ok := standing[l.RequestID]; ok {
			l.Priority, l.RankRegion, l.Rank, l.Of = max(int64(x.Score), 0), x.Region, x.Place.Rank, x.Place.Of
		}
	}
	return in, nil
}

// inTx reads the results in the transaction q as well: a commit's read.
func (s *Service) inTx(ctx context.Context, q store.Querier, id int64) func() ([]eligibility.Standing, error) {
	return func() ([]eligibility.Standing, error) { return s.Eligibility.Standings(ctx, q, id) }
}

// plan reads campaign c's instance and decides its plan, at the
// allocation version it reads, without writing: a dry run's. To use both
// cores, the results are read on a connection of their own while the
// snapshot reads the rest, so a change committed between the two reads'
// starts may show in one and not the other; a commit plans again in its
// own transaction, and a commit of a dry run's plan checks its digest.
func (s *Service) plan(ctx context.Context, c campaign.Campaign, src sources) (*Plan, error) {
	type result struct {
		st  []eligibility.Standing
		err error
	}
	ch := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r.err = fmt.Errorf("allocation: reading the results: %v", p)
			}
			ch <- r
		}()
		r.st, r.err = s.Eligibility.Standings(ctx, nil, c.ID)
	}()
	standings := func() ([]eligibility.Standing, error) { r := <-ch; return r.st, r.err }
	t0 := time.Now()
	var plan *Plan
	var read time.Duration
	err := s.snapshot(ctx, func(tx *sql.Tx) error {
		in, err := s.read(ctx, tx, c, src, standings)
		if err != nil {
			return err
		}
		read = time.Since(t0)
		if plan, err = Decide(in); err != nil {
			return err
		}
		plan.Version, err = s.version(ctx, tx, c.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	plan.Read = read
	return plan, nil
}

// sources are where a campaign's stock may come from: the organisation
// subtrees of its organiser and of its partners (none inside another),
// and their open warehouses as stock lists them. A run reads the
// warehouses before its transaction: they are reference data, and stock
// reads them on a connection of its own. One that closes meanwhile has
// nothing available in the transaction's snapshot; one opened meanwhile
// serves from the next run.
type sources struct {
	scopes []string
	stores []stock.Warehouse
}

func (s *Service) sources(ctx context.Context, c campaign.Campaign) (sources, error) {
	paths := []string{c.Target().OrgPath}
	for _, p := range c.Partners {
		o, err := s.Orgs.Get(ctx, access.System, p.OrgID)
		if err != nil {
			return sources{}, err
		}
		paths = append(paths, o.Path)
	}
	slices.Sort(paths)
	var src sources
	for _, p := range paths {
		if n := len(src.scopes); p == "" || (n > 0 && strings.HasPrefix(p, src.scopes[n-1])) {
			continue // inside the one before (sorted, a subtree follows its root)
		}
		src.scopes = append(src.scopes, p)
	}
	for _, scope := range src.scopes {
		ws, err := s.Stock.Warehouses(ctx, scopeOf(scope))
		if err != nil {
			return sources{}, err
		}
		for _, w := range ws {
			if w.Active && strings.HasPrefix(w.Target().OrgPath, scope) {
				src.stores = append(src.stores, w)
			}
		}
	}
	slices.SortFunc(src.stores, func(a, b stock.Warehouse) int { return cmp.Compare(a.ID, b.ID) })
	return src, nil
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
