package allocation_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// A campaign's first allocation, dry then committed, and its waiting
// list served as stock arrives, on both engines: the plan serves the most
// priority, the dry run changes nothing, the commit holds the stock and
// moves the requests, and each line's explanation says where it comes
// from or why it waits.
func TestDryRunCommitAndWaitlist(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f := newWorld(t, tw).campaign(t, "road")
		coord := f.Principal(access.Coordinator)
		central := f.warehouse(t, "Karaganda central warehouse", "KZ-35")
		point := f.warehouse(t, "Almaty point", "KZ-75")
		f.receive(t, central, stock.Line{ItemID: f.c.Uniform, Size: "134", Quantity: 2},
			stock.Line{ItemID: f.c.Kit, Quantity: 1})
		f.receive(t, point, stock.Line{ItemID: f.c.Kit, Quantity: 1})
		at := testworld.Epoch().Add(-24 * time.Hour)
		r1 := f.request(t, "KZ-35-01", "approved", 30, true, at, ask{item: f.c.Uniform, size: "134"})
		r2 := f.request(t, "KZ-35-02", "approved", 20, true, at, ask{item: f.c.Uniform, size: "134"})
		r3 := f.request(t, "KZ-35-01", "approved", 10, true, at, ask{item: f.c.Uniform, size: "134"})
		r4 := f.request(t, "KZ-75-01", "approved", 5, true, at, ask{item: f.c.Kit})
		r5 := f.request(t, "KZ-71", "approved", 50, true, at, ask{item: f.c.Kit})

		plan, err := f.s.DryRun(f.ctx, coord, f.c.ID, "web")
		must(t, err)
		if plan.Objective != 55 || plan.Served != 3 || plan.Waitlisted != 2 || plan.Lines != 5 {
			t.Fatalf("dry run: objective %d, served %d of %d, waitlisted %d", plan.Objective, plan.Served, plan.Lines,
				plan.Waitlisted)
		}
		for _, id := range []int64{r1, r2, r3, r4, r5} {
			if st := f.status(t, id); st != "approved" {
				t.Fatalf("after the dry run request %d is %s", id, st)
			}
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_holds"); n != 0 {
			t.Fatalf("the dry run held %d lines", n)
		}

		_, run, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: plan.Version,
			Digest: plan.Digest, Via: "web"})
		must(t, err)
		want := map[int64]string{r1: "allocated", r2: "allocated", r3: "waitlisted", r4: "allocated", r5: "waitlisted"}
		for id, st := range want {
			if got := f.status(t, id); got != st {
				t.Errorf("request %d is %s, want %s", id, got, st)
			}
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_holds WHERE status = 'held' AND run_id = $1", run.ID); n != 3 {
			t.Fatalf("%d holds of run %d", n, run.ID)
		}
		if n := f.scalar(t, "SELECT count(*) FROM outbox WHERE message_key IN ('requestnotice.allocated', "+
			"'requestnotice.waitlisted')"); n != 5 {
			t.Errorf("%d messages to families", n)
		}
		verify(t, f.world)
		f.wantExplained(t, r1, i18n.EN, "test_uniform: allocated from Karaganda central warehouse")
		f.wantExplained(t, r3, i18n.EN,
			"test_uniform: waitlisted: rank 3 in Karaganda Region; size 134 ran out at rank 2")
		f.wantExplained(t, r3, i18n.RU, "test_uniform: лист ожидания: место 3 (Карагандинская область); "+
			"размер 134 закончился на месте 2")
		f.wantExplained(t, r5, i18n.EN, "test_kit: waitlisted: rank 1 in Astana; no warehouse serves this region")

		// The same plan cannot be committed twice.
		_, _, err = f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: plan.Version})
		wantKey(t, err, "error.allocation_changed")

		// A uniform arrives: the waiting list gets it; a route lets the
		// central warehouse serve Astana, at a cost, and its own region.
		f.receive(t, central, stock.Line{ItemID: f.c.Uniform, Size: "134", Quantity: 1})
		_, err = f.s.SaveRoute(f.ctx, coord, f.c.ID, allocation.RouteInput{WarehouseID: central.ID, RegionCode: "KZ-71",
			Cost: 700})
		must(t, err)
		_, err = f.s.SaveRoute(f.ctx, coord, f.c.ID, allocation.RouteInput{WarehouseID: central.ID, RegionCode: "KZ-35"})
		must(t, err)
		plan, run, err = f.s.AllocateWaitlist(f.ctx, coord, f.c.ID, "web")
		must(t, err)
		if plan.Served != 2 || plan.Objective != 60 || plan.Distance != 700 || plan.Kept != 3 || run.Kind != "waitlist" {
			t.Fatalf("waitlist run: served %d, objective %d, distance %d, kept %d, kind %s", plan.Served, plan.Objective,
				plan.Distance, plan.Kept, run.Kind)
		}
		if f.status(t, r3) != "allocated" || f.status(t, r5) != "allocated" {
			t.Fatalf("after the waitlist run: %s, %s", f.status(t, r3), f.status(t, r5))
		}
		f.wantExplained(t, r5, i18n.EN, "test_kit: allocated from Karaganda central warehouse")
		verify(t, f.world)
		runs, err := f.s.Runs(f.ctx, coord, f.c.ID, 10)
		must(t, err)
		if len(runs) != 3 || runs[0].Kind != "waitlist" || !runs[1].Committed || runs[2].Committed {
			t.Fatalf("runs %+v", runs)
		}
	})
}

// wantExplained fails unless request id's explanation in locale has the
// line want.
func (f *fix) wantExplained(t *testing.T, id int64, locale i18n.Locale, want string) {
	t.Helper()
	out, err := f.s.Outcomes(f.ctx, access.System, id)
	must(t, err)
	names, err := f.Services.ExplainNames(f.ctx, string(locale))
	must(t, err)
	l := f.Services.Catalog.Localizer(locale)
	var got []string
	for _, o := range out {
		got = append(got, eligibility.Render(l, names, o.Explain()))
	}
	if !strings.Contains(strings.Join(got, "\n"), want) {
		t.Fatalf("request %d explained as %q, want %q", id, got, want)
	}
}

// verify fails unless every stock counter agrees with the ledger.
func verify(t *testing.T, w *world) {
	t.Helper()
	r, err := w.Services.Stock.Verify(w.ctx)
	must(t, err)
	if len(r.Mismatches) > 0 {
		t.Fatalf("the ledger disagrees: %+v", r.Mismatches)
	}
}
