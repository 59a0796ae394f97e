package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"
)

const (
	pollEvery     = 200 * time.Millisecond // how long an idle worker waits before it looks again
	progressEvery = 500 * time.Millisecond // least time between two progress writes of a job
	writeTimeout  = 30 * time.Second       // bound on bookkeeping writes made after shutdown began
)

// Start runs the given number of workers (at least one) until ctx is
// cancelled. It blocks: first it queues again the jobs left running by a
// stopped process (at once when it ran on this host, see requeueOrphans;
// otherwise once their lease is over, see WithLease), then it returns nil once ctx is cancelled
// and every handler in flight has returned. A Queue starts once.
func (q *Queue) Start(ctx context.Context, workers int) error {
	q.mu.Lock()
	already := q.started
	q.started = true
	q.mu.Unlock()
	if already {
		return errors.New("jobs: queue already started")
	}
	err := q.requeueOrphans(ctx)
	if err == nil {
		err = q.requeueStale(ctx)
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopped while starting: a shutdown, not a failure
		}
		return fmt.Errorf("jobs: requeue abandoned jobs: %w", err)
	}
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() { q.loop(ctx, pollEvery, q.work) })
	}
	wg.Go(func() { q.loop(ctx, max(q.lease/2, pollEvery), q.sweep) })
	wg.Wait()
	return nil
}

// loop calls step until ctx is cancelled: at once again when step reports
// that it did some work, after pause otherwise.
func (q *Queue) loop(ctx context.Context, pause time.Duration, step func(context.Context) bool) {
	for ctx.Err() == nil {
		if q.safely(ctx, step) {
			continue
		}
		select {
		case <-ctx.Done():
		case <-time.After(pause):
		}
	}
}

// safely runs step, logging a panic instead of letting it end the process.
func (q *Queue) safely(ctx context.Context, step func(context.Context) bool) (busy bool) {
	defer func() {
		if p := recover(); p != nil {
			q.log.Error("jobs: worker panic", "panic", p, "stack", string(debug.Stack()))
			busy = false
		}
	}()
	return step(ctx)
}

// work claims one ready job and runs it, reporting whether there was one.
func (q *Queue) work(ctx context.Context) bool {
	j, err := q.claim(ctx)
	if err != nil {
		q.log.Error("jobs: claim", "err", err)
		return false
	}
	if j == nil {
		return false
	}
	defer func() {
		q.mu.Lock()
		delete(q.inFlight, j.ID)
		q.mu.Unlock()
	}()
	q.run(ctx, j)
	return true
}

// claim marks the oldest ready job running in one statement, so two
// workers never take the same job. The write is not cut short by shutdown:
// a claim that committed must reach run, which puts the job back.
func (q *Queue) claim(ctx context.Context) (*Job, error) {
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), writeTimeout)
	defer cancel()
	j, err := scanJob(q.db.W.QueryRowContext(wctx, q.q.Claim, q.clock(), q.owner.String()))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	q.mu.Lock()
	q.inFlight[j.ID] = true
	q.mu.Unlock()
	return &j, nil
}

// handler returns the handler registered for kind, nil when there is none.
func (q *Queue) handler(kind string) Handler {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.handlers[kind]
}

// call runs the handler of j's kind, turning a panic into an error.
func (q *Queue) call(ctx context.Context, j *Job, p Progress) (result string, panicked bool, err error) {
	h := q.handler(j.Kind)
	if h == nil {
		return "", false, fmt.Errorf("no handler registered for kind %q", j.Kind)
	}
	defer func() {
		if r := recover(); r != nil {
			q.log.Error("jobs: handler panic", "id", j.ID, "kind", j.Kind, "panic", r, "stack", string(debug.Stack()))
			result, panicked, err = "", true, fmt.Errorf("panic: %v", r)
		}
	}()
	result, err = h(ctx, j, p)
	return result, false, err
}

// defaultBackoff waits 2^attempt seconds, at most ten minutes.
func defaultBackoff(attempt int) time.Duration {
	if attempt >= 10 {
		return 10 * time.Minute
	}
	return min(time.Duration(1<<max(attempt, 0))*time.Second, 10*time.Minute)
}
