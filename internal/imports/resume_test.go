package imports_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
)

var syllables = []string{"Бек", "Сат", "Жан", "Нур", "Тал", "Ерм", "Кай", "Мук"}

// numberedList is a list of n children, each new to a registry; every
// seventh has a date that does not exist, and the rows go by three into
// households.
func numberedList(n int) []byte { // n < 64: the names differ
	var b strings.Builder
	b.WriteString("Фамилия;Имя;Дата рождения;Пол;Область;Семья\n")
	for i := 1; i <= n; i++ {
		date := "12.02.2013"
		if i%7 == 0 {
			date = "31.02.2013"
		}
		fmt.Fprintf(&b, "%s%sов;Иван;%s;М;Алматы;F-%d\n", syllables[i%8], strings.ToLower(syllables[i/8]), date, i/3)
	}
	return []byte(b.String())
}

// An import interrupted after it committed some rows, and before it wrote
// the others, is taken up by the next start of the queue after the last
// row committed: its totals are what an uninterrupted run reports (the
// dry run's), the rows committed before count as created, not unchanged,
// and no child is registered twice. Each row is committed on its own, so
// the interruption falls between two commits of one batch.
func TestAnImportInterruptedBetweenCommitsResumesWithExactCounts(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		const n = 60
		up := w.save(t, "список.csv", numberedList(n))
		var dry imports.RunRecord
		w.work(t, func() { dry = w.wait(t, must(w.svc.Start(ctx, w.operator, up.ID, nil, true))) })
		if dry.Status != jobs.Done || dry.Result.Created != n-n/7 || dry.Result.Rejected != n/7 {
			t.Fatalf("dry run: %s %s", dry.Status, dry.Result.Line())
		}

		imports.SetHold(w.svc, time.Nanosecond)
		qctx, crash := context.WithCancel(ctx)
		var mu sync.Mutex
		var at []imports.Progress
		imports.SetBeforeCheckpoint(w.svc, func(ctx context.Context, pr imports.Progress) error {
			mu.Lock()
			defer mu.Unlock()
			if at = append(at, pr); len(at) == 25 {
				crash() // the commits before this one are kept, this one is not
				return context.Canceled
			}
			return nil
		})
		run := must(w.svc.Start(ctx, w.operator, up.ID, nil, false))
		if err := w.restart(t).Start(qctx, 1); err != nil {
			t.Fatal(err)
		}
		// What a crash leaves: the job and the run running, claimed by a
		// process of this host that is gone.
		host, _ := os.Hostname()
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{"UPDATE jobs SET status = 'running', owner = $1 WHERE id = $2", []any{host + "|4194305|0123456789abcdef", run.JobID}},
			{"UPDATE import_runs SET status = 'running' WHERE id = $1", []any{run.ID}},
		} {
			if _, err := w.db.W.ExecContext(ctx, store.Rebind(w.db.Engine, q.sql), q.args...); err != nil {
				t.Fatal(err)
			}
		}
		kept := at[len(at)-2]
		mid, err := w.svc.Run(ctx, w.operator, up.ID, run.ID)
		if err != nil {
			t.Fatal(err)
		}
		if mid.Finished() || mid.ResumeLine != kept.Line || mid.Result != kept.Result || kept.Result.Created == 0 {
			t.Fatalf("after the interruption: %s at line %d (%s), want line %d (%s)", mid.Status, mid.ResumeLine,
				mid.Result.Line(), kept.Line, kept.Result.Line())
		}
		if got := w.count(t, "persons", "org_id = $1", w.school.ID); got != kept.Result.Created {
			t.Fatalf("%d children registered before the interruption, the checkpoint says %d", got, kept.Result.Created)
		}

		imports.SetBeforeCheckpoint(w.svc, nil)
		w.queue = w.restart(t)
		w.work(t, func() { run = w.wait(t, run) })
		if run.Status != jobs.Done || run.Result != dry.Result || run.Reasons != dry.Reasons {
			t.Fatalf("resumed run: %s %s, %d reasons; uninterrupted (dry) %s, %d reasons", run.Status,
				run.Result.Line(), run.Reasons, dry.Result.Line(), dry.Reasons)
		}
		if got := w.count(t, "persons", "org_id = $1", w.school.ID); got != dry.Result.Created {
			t.Fatalf("%d children registered, want %d", got, dry.Result.Created)
		}
		var dup int
		q := "SELECT COUNT(*) FROM (SELECT last_name FROM persons GROUP BY last_name HAVING COUNT(*) > 1) d"
		if err := w.db.R.QueryRowContext(ctx, q).Scan(&dup); err != nil || dup != 0 {
			t.Fatalf("%d children registered twice (%v)", dup, err)
		}
		if got := w.count(t, "import_rejects", "run_id = $1", run.ID); got != dry.Reasons {
			t.Fatalf("%d rejects stored, want %d", got, dry.Reasons)
		}
	})
}

// restart is a new queue on the database, as a process started again has.
func (w *web) restart(t *testing.T) *jobs.Queue {
	t.Helper()
	q, err := jobs.New(w.db, w.world.Clock.Now, nil)
	if err != nil {
		t.Fatal(err)
	}
	q.Register(imports.JobKind, w.svc.Handle)
	return q
}
