// Package jobs runs background work that survives a restart. A job is a row
// in the jobs table: Enqueue inserts it (inside the caller's transaction if
// need be), workers claim it atomically, run the handler registered for its
// kind and record the outcome. A job whose process died while running it is
// queued again once its lease has expired, so every job runs at least once;
// handlers must therefore be idempotent. A queue starting on the host of
// a process that is gone takes back that process's jobs at once.
package jobs

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

// The statuses a job moves through: queued → running → done, or back to
// queued for another attempt, or failed once its attempts are spent.
const (
	Queued  = "queued"
	Running = "running"
	Done    = "done"
	Failed  = "failed"
)

// Job is one row of the jobs table.
type Job struct {
	ID          int64           `json:"id"`
	Kind        string          `json:"kind"`
	Status      string          `json:"status"`
	Payload     json.RawMessage `json:"payload"`
	Attempts    int             `json:"attempts"`
	MaxAttempts int             `json:"max_attempts"`
	RunAt       time.Time       `json:"run_at"`
	StartedAt   *time.Time      `json:"started_at,omitempty"`
	FinishedAt  *time.Time      `json:"finished_at,omitempty"`
	Progress    int64           `json:"progress"`
	Total       int64           `json:"total"`
	Result      string          `json:"result,omitempty"`
	Error       string          `json:"error,omitempty"`
	CreatedBy   int64           `json:"created_by,omitempty"`
	CreatedAt   time.Time       `json:"created_at"`
}

// Decode unmarshals the job's JSON payload into v.
func (j *Job) Decode(v any) error {
	if err := json.Unmarshal(j.Payload, v); err != nil {
		return fmt.Errorf("job %d (%s): decode payload: %w", j.ID, j.Kind, err)
	}
	return nil
}

// Progress lets a long job report how far it has come. Set may be called
// as often as the handler likes, from any goroutine; the row is written at
// most every half second, and once more when the job ends.
type Progress interface {
	Set(done, total int64)
}

// Handler does the work of one kind of job. It returns a short result to
// show to administrators, or an error to retry later. ctx is cancelled when
// the queue shuts down; a handler that returns early because of it is queued
// again without spending an attempt.
type Handler func(ctx context.Context, j *Job, progress Progress) (result string, err error)

//go:embed queries*.sql
var queryFS embed.FS

type queries struct {
	Insert, Claim, SetProgress, Finish, ListStale, ListRunning, Requeue string
	List, Get, Retry, Counts                                            string
}

// Queue enqueues jobs and runs them.
type Queue struct {
	db      *store.DB
	q       queries
	now     func() time.Time
	log     *slog.Logger
	backoff func(attempt int) time.Duration
	lease   time.Duration
	audit   *audit.Log // nil: retries are not recorded

	mu       sync.Mutex
	handlers map[string]Handler
	started  bool
	inFlight map[int64]bool // jobs this queue is running now
	owner    owner          // this process, as the jobs it claims name it
}

// QueueOption tunes a Queue made by New.
type QueueOption func(*Queue)

// WithBackoff sets how long a failed job waits before its next attempt,
// given the number of attempts made so far. The default is 2^attempt
// seconds, at most ten minutes.
func WithBackoff(f func(attempt int) time.Duration) QueueOption {
	return func(q *Queue) { q.backoff = f }
}

// WithLease sets how long a job may stay running before it is taken for
// abandoned by a dead process and queued again (five minutes by default).
// Start looks for such jobs, then every half lease; a queue never takes back
// the jobs it is running itself, so with one process the lease may be
// shorter than the longest job, with several it must not.
func WithLease(d time.Duration) QueueOption {
	return func(q *Queue) { q.lease = d }
}

// WithAudit records administrators' retries in the change log.
func WithAudit(log *audit.Log) QueueOption {
	return func(q *Queue) { q.audit = log }
}

// New returns a Queue on db; now is the clock, logger receives job
// outcomes (nil discards them).
func New(db *store.DB, now func() time.Time, logger *slog.Logger, opts ...QueueOption) (*Queue, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	q := &Queue{db: db, now: now, log: logger, backoff: defaultBackoff, lease: 5 * time.Minute,
		handlers: map[string]Handler{}, inFlight: map[int64]bool{}, owner: thisProcess()}
	for _, o := range opts {
		o(q)
	}
	if err := store.BindQueries(&q.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	return q, nil
}

// Register sets the handler of a kind. Wiring is explicit and happens before
// Start: registering an empty kind, a nil handler, a kind twice or after
// Start is a programming error and panics.
func (q *Queue) Register(kind string, h Handler) {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case kind == "" || h == nil:
		panic("jobs: Register needs a kind and a handler")
	case q.started:
		panic("jobs: Register " + kind + " after Start")
	case q.handlers[kind] != nil:
		panic("jobs: kind " + kind + " registered twice")
	}
	q.handlers[kind] = h
}
