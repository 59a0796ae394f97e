package allocation_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// A dry run's plan committed after a unit it counted on was written off:
// committed with the plan's digest (the page's way) it is refused and
// nothing changes; committed at the current version only (the command
// line's, or the API's without a digest) the commit plans again from what
// its transaction sees and holds only the unit left, for the best-ranked
// request. It never holds stock that is not there.
func TestStalePlanNeverHoldsMissingStock(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f, w := basic(t, tw)
		coord := f.Principal(access.Coordinator)
		dry, err := f.s.DryRun(f.ctx, coord, f.c.ID, "web")
		must(t, err)
		if dry.Served != 2 {
			t.Fatalf("the dry run serves %d", dry.Served)
		}
		_, err = f.Services.Stock.WriteOff(f.ctx, access.System, stock.WriteOffInput{WarehouseID: w.ID,
			Reason: stock.Damaged, Lines: []stock.Line{{ItemID: f.c.Uniform, Size: "134", Quantity: 1}}})
		must(t, err)
		before := f.state(t)
		_, _, err = f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: dry.Version, Digest: dry.Digest})
		wantKey(t, err, "error.allocation_input_changed")
		if after := f.state(t); after != before {
			t.Fatalf("a refused stale plan changed %v to %v", before, after)
		}
		plan, run, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: dry.Version, Via: "cli"})
		must(t, err)
		if plan.Served != 1 || plan.Objective != 30 || plan.Digest == dry.Digest {
			t.Fatalf("the commit served %d for %d (digest %s, the dry run's %s)", plan.Served, plan.Objective, plan.Digest,
				dry.Digest)
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_holds WHERE status = 'held' AND run_id = $1", run.ID); n != 1 {
			t.Fatalf("run %d holds %d lines", run.ID, n)
		}
		f.sound(t, 1)
		if n := f.scalar(t, "SELECT count(*) FROM requests WHERE status = 'waitlisted'"); n != 2 {
			t.Fatalf("%d requests waitlisted", n)
		}
	})
}

// Stock received while a commit is under way, between its reservation
// and the end of its transaction, is neither lost nor held by it: the
// receipt waits for the commit, then the unit is available, and the
// stock watcher's job gives it to the first request waiting.
func TestCommitRacingStockArrival(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f, w := basic(t, tw)
		coord := f.Principal(access.Coordinator)
		runJobs := startJobs(t, f)
		seen := map[int64]allocation.Seen{}
		must(t, f.s.WatchOnce(f.ctx, seen))
		received := make(chan error, 1)
		f.s.SetPause(func() {
			go func() {
				_, err := f.Services.Stock.Receive(f.ctx, access.System, stock.ReceiptInput{WarehouseID: w.ID,
					Kind: stock.Donation, DonorID: f.donor.ID,
					Lines: []stock.Line{{ItemID: f.c.Uniform, Size: "134", Quantity: 1}}})
				received <- err
			}()
		})
		plan, _, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Via: "web"})
		f.s.SetPause(nil)
		must(t, err)
		must(t, <-received)
		if plan.Served != 2 {
			t.Fatalf("the commit served %d", plan.Served)
		}
		f.sound(t, 2)
		waiting := f.scalar(t, "SELECT id FROM requests WHERE status = 'waitlisted'")
		must(t, f.s.WatchOnce(f.ctx, seen))
		runJobs()
		if st := f.status(t, waiting); st != "allocated" {
			t.Fatalf("the waiting request is %s after the unit arrived", st)
		}
		f.sound(t, 3)
	})
}

// A campaign with approved requests and no stock at all: the commit puts
// every request on the waiting list, each line saying no stock reaches
// its region; a second commit has nothing to do and is refused, keeping
// no run; a campaign with no request has nothing to commit either.
func TestNoStockAndNoRequests(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		x := newWorld(t, tw)
		f := x.campaign(t, "bare")
		f.warehouse(t, "Karaganda central warehouse", "KZ-35")
		coord := f.Principal(access.Coordinator)
		_, _, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Via: "web"})
		wantKey(t, err, "error.allocation_nothing_to_commit")
		dry, err := f.s.DryRun(f.ctx, coord, f.c.ID, "web")
		must(t, err)
		if dry.Lines != 0 || dry.Served != 0 || dry.Objective != 0 {
			t.Fatalf("an empty campaign's plan: %+v", dry)
		}
		at := testworld.Epoch().Add(-time.Hour)
		kit := f.request(t, "KZ-35-01", "approved", 30, true, at, ask{item: f.c.Kit})
		uniform := f.request(t, "KZ-35-02", "approved", 20, true, at, ask{item: f.c.Uniform, size: "134"})
		plan, _, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Via: "web"})
		must(t, err)
		if plan.Served != 0 || plan.Waitlisted != 2 {
			t.Fatalf("with no stock: served %d, waitlisted %d", plan.Served, plan.Waitlisted)
		}
		for id, want := range map[int64]string{kit: "test_kit: waitlisted: rank 1 in Karaganda Region; no stock of it reaches this region",
			uniform: "test_uniform: waitlisted: rank 2 in Karaganda Region; no stock of size 134 reaches this region"} {
			if st := f.status(t, id); st != "waitlisted" {
				t.Fatalf("request %d is %s", id, st)
			}
			f.wantExplained(t, id, i18n.EN, want)
		}
		before := f.state(t)
		_, _, err = f.s.AllocateWaitlist(f.ctx, coord, f.c.ID, "web")
		wantKey(t, err, "error.allocation_nothing_to_commit")
		if after := f.state(t); after != before {
			t.Fatalf("a commit with nothing to do changed %v to %v", before, after)
		}
		f.sound(t, 0)
	})
}

// A campaign whose only waiting line asks for three units: its first
// commit serves nothing and moves no request, yet is kept, as it records
// the line's outcome for its explanation; the next is refused as having
// nothing to do — until a rescore changes the line's place.
func TestMultiUnitOnlyCommitsItsExplanation(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f, _ := basic(t, tw)
		coord := f.Principal(access.Coordinator)
		_, _, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Via: "web"})
		must(t, err)
		f.exec(t, "UPDATE requests SET status = 'rejected' WHERE status = 'waitlisted'")
		three := f.request(t, "KZ-35-01", "approved", 40, true, testworld.Epoch(), ask{item: f.c.Uniform, size: "134", quantity: 3})
		plan, _, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: 1, Via: "web"})
		must(t, err)
		if plan.Served != 0 || plan.Lines != 1 || plan.Results[0].Outcome != allocation.MultiUnit {
			t.Fatalf("the multi-unit commit: %+v", plan)
		}
		f.wantExplained(t, three, i18n.EN, "the line asks for more than one unit; allocation sets aside one unit per line")
		_, _, err = f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: 2, Via: "web"})
		wantKey(t, err, "error.allocation_nothing_to_commit")
		f.exec(t, "UPDATE request_scores SET score = 5 WHERE request_id = $1", three)
		if _, _, err = f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: 2, Via: "web"}); err != nil {
			t.Fatalf("a commit recording a new place: %v", err)
		}
		f.sound(t, 2)
	})
}
