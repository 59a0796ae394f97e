package jobs_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// claimedBy makes a job look like one the process named owner is running,
// claimed just now: well within its lease.
func claimedBy(t *testing.T, db *store.DB, id int64, owner string, c *clock) {
	t.Helper()
	_, err := db.W.ExecContext(context.Background(),
		"UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = $1, owner = $2 WHERE id = $3",
		c.now(), owner, id)
	if err != nil {
		t.Fatal(err)
	}
}

func TestStartTakesBackAtOnceTheJobsOfAStoppedProcessOfThisHost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		host, err := os.Hostname()
		if err != nil {
			t.Fatal(err)
		}
		c := newClock()
		q := newQueue(t, db, c)
		q.Register("ok", ok)
		earlierLife := enqueue(t, db, q, "ok", nil) // this process id, before a restart
		ended := enqueue(t, db, q, "ok", nil)       // a process of this host that is gone
		alive := enqueue(t, db, q, "ok", nil)       // a process of this host still running
		elsewhere := enqueue(t, db, q, "ok", nil)   // another host: its lease decides
		pid := strconv.Itoa(os.Getpid())
		claimedBy(t, db, earlierLife, host+"|"+pid+"|0123456789abcdef", c)
		claimedBy(t, db, ended, host+"|4194305|0123456789abcdef", c) // above the largest process id
		claimedBy(t, db, alive, host+"|"+strconv.Itoa(os.Getppid())+"|0123456789abcdef", c)
		claimedBy(t, db, elsewhere, "elsewhere|"+pid+"|0123456789abcdef", c)
		start(t, q, 1)
		for _, id := range []int64{earlierLife, ended} {
			if j := waitStatus(t, q, id, jobs.Done); j.Attempts != 2 {
				t.Fatalf("job %d of a stopped process = %+v, want done on its second attempt", id, j)
			}
		}
		for _, id := range []int64{alive, elsewhere} {
			if j := get(t, q, id); j.Status != jobs.Running {
				t.Fatalf("job %d of a process that may be alive = %+v, want left running", id, j)
			}
		}
	})
}
