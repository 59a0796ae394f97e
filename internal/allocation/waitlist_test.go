package allocation_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// Stock that arrives serves the waiting list by itself: the watcher sees
// more available for a campaign with requests waiting and queues the
// job, which commits a waitlist run in rank order.
func TestStockArrivingServesTheWaitingList(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f, w := basic(t, tw)
		coord := f.Principal(access.Coordinator)
		_, _, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Via: "web"})
		must(t, err)
		waiting := f.scalar(t, "SELECT id FROM requests WHERE status = 'waitlisted'")
		seen := map[int64]allocation.Seen{}
		must(t, f.s.WatchOnce(f.ctx, seen))
		if n := f.scalar(t, "SELECT count(*) FROM jobs WHERE kind = $1", allocation.JobKind); n != 0 {
			t.Fatalf("%d jobs queued with no stock available", n)
		}
		f.receive(t, w, stock.Line{ItemID: f.c.Uniform, Size: "134", Quantity: 1})
		must(t, f.s.WatchOnce(f.ctx, seen))
		must(t, f.s.WatchOnce(f.ctx, seen)) // nothing more arrived: no second job
		if n := f.scalar(t, "SELECT count(*) FROM jobs WHERE kind = $1", allocation.JobKind); n != 1 {
			t.Fatalf("%d jobs queued after a receipt", n)
		}
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		wg.Go(func() { _ = f.Services.Jobs.Start(ctx, 1) })
		for deadline := time.Now().Add(30 * time.Second); f.status(t, waiting) != "allocated" && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
		}
		cancel()
		wg.Wait()
		if st := f.status(t, waiting); st != "allocated" {
			t.Fatalf("the waiting request is %s", st)
		}
		if n := f.scalar(t, "SELECT count(*) FROM allocation_runs WHERE kind = 'waitlist' AND committed"); n != 1 {
			t.Fatalf("%d waitlist runs", n)
		}
		verify(t, f.world)
	})
}

// startJobs runs the queue's jobs until the test ends, and returns a
// function that waits until none of the waiting list's is left queued or
// running and fails unless every one of them is done.
func startJobs(t *testing.T, f *fix) func() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = f.Services.Jobs.Start(ctx, 1) })
	t.Cleanup(func() { cancel(); wg.Wait() })
	return func() {
		t.Helper()
		pending := func() int64 {
			return f.scalar(t, "SELECT count(*) FROM jobs WHERE kind = $1 AND status IN ('queued', 'running')",
				allocation.JobKind)
		}
		for deadline := time.Now().Add(30 * time.Second); pending() > 0 && time.Now().Before(deadline); {
			time.Sleep(20 * time.Millisecond)
		}
		if n := f.scalar(t, "SELECT count(*) FROM jobs WHERE kind = $1 AND status <> 'done'", allocation.JobKind); n != 0 {
			t.Fatalf("%d waiting-list jobs not done", n)
		}
	}
}

// Stock received after the watcher's job served the waiting list, between
// two looks, is seen even when the available sum comes back to what it
// was (one unit served, one received): the second waiting request is
// served too.
func TestWatcherSeesStockArrivingAfterItsJob(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f, w := basic(t, tw)
		coord := f.Principal(access.Coordinator)
		_, _, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Via: "web"})
		must(t, err)
		third := f.scalar(t, "SELECT id FROM requests WHERE status = 'waitlisted'")
		fourth := f.request(t, "KZ-35-02", "waitlisted", 5, true, testworld.Epoch(), ask{item: f.c.Uniform, size: "134"})
		runJobs := startJobs(t, f)
		seen := map[int64]allocation.Seen{}
		must(t, f.s.WatchOnce(f.ctx, seen)) // nothing available: nothing queued
		f.receive(t, w, stock.Line{ItemID: f.c.Uniform, Size: "134", Quantity: 1})
		must(t, f.s.WatchOnce(f.ctx, seen))
		runJobs()
		if st := f.status(t, third); st != "allocated" {
			t.Fatalf("the first waiting request is %s", st)
		}
		f.receive(t, w, stock.Line{ItemID: f.c.Uniform, Size: "134", Quantity: 1})
		must(t, f.s.WatchOnce(f.ctx, seen))
		if n := f.scalar(t, "SELECT count(*) FROM jobs WHERE kind = $1", allocation.JobKind); n != 2 {
			t.Fatalf("%d jobs queued after two receipts", n)
		}
		runJobs()
		if st := f.status(t, fourth); st != "allocated" {
			t.Fatalf("the second waiting request is %s", st)
		}
		must(t, f.s.WatchOnce(f.ctx, seen)) // nothing arrived, nothing waits: no third job
		if n := f.scalar(t, "SELECT count(*) FROM jobs WHERE kind = $1", allocation.JobKind); n != 2 {
			t.Fatalf("%d jobs queued with nothing arriving", n)
		}
		verify(t, f.world)
	})
}

// A waiting-list job that failed — it lost its race with other commits
// every time — is queued again on the watcher's next look, since the
// stock available still serves the waiting list; a campaign with a job
// queued gets no other, even when more stock arrives meanwhile.
func TestWatcherRequeuesAFailedJob(t *testing.T) {
	testworld.Each(t, func(t *testing.T, tw *testworld.World) {
		f, w := basic(t, tw)
		coord := f.Principal(access.Coordinator)
		_, _, err := f.s.Commit(f.ctx, coord, f.c.ID, allocation.CommitOptions{Via: "web"})
		must(t, err)
		waiting := f.scalar(t, "SELECT id FROM requests WHERE status = 'waitlisted'")
		jobsOf := func(status string) int64 {
			return f.scalar(t, "SELECT count(*) FROM jobs WHERE kind = $1 AND status = $2", allocation.JobKind, status)
		}
		seen := map[int64]allocation.Seen{}
		must(t, f.s.WatchOnce(f.ctx, seen))
		f.receive(t, w, stock.Line{ItemID: f.c.Uniform, Size: "134", Quantity: 1})
		must(t, f.s.WatchOnce(f.ctx, seen))
		f.receive(t, w, stock.Line{ItemID: f.c.Uniform, Size: "134", Quantity: 1})
		must(t, f.s.WatchOnce(f.ctx, seen))
		if n := jobsOf("queued"); n != 1 {
			t.Fatalf("%d jobs queued after two receipts with the first still queued", n)
		}
		// The job lost its race three times.
		f.exec(t, "UPDATE jobs SET status = 'failed', attempts = 3, error = 'error.allocation_changed' WHERE kind = $1",
			allocation.JobKind)
		must(t, f.s.WatchOnce(f.ctx, seen))
		must(t, f.s.WatchOnce(f.ctx, seen))
		if q, failed := jobsOf("queued"), jobsOf("failed"); q != 1 || failed != 1 {
			t.Fatalf("after a failed job: %d queued, %d failed; want one queued again", q, failed)
		}
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		wg.Go(func() { _ = f.Services.Jobs.Start(ctx, 1) })
		for deadline := time.Now().Add(30 * time.Second); jobsOf("done") == 0 && time.Now().Before(deadline); {
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
		wg.Wait()
		if st := f.status(t, waiting); st != "allocated" || jobsOf("done") != 1 {
			t.Fatalf("the waiting request is %s after the job queued again", st)
		}
		verify(t, f.world)
	})
}
