package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// ErrUnknownKind is returned by Enqueue for a kind no handler is registered
// for, so a typo fails where the job is made rather than when it runs.
var ErrUnknownKind = errors.New("jobs: unknown kind")

// Option adjusts one job at Enqueue.
type Option func(*options)

type options struct {
	runAt       time.Time
	maxAttempts int
	createdBy   int64
}

// RunAt delays the job until t, to the second (by default it is ready at
// once).
func RunAt(t time.Time) Option { return func(o *options) { o.runAt = t } }

// MaxAttempts sets how many times the job is tried before it is marked
// failed (3 by default, at least 1).
func MaxAttempts(n int) Option { return func(o *options) { o.maxAttempts = max(n, 1) } }

// CreatedBy records the user who asked for the job.
func CreatedBy(userID int64) Option { return func(o *options) { o.createdBy = userID } }

// Enqueue adds a job of a registered kind with payload encoded as JSON
// (nil is an empty object). It writes through tx, so a caller can pass its
// own transaction and the job exists only if that transaction commits.
func (q *Queue) Enqueue(ctx context.Context, tx store.Querier, kind string, payload any, opts ...Option) (int64, error) {
	if q.handler(kind) == nil {
		return 0, fmt.Errorf("%w %q", ErrUnknownKind, kind)
	}
	now := q.clock()
	o := options{runAt: now, maxAttempts: 3}
	for _, f := range opts {
		f(&o)
	}
	body := []byte("{}")
	if payload != nil {
		var err error
		if body, err = json.Marshal(payload); err != nil {
			return 0, fmt.Errorf("jobs: encode %s payload: %w", kind, err)
		}
	}
	var createdBy sql.NullInt64
	if o.createdBy != 0 {
		createdBy = sql.NullInt64{Int64: o.createdBy, Valid: true}
	}
	var id int64
	err := tx.QueryRowContext(ctx, q.q.Insert, kind, string(body), Queued, o.maxAttempts,
		stamp(o.runAt), createdBy, now).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("jobs: enqueue %s: %w", kind, err)
	}
	return id, nil
}

// clock is the queue's current time as it is stored.
func (q *Queue) clock() time.Time { return stamp(q.now()) }

// stamp turns t into the form every time in the jobs table takes: UTC,
// whole seconds. SQLite keeps times as RFC 3339 text, which compares in
// time order only when every value has the same precision, and the claim
// and lease queries compare times.
func stamp(t time.Time) time.Time { return t.UTC().Truncate(time.Second) }
