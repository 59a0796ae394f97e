package jobs_test

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// abandon makes a job look like one a crashed process was running since at.
func abandon(t *testing.T, db *store.DB, id int64, at time.Time) {
	t.Helper()
	_, err := db.W.ExecContext(context.Background(),
		"UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = $1 WHERE id = $2", at, id)
	if err != nil {
		t.Fatal(err)
	}
}

func TestRestartRequeuesAbandonedJobs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := newClock()
		q := newQueue(t, db, c)
		q.Register("ok", ok)
		stale := enqueue(t, db, q, "ok", nil)
		fresh := enqueue(t, db, q, "ok", nil)
		spent := enqueue(t, db, q, "ok", nil, jobs.MaxAttempts(1))
		abandon(t, db, stale, c.now().Add(-time.Hour))
		abandon(t, db, spent, c.now().Add(-time.Hour))
		abandon(t, db, fresh, c.now().Add(-time.Minute)) // may still be alive elsewhere
		start(t, q, 1)
		if j := waitStatus(t, q, stale, jobs.Done); j.Attempts != 2 {
			t.Fatalf("abandoned job = %+v, want done on its second attempt", j)
		}
		if j := get(t, q, fresh); j.Status != jobs.Running || j.Attempts != 1 {
			t.Fatalf("job within its lease = %+v, want left running", j)
		}
		if j := get(t, q, spent); j.Status != jobs.Failed || j.Error == "" || j.FinishedAt == nil {
			t.Fatalf("abandoned job on its last attempt = %+v, want failed", j)
		}
	})
}

func TestSweepSparesTheQueuesOwnLongJobs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		c := newClock()
		q := newQueue(t, db, c, jobs.WithLease(time.Second))
		release := make(chan struct{})
		q.Register("long", func(ctx context.Context, j *jobs.Job, p jobs.Progress) (string, error) {
			select {
			case <-release:
				return "finally", nil
			case <-ctx.Done():
				return "", ctx.Err()
			}
		})
		q.Register("ok", ok)
		long := enqueue(t, db, q, "long", nil)
		start(t, q, 2)
		waitStatus(t, q, long, jobs.Running)
		c.add(time.Hour)
		orphan := enqueue(t, db, q, "ok", nil, jobs.RunAt(c.now().Add(time.Hour)))
		abandon(t, db, orphan, c.now().Add(-time.Hour))
		waitStatus(t, q, orphan, jobs.Done) // a sweep ran after the clock moved
		if j := get(t, q, long); j.Status != jobs.Running || j.Attempts != 1 {
			t.Fatalf("own long job = %+v, want still running its first attempt", j)
		}
		close(release)
		waitStatus(t, q, long, jobs.Done)
	})
}

func TestListGetRetry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := newClock()
		q := newQueue(t, db, c)
		q.Register("a", ok)
		q.Register("b", ok)
		later := jobs.RunAt(c.now().Add(time.Hour))
		var ids []int64
		for _, kind := range []string{"a", "b", "a", "a", "b"} {
			ids = append(ids, enqueue(t, db, q, kind, nil, later))
		}
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := q.Enqueue(ctx, tx, "a", nil); err != nil {
				return err
			}
			return errors.New("the caller's write failed")
		})
		if err == nil {
			t.Fatal("failing transaction reported success")
		}
		page1, next, err := q.List(ctx, access.System, jobs.Filter{Kind: "a", Status: jobs.Queued}, store.Page{Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		page2, last, _ := q.List(ctx, access.System, jobs.Filter{Kind: "a"}, store.ParsePage(next, "2"))
		if len(page1) != 2 || page1[0].ID != ids[3] || page1[1].ID != ids[2] || len(page2) != 1 || page2[0].ID != ids[0] || last != "" {
			t.Fatalf("pages of kind a: %+v then %+v (last %q)", page1, page2, last)
		}
		if done, _, _ := q.List(ctx, access.System, jobs.Filter{Status: jobs.Done}, store.Page{}); len(done) != 0 {
			t.Fatalf("done jobs: %+v", done)
		}
		if _, _, err := q.List(ctx, access.Principal{Role: access.Sponsor}, jobs.Filter{}, store.Page{}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("sponsor listing jobs: %v", err)
		}
		if _, err := q.Get(ctx, access.System, 999); errs.CodeOf(err) != errs.NotFound || !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("missing job: %v", err)
		}
		if err := q.Retry(ctx, access.System, ids[0]); errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("retry of a queued job: %v", err)
		}
		if _, err := db.W.ExecContext(ctx, "UPDATE jobs SET status = 'failed', attempts = 3, error = 'x' WHERE id = $1", ids[1]); err != nil {
			t.Fatal(err)
		}
		if err := q.Retry(ctx, access.Principal{Role: access.Coordinator}, ids[1]); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("coordinator retrying a job: %v", err)
		}
		if err := q.Retry(ctx, access.System, ids[1]); err != nil {
			t.Fatal(err)
		}
		start(t, q, 1)
		if j := waitStatus(t, q, ids[1], jobs.Done); j.Attempts != 1 || j.Error != "" {
			t.Fatalf("retried job = %+v", j)
		}
		counts, err := q.Counts(ctx)
		if err != nil || counts[jobs.Queued] != 4 || counts[jobs.Done] != 1 || counts[jobs.Failed] != 0 {
			t.Fatalf("counts = %v, %v", counts, err)
		}
	})
}

func TestRetryIsAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := newClock()
		log, err := audit.New(db, c.now)
		if err != nil {
			t.Fatal(err)
		}
		q := newQueue(t, db, c, jobs.WithAudit(log))
		q.Register("a", ok)
		id := enqueue(t, db, q, "a", nil, jobs.RunAt(c.now().Add(time.Hour)))
		if _, err := db.W.ExecContext(ctx, "UPDATE jobs SET status = 'failed' WHERE id = $1", id); err != nil {
			t.Fatal(err)
		}
		admin := access.Principal{UserID: 0, Name: "Admin", Role: access.Admin}
		if err := q.Retry(ctx, admin, id); err != nil {
			t.Fatal(err)
		}
		entries, _, err := log.Changes(ctx, admin, audit.Filter{Entity: "job"}, store.Page{})
		if err != nil || len(entries) != 1 || entries[0].Action != "retry" || entries[0].EntityID != strconv.FormatInt(id, 10) {
			t.Fatalf("audit of the retry: %+v, %v", entries, err)
		}
	})
}
