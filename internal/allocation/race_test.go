package allocation_test

import (
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// contested is a campaign with two warehouses short of stock for twelve
// approved requests: five uniforms of size 134 in Karaganda, three kits
// in Almaty.
func contested(t *testing.T, tw *testworld.World) *fix {
	f := newWorld(t, tw).campaign(t, "contested")
	central := f.warehouse(t, "Karaganda central warehouse", "KZ-35")
	point := f.warehouse(t, "Almaty point", "KZ-75")
	f.receive(t, central, stock.Line{ItemID: f.c.Uniform, Size: "134", Quantity: 5})
	f.receive(t, point, stock.Line{ItemID: f.c.Kit, Quantity: 3})
	at := testworld.Epoch().Add(-time.Hour)
	for i := range 12 {
		if i%2 == 0 {
			f.request(t, []string{"KZ-35-01", "KZ-35-02"}[i%4/2], "approved", 10+i, true, at,
				ask{item: f.c.Uniform, size: "134"})
		} else {
			f.request(t, "KZ-75-01", "approved", 10+i, true, at, ask{item: f.c.Kit})
		}
	}
	return f
}

// sound fails unless the holds are one consistent set: no line held
// twice, held lines numbering held, every counter within its balance and
// agreeing with the ledger.
func (f *fix) sound(t *testing.T, held int64) {
	t.Helper()
	if n := f.scalar(t, `SELECT count(*) FROM (SELECT request_id, line FROM stock_holds WHERE status = 'held'
		GROUP BY request_id, line HAVING count(*) > 1) twice`); n != 0 {
		t.Fatalf("%d lines held twice", n)
	}
	if n := f.scalar(t, "SELECT count(*) FROM stock_holds WHERE status = 'held'"); n != held {
		t.Fatalf("%d lines held, want %d", n, held)
	}
	if n := f.scalar(t, "SELECT count(*) FROM stock_balances WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand"); n != 0 {
		t.Fatalf("%d balances negative or over-reserved", n)
	}
	verify(t, f.world)
}

// A hundred commits of the same campaign at once, the ways the pages, the
// API and the command line commit: a dry run's plan (version and
// digest), the current version, the waiting list. Exactly one commits;
// every other is refused as overtaken or as having nothing left to
// commit, and the holds are the one plan's: eight lines, none twice.
func TestHundredCommitsAtOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f := contested(t, tw)
		coord := f.Principal(access.Coordinator)
		dry, err := f.s.DryRun(f.ctx, coord, f.c.ID, "web")
		must(t, err)
		const n = 100
		results := make([]error, n)
		served := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				var plan *allocation.Plan
				var err error
				switch i % 3 {
				case 0:
					plan, _, err = f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: dry.Version,
						Digest: dry.Digest, Via: "web"})
				case 1:
					var st allocation.Settings
					if st, err = f.s.Settings(f.ctx, coord, f.c.ID); err == nil {
						plan, _, err = f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: st.Version,
							Via: "api"})
					}
				default:
					plan, _, err = f.s.AllocateWaitlist(f.ctx, coord, f.c.ID, "web")
				}
				results[i] = err
				if err == nil {
					served[i] = plan.Served
				}
			})
		}
		wg.Wait()
		won := 0
		for i, err := range results {
			if err == nil {
				won++
				if served[i] != 8 {
					t.Errorf("commit %d served %d lines", i, served[i])
				}
				continue
			}
			e := errs.As(err)
			if e == nil || errs.CodeOf(err) != errs.Conflict || (e.Key != "error.allocation_changed" &&
				e.Key != "error.allocation_nothing_to_commit") {
				t.Errorf("commit %d: %v", i, err)
			}
		}
		if won != 1 {
			t.Fatalf("%d commits won", won)
		}
		if runs := f.scalar(t, "SELECT count(*) FROM allocation_runs WHERE committed"); runs != 1 {
			t.Fatalf("%d committed runs", runs)
		}
		if n := f.scalar(t, `SELECT count(*) FROM stock_holds WHERE status = 'held'
			AND run_id <> (SELECT id FROM allocation_runs WHERE committed)`); n != 0 {
			t.Fatalf("%d holds of another run", n)
		}
		f.sound(t, 8)
		if n := f.scalar(t, "SELECT count(*) FROM requests WHERE status = 'allocated'"); n != 8 {
			t.Fatalf("%d requests allocated", n)
		}
	})
}
