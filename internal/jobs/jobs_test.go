package jobs_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// clock is a test clock that only moves when told to.
type clock struct{ ns atomic.Int64 }

func newClock() *clock {
	c := &clock{}
	c.ns.Store(time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC).UnixNano())
	return c
}

func (c *clock) now() time.Time      { return time.Unix(0, c.ns.Load()).UTC() }
func (c *clock) add(d time.Duration) { c.ns.Add(int64(d)) }

func newQueue(t *testing.T, db *store.DB, c *clock, opts ...jobs.QueueOption) *jobs.Queue {
	t.Helper()
	q, err := jobs.New(db, c.now, nil, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// start runs q in the background; the returned stop (also run at cleanup)
// cancels it and waits for Start to return.
func start(t *testing.T, q *jobs.Queue, workers int) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- q.Start(ctx, workers) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Start: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func enqueue(t *testing.T, db *store.DB, q *jobs.Queue, kind string, payload any, opts ...jobs.Option) int64 {
	t.Helper()
	id, err := q.Enqueue(context.Background(), db.W, kind, payload, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func get(t *testing.T, q *jobs.Queue, id int64) jobs.Job {
	t.Helper()
	j, err := q.Get(context.Background(), access.System, id)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// waitFor polls cond until it holds, failing the test after ten seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func waitStatus(t *testing.T, q *jobs.Queue, id int64, status string) jobs.Job {
	t.Helper()
	var j jobs.Job
	waitFor(t, fmt.Sprintf("job %d to be %s", id, status), func() bool { j = get(t, q, id); return j.Status == status })
	return j
}

func TestJobRunsToDone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := newClock()
		q := newQueue(t, db, c)
		q.Register("count", func(ctx context.Context, j *jobs.Job, p jobs.Progress) (string, error) {
			var in struct{ Upto int64 }
			if err := j.Decode(&in); err != nil {
				return "", err
			}
			for i := range in.Upto + 1 {
				p.Set(i, in.Upto)
			}
			return fmt.Sprintf("counted to %d", in.Upto), nil
		})
		id := enqueue(t, db, q, "count", map[string]int{"upto": 1000}, jobs.CreatedBy(7))
		if _, err := q.Enqueue(context.Background(), db.W, "nope", nil); !errors.Is(err, jobs.ErrUnknownKind) {
			t.Fatalf("enqueue of an unregistered kind: %v", err)
		}
		start(t, q, 2)
		j := waitStatus(t, q, id, jobs.Done)
		if j.Result != "counted to 1000" || j.Progress != 1000 || j.Total != 1000 || j.Attempts != 1 ||
			j.CreatedBy != 7 || j.StartedAt == nil || j.FinishedAt == nil || !j.FinishedAt.Equal(c.now()) {
			t.Fatalf("done job = %+v", j)
		}
	})
}

func TestFailingJobBacksOffThenFails(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := newClock()
		q := newQueue(t, db, c)
		var runs atomic.Int32
		q.Register("flaky", func(ctx context.Context, j *jobs.Job, p jobs.Progress) (string, error) {
			return "", fmt.Errorf("boom %d", runs.Add(1))
		})
		id := enqueue(t, db, q, "flaky", nil, jobs.MaxAttempts(2))
		start(t, q, 1)
		var j jobs.Job
		waitFor(t, "the first attempt to fail", func() bool {
			j = get(t, q, id)
			return j.Attempts == 1 && j.Status == jobs.Queued
		})
		if j.Error != "boom 1" || !j.RunAt.Equal(c.now().Add(2*time.Second)) || j.FinishedAt != nil {
			t.Fatalf("after one failure: %+v", j)
		}
		c.add(time.Minute)
		j = waitStatus(t, q, id, jobs.Failed)
		if j.Error != "boom 2" || j.Attempts != 2 || runs.Load() != 2 || j.FinishedAt == nil {
			t.Fatalf("after the last attempt: %+v (%d runs)", j, runs.Load())
		}
	})
}
