package allocation_test

import (
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// warehouseNamed is the campaign's warehouse called name.
func (f *fix) warehouseNamed(t *testing.T, name string) stock.Warehouse {
	t.Helper()
	w, err := f.Services.Stock.Warehouse(f.ctx, access.System,
		f.scalar(t, "SELECT id FROM warehouses WHERE name = $1 AND org_id = $2", name, f.org.ID))
	must(t, err)
	return w
}

// handOut issues n units of item (in size) from warehouse w to the
// Foundation, an ordinary issue to an organisation in a transaction of
// its own.
func (f *fix) handOut(w stock.Warehouse, item int64, size string, n int64) error {
	_, err := f.Services.Stock.IssueInstitution(f.ctx, access.System, stock.InstitutionInput{WarehouseID: w.ID,
		OrgID: f.Foundation.ID, Lines: []stock.Line{{ItemID: item, Size: size, Quantity: n}}})
	return err
}

// On PostgreSQL a commit reads the stock, then reserves it; an issue
// committed in between leaves less than the plan read. The commit plans
// again in a fresh transaction and succeeds with what is left; stock
// that keeps moving under every try is refused with its reason, nothing
// written. (SQLite writes one at a time: nothing moves in between.)
func TestCommitPlansAgainWhenStockMoves(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		if tw.DB.Engine != store.Postgres {
			t.Skip("on SQLite an issue waits for the commit's write lock")
		}
		f := contested(t, tw)
		point := f.warehouseNamed(t, "Almaty point")
		coord := f.Principal(access.Coordinator)
		tries := 0
		f.s.SetBeforeReserve(func() {
			if tries++; tries == 1 { // all three kits go while the first try holds its plan
				must(t, f.handOut(point, f.c.Kit, "", 3))
			}
		})
		plan, _, err := f.s.AllocateWaitlist(f.ctx, coord, f.c.ID, "web")
		if err != nil {
			t.Fatalf("the commit after the issue: %v", err)
		}
		if tries != 2 || plan.Served != 5 {
			t.Fatalf("%d tries, %d lines served; want 2 tries and the five uniforms", tries, plan.Served)
		}
		f.sound(t, 5)
	})
}

// Stock that moves under every try of a commit: after three tries the
// commit is refused with its reason, and nothing is written.
func TestCommitRefusedWhenStockKeepsMoving(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		if tw.DB.Engine != store.Postgres {
			t.Skip("on SQLite an issue waits for the commit's write lock")
		}
		g := contested(t, tw)
		gpoint := g.warehouseNamed(t, "Almaty point")
		coord := g.Principal(access.Coordinator)
		tries := 0
		g.s.SetBeforeReserve(func() {
			tries++
			must(t, g.handOut(gpoint, g.c.Kit, "", 1))
		})
		_, _, err := g.s.AllocateWaitlist(g.ctx, coord, g.c.ID, "web")
		if e := errs.As(err); e == nil || e.Code != errs.Conflict || e.Key != "error.allocation_stock_moved" || tries != 3 {
			t.Fatalf("a commit under stock moving on every try (%d tries): %v", tries, err)
		}
		if n := g.scalar(t, "SELECT count(*) FROM allocation_runs"); n != 0 {
			t.Fatalf("the refused commit kept %d runs", n)
		}
		g.sound(t, 0)
	})
}

// A commit racing many ordinary issues of the same stock, on both
// engines: the commit succeeds with holds only of stock that is there,
// or is refused with its reason; every issue succeeds or is refused as
// short; no balance goes negative and the ledger agrees.
func TestCommitRacingIssues(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f := contested(t, tw)
		central, point := f.warehouseNamed(t, "Karaganda central warehouse"), f.warehouseNamed(t, "Almaty point")
		coord := f.Principal(access.Coordinator)
		const n = 12
		issued := make([]error, n)
		var plan *allocation.Plan
		var commitErr error
		var wg sync.WaitGroup
		wg.Go(func() { plan, _, commitErr = f.s.AllocateWaitlist(f.ctx, coord, f.c.ID, "api") })
		for i := range n {
			wg.Go(func() {
				if i%2 == 0 {
					issued[i] = f.handOut(central, f.c.Uniform, "134", 1)
				} else {
					issued[i] = f.handOut(point, f.c.Kit, "", 1)
				}
			})
		}
		wg.Wait()
		for i, err := range issued {
			if e := errs.As(err); err != nil && (e == nil || e.Code != errs.Conflict ||
				(e.Key != "error.stock_short" && e.Key != "error.stock_short_size")) {
				t.Errorf("issue %d: %v", i, err)
			}
		}
		held := f.scalar(t, "SELECT count(*) FROM stock_holds WHERE status = 'held'")
		switch e := errs.As(commitErr); {
		case commitErr == nil:
			if int64(plan.Served) != held {
				t.Errorf("the commit served %d lines and holds %d", plan.Served, held)
			}
		case e != nil && e.Code == errs.Conflict && (e.Key == "error.allocation_stock_moved" ||
			e.Key == "error.allocation_nothing_to_commit"):
			if held != 0 {
				t.Errorf("a refused commit left %d holds", held)
			}
		default:
			t.Fatalf("the commit: %v", commitErr)
		}
		f.sound(t, held)
	})
}
