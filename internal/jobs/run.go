package jobs

import (
	"context"
	"database/sql"
	"log/slog"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// run calls j's handler and records the outcome: done; failed after a panic
// or the last attempt; queued again after a backoff otherwise. A job whose
// handler gave up because the queue is shutting down is queued again at
// once and that attempt is not counted.
func (q *Queue) run(ctx context.Context, j *Job) {
	t := &tracker{q: q, ctx: ctx, id: j.ID}
	result, panicked, err := q.call(ctx, j, t)
	done, total := t.stop()
	now := q.clock()
	status, attempts, runAt, msg := Done, j.Attempts, j.RunAt, ""
	finished := sql.NullTime{Time: now, Valid: true}
	switch {
	case err == nil:
	case panicked:
		status, msg = Failed, err.Error()
	case ctx.Err() != nil:
		status, attempts, runAt, finished = Queued, j.Attempts-1, now, sql.NullTime{}
		msg = "interrupted by shutdown: " + err.Error()
	case j.Attempts < j.MaxAttempts:
		status, runAt, finished = Queued, stamp(now.Add(q.backoff(j.Attempts))), sql.NullTime{}
		msg = err.Error()
	default:
		status, msg = Failed, err.Error()
	}
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), writeTimeout)
	defer cancel()
	res, werr := q.db.W.ExecContext(wctx, q.q.Finish, status, attempts, runAt, finished,
		done, total, result, msg, j.ID, j.Attempts)
	if werr != nil {
		q.log.Error("jobs: record outcome", "id", j.ID, "kind", j.Kind, "status", status, "err", werr)
		return
	}
	if n, _ := res.RowsAffected(); n == 0 {
		q.log.Warn("jobs: job was taken over by another worker", "id", j.ID, "kind", j.Kind)
		return
	}
	level := slog.LevelInfo
	if msg != "" {
		level = slog.LevelWarn
	}
	q.log.Log(ctx, level, "jobs: "+status, "id", j.ID, "kind", j.Kind, "attempt", j.Attempts, "error", msg)
}

// tracker is the Progress of one running job.
type tracker struct {
	q     *Queue
	ctx   context.Context
	id    int64
	mu    sync.Mutex
	done  int64
	total int64
	wrote time.Time
	over  bool
}

// Set records progress, writing it to the row when the last write is old
// enough. Calls after the handler returned are ignored.
func (t *tracker) Set(done, total int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.over {
		return
	}
	t.done, t.total = done, total
	now := t.q.now()
	if !t.wrote.IsZero() && now.Sub(t.wrote) < progressEvery {
		return
	}
	t.wrote = now
	if _, err := t.q.db.W.ExecContext(t.ctx, t.q.q.SetProgress, done, total, t.id); err != nil && t.ctx.Err() == nil {
		t.q.log.Warn("jobs: record progress", "id", t.id, "err", err)
	}
}

// stop ends tracking and returns the last values reported.
func (t *tracker) stop() (done, total int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.over = true
	return t.done, t.total
}

// sweep is the periodic form of requeueStale.
func (q *Queue) sweep(ctx context.Context) bool {
	if err := q.requeueStale(ctx); err != nil && ctx.Err() == nil {
		q.log.Error("jobs: requeue abandoned jobs", "err", err)
	}
	return false
}

// requeueStale puts back the jobs that have been running for longer than
// the lease, except those this queue is running itself: their process died
// (or, with several processes, one outlived the lease). The lost attempt
// counts, so a job that keeps killing its process ends up failed.
func (q *Queue) requeueStale(ctx context.Context) error {
	now := q.clock()
	cutoff := stamp(now.Add(-q.lease))
	ids, err := q.staleIDs(ctx, cutoff)
	if err != nil {
		return err
	}
	for _, id := range ids {
		q.mu.Lock()
		mine := q.inFlight[id]
		q.mu.Unlock()
		if mine {
			continue
		}
		if _, err := q.db.W.ExecContext(ctx, q.q.Requeue, now, "abandoned by a stopped worker", id, cutoff); err != nil {
			return err
		}
		q.log.Warn("jobs: requeued abandoned job", "id", id)
	}
	return nil
}

// staleIDs lists the jobs running since before cutoff. It reads them all
// before returning: on SQLite the write connection is needed again next.
func (q *Queue) staleIDs(ctx context.Context, cutoff time.Time) ([]int64, error) {
	return store.Select(ctx, q.db.W, store.ScanID, q.q.ListStale, cutoff)
}
