package allocation_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// state is what an allocation could change: requests' statuses, holds,
// reservations, runs and their lines, messages to families.
func (f *fix) state(t *testing.T) [6]int64 {
	t.Helper()
	return [6]int64{
		f.scalar(t, "SELECT count(*) FROM requests WHERE status = 'approved'"),
		f.scalar(t, "SELECT count(*) FROM stock_holds"),
		f.scalar(t, "SELECT COALESCE(SUM(reserved), 0) FROM stock_balances"),
		f.scalar(t, "SELECT count(*) FROM allocation_runs WHERE committed"),
		f.scalar(t, "SELECT count(*) FROM allocation_lines"),
		f.scalar(t, "SELECT count(*) FROM outbox"),
	}
}

// basic is a campaign with a warehouse in Karaganda holding two uniforms
// of size 134 and three approved requests for one there.
func basic(t *testing.T, tw *testworld.World) (*fix, stock.Warehouse) {
	f := newWorld(t, tw).campaign(t, "road")
	w := f.warehouse(t, "Karaganda central warehouse", "KZ-35")
	f.receive(t, w, stock.Line{ItemID: f.c.Uniform, Size: "134", Quantity: 2})
	at := testworld.Epoch().Add(-time.Hour)
	for i, score := range []int{30, 20, 10} {
		f.request(t, []string{"KZ-35-01", "KZ-35-02", "KZ-35-01"}[i], "approved", score, true, at,
			ask{item: f.c.Uniform, size: "134"})
	}
	return f, w
}

// Allocating a campaign that is closed is refused with a reason in the
// reader's language, and nothing changes; so is an operator's run.
func TestClosedCampaignRefused(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f, _ := basic(t, tw)
		coord := f.Principal(access.Coordinator)
		before := f.state(t)
		f.exec(t, "UPDATE campaigns SET status = 'closed' WHERE id = $1", f.c.ID)
		_, err := f.s.DryRun(f.ctx, coord, f.c.ID, "web")
		wantKey(t, err, "error.allocation_campaign_closed")
		_, _, err = f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{})
		wantKey(t, err, "error.allocation_campaign_closed")
		if errs.CodeOf(err) != errs.Conflict {
			t.Errorf("refused as %s", errs.CodeOf(err))
		}
		seen := map[string]bool{}
		for _, l := range i18n.All() {
			msg := f.Services.Catalog.Localizer(l).T(errs.As(err).Key)
			if msg == errs.As(err).Key || seen[msg] {
				t.Errorf("%s: %q is not a translation of its own", l, msg)
			}
			seen[msg] = true
		}
		if after := f.state(t); after != before {
			t.Fatalf("a refused run changed %v to %v", before, after)
		}
		f.exec(t, "UPDATE campaigns SET status = 'open' WHERE id = $1", f.c.ID)
		_, err = f.s.DryRun(f.ctx, f.Principal(access.Operator), f.c.ID, "web")
		if errs.CodeOf(err) != errs.Forbidden && !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("an operator ran the allocation: %v", err)
		}
	})
}

// Commits of the same plan at once: one wins, every other is refused
// cleanly, and the stock is held once.
func TestConcurrentCommitsOneWins(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f, _ := basic(t, tw)
		coord := f.Principal(access.Coordinator)
		plan, err := f.s.DryRun(f.ctx, coord, f.c.ID, "web")
		must(t, err)
		const n = 6
		fails := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				_, _, fails[i] = f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: plan.Version,
					Digest: plan.Digest, Via: "api"})
			})
		}
		wg.Wait()
		won := 0
		for _, err := range fails {
			if err == nil {
				won++
				continue
			}
			wantKey(t, err, "error.allocation_changed")
		}
		if won != 1 {
			t.Fatalf("%d commits won", won)
		}
		if held := f.scalar(t, "SELECT count(*) FROM stock_holds WHERE status = 'held'"); held != 2 {
			t.Fatalf("%d lines held", held)
		}
		verify(t, f.world)
	})
}

// A commit expecting the dry run's plan is refused once the input moved
// on: here a request arrived.
func TestCommitRefusedWhenInputChanged(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f, _ := basic(t, tw)
		coord := f.Principal(access.Coordinator)
		plan, err := f.s.DryRun(f.ctx, coord, f.c.ID, "web")
		must(t, err)
		f.request(t, "KZ-35-02", "approved", 99, true, testworld.Epoch(), ask{item: f.c.Uniform, size: "134"})
		before := f.state(t)
		_, _, err = f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: plan.Version, Digest: plan.Digest})
		wantKey(t, err, "error.allocation_input_changed")
		if after := f.state(t); after != before {
			t.Fatalf("a refused commit changed %v to %v", before, after)
		}
	})
}

// A region's quota caps it, and the lines it leaves waiting say so.
func TestQuotaReached(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f, _ := basic(t, tw)
		coord := f.Principal(access.Coordinator)
		_, err := f.s.SaveQuota(f.ctx, coord, f.c.ID, allocation.QuotaInput{RegionCode: "KZ-35", ItemID: f.c.Uniform,
			Kind: allocation.Fixed, Amount: 1})
		must(t, err)
		plan, run, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Version: 1, Via: "web"})
		must(t, err)
		if plan.Served != 1 || plan.Objective != 30 {
			t.Fatalf("served %d, objective %d", plan.Served, plan.Objective)
		}
		_, lines, err := f.s.Run(f.ctx, coord, f.c.ID, run.ID)
		must(t, err)
		for _, l := range lines {
			if l.Outcome != allocation.Allocated {
				f.wantExplained(t, l.RequestID, i18n.EN, "the region's quota of 1 was reached at rank 1")
			}
		}
		_, err = f.s.SaveQuota(f.ctx, coord, f.c.ID, allocation.QuotaInput{RegionCode: "KZ-35-01", Kind: allocation.Share,
			Amount: 5000})
		wantKey(t, err, "error.allocation_quota_crossing")
		_, err = f.s.SaveQuota(f.ctx, coord, f.c.ID, allocation.QuotaInput{RegionCode: "KZ-35", Kind: allocation.Share,
			Amount: 10_001})
		wantKey(t, err, "error.allocation_share_range")
		_, err = f.s.SaveQuota(f.ctx, coord, f.c.ID, allocation.QuotaInput{RegionCode: "XX-99", Kind: allocation.Fixed})
		wantKey(t, err, "error.unknown_region")
		other := f.campaign(t, "other")
		w := other.warehouse(t, "Elsewhere", "KZ-75")
		_, err = f.s.SaveRoute(f.ctx, coord, f.c.ID, allocation.RouteInput{WarehouseID: w.ID, RegionCode: "KZ-35"})
		wantKey(t, err, "error.allocation_warehouse_unknown")
	})
}
