package jobs_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func ok(context.Context, *jobs.Job, jobs.Progress) (string, error) { return "ok", nil }

func TestPanicFailsTheJobNotTheWorker(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		q := newQueue(t, db, newClock())
		q.Register("explode", func(context.Context, *jobs.Job, jobs.Progress) (string, error) {
			panic("the handler lost its temper")
		})
		q.Register("ok", ok)
		bad := enqueue(t, db, q, "explode", nil)
		good := enqueue(t, db, q, "ok", nil)
		start(t, q, 1)
		j := waitStatus(t, q, bad, jobs.Failed)
		if !strings.Contains(j.Error, "the handler lost its temper") || j.Attempts != 1 {
			t.Fatalf("panicked job = %+v, want failed at once with the panic message", j)
		}
		waitStatus(t, q, good, jobs.Done)
	})
}

func TestWorkersRunEachJobOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		const n = 50
		var runs [n]atomic.Int32
		handler := func(ctx context.Context, j *jobs.Job, p jobs.Progress) (string, error) {
			var in struct{ N int }
			if err := j.Decode(&in); err != nil {
				return "", err
			}
			runs[in.N].Add(1)
			return "", nil
		}
		c := newClock()
		// Two queues on one database stand for two processes.
		a, b := newQueue(t, db, c), newQueue(t, db, c)
		a.Register("n", handler)
		b.Register("n", handler)
		for i := range n {
			enqueue(t, db, a, "n", map[string]int{"n": i})
		}
		start(t, a, 3)
		start(t, b, 3)
		waitFor(t, "every job to be done", func() bool {
			counts, err := a.Counts(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return counts[jobs.Done] == n
		})
		for i := range n {
			if got := runs[i].Load(); got != 1 {
				t.Errorf("job %d ran %d times", i, got)
			}
		}
	})
}

func TestShutdownPutsTheJobBack(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := newClock()
		q := newQueue(t, db, c)
		q.Register("wait", func(ctx context.Context, j *jobs.Job, p jobs.Progress) (string, error) {
			p.Set(1, 10)
			<-ctx.Done()
			return "", ctx.Err()
		})
		id := enqueue(t, db, q, "wait", nil, jobs.MaxAttempts(1))
		stop := start(t, q, 1)
		waitStatus(t, q, id, jobs.Running)
		stop()
		j := get(t, q, id)
		if j.Status != jobs.Queued || j.Attempts != 0 || !strings.Contains(j.Error, "interrupted") {
			t.Fatalf("job interrupted by shutdown = %+v, want queued with its attempt given back", j)
		}
		next := newQueue(t, db, c)
		next.Register("wait", ok)
		start(t, next, 1)
		if j := waitStatus(t, next, id, jobs.Done); j.Attempts != 1 || j.Result != "ok" {
			t.Fatalf("job after restart = %+v", j)
		}
	})
}
