package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Filter narrows List; zero fields match everything.
type Filter struct {
	Status string
	Kind   string
}

// List lists jobs newest first with the cursor of the next page. Only
// those who may view jobs (administrators) may list them.
func (q *Queue) List(ctx context.Context, p access.Principal, f Filter, pg store.Page) ([]Job, string, error) {
	if err := access.Can(p, access.ViewJobs, access.Target{}); err != nil {
		return nil, "", err
	}
	out, err := store.Select(ctx, q.db.R, scanJob, q.q.List, pg.BeforeArg(), f.Status, f.Kind, pg.LimitArg(), pg.SkipArg())
	if err != nil {
		return nil, "", err
	}
	out, next := store.Trim(pg, out, func(j Job) int64 { return j.ID })
	return out, next, nil
}

// ListCount is how many jobs List pages through for f, up to
// store.CountCap.
func (q *Queue) ListCount(ctx context.Context, p access.Principal, f Filter) (store.Count, error) {
	if err := access.Can(p, access.ViewJobs, access.Target{}); err != nil {
		return store.Count{}, err
	}
	var top store.Page
	return store.CountRows(ctx, q.db.R, q.q.List, top.BeforeArg(), f.Status, f.Kind, store.CountArg(), 0)
}

// Get returns one job; a missing job is a NotFound error that also
// matches store.ErrNotFound.
func (q *Queue) Get(ctx context.Context, p access.Principal, id int64) (Job, error) {
	if err := access.Can(p, access.ViewJobs, access.Target{}); err != nil {
		return Job{}, err
	}
	j, err := scanJob(q.db.R.QueryRowContext(ctx, q.q.Get, id))
	if err != nil {
		return Job{}, store.NotFound(err)
	}
	return j, nil
}

// Retry queues a failed job again with its attempts reset, to run at once,
// and records who did it in the change log (see WithAudit). A job that is
// not failed is a Conflict.
func (q *Queue) Retry(ctx context.Context, p access.Principal, id int64) error {
	if err := access.Can(p, access.ViewJobs, access.Target{}); err != nil {
		return err
	}
	var n int64
	err := q.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, q.q.Retry, q.clock(), id)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil || n != 1 || q.audit == nil {
			return err
		}
		return q.audit.Record(ctx, tx, p, audit.Change{Action: "retry", Entity: "job", EntityID: strconv.FormatInt(id, 10)})
	})
	if err != nil {
		return fmt.Errorf("jobs: retry %d: %w", id, err)
	}
	if n == 1 {
		return nil
	}
	if _, err := q.Get(ctx, p, id); err != nil {
		return err
	}
	return errs.New(errs.Conflict, "error.conflict")
}

// Counts returns how many jobs are in each status, every status present,
// for metrics.
func (q *Queue) Counts(ctx context.Context) (map[string]int, error) {
	out := map[string]int{Queued: 0, Running: 0, Done: 0, Failed: 0}
	rows, err := q.db.R.QueryContext(ctx, q.q.Counts)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, err
		}
		out[status] = n
	}
	return out, rows.Err()
}

// scanJob reads one row selected with the column list of the queries.
func scanJob(s store.Scanner) (Job, error) {
	var j Job
	var payload string
	var started, finished sql.NullTime
	var createdBy sql.NullInt64
	err := s.Scan(&j.ID, &j.Kind, &payload, &j.Status, &j.Attempts, &j.MaxAttempts, &j.RunAt, &started,
		&finished, &j.Progress, &j.Total, &j.Result, &j.Error, &createdBy, &j.CreatedAt)
	if err != nil {
		return Job{}, err
	}
	j.Payload, j.CreatedBy = json.RawMessage(payload), createdBy.Int64
	j.RunAt, j.CreatedAt = j.RunAt.UTC(), j.CreatedAt.UTC()
	j.StartedAt, j.FinishedAt = timePtr(started), timePtr(finished)
	return j, nil
}

func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}
