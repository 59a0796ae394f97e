package strands_test

import (
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestOneYoungPersonJoinsAHundredTimesAtOnce sends one young person's
// request to join a hundred times at once (a button pressed again and
// again, the bot and the page together): one enrolment, one place taken,
// one line in the change log, and every other request told they are
// enrolled already.
func TestOneYoungPersonJoinsAHundredTimesAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		a := w.activity(t, 30, nil)
		id := w.Young(t, "Aruzhan", 20, "KZ-75")
		const n = 100
		results := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() { _, results[i] = w.s.Join(ctx, id, a.ID) })
		}
		wg.Wait()
		joined := 0
		for _, err := range results {
			switch e := errs.As(err); {
			case err == nil:
				joined++
			case e == nil || e.Key != "error.activity_enrolled_already":
				t.Errorf("join: %v", err)
			}
		}
		var enrolments, logged int
		check(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine,
			"SELECT count(*) FROM activity_enrolments WHERE activity_id = $1 AND youth_id = $2"), a.ID, id).Scan(&enrolments))
		check(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine,
			"SELECT count(*) FROM audit_log WHERE action = 'enrol' AND entity = 'activity_enrolment'")).Scan(&logged))
		if a = must(w.s.Activity(ctx, admin, a.ID))(t); joined != 1 || enrolments != 1 || logged != 1 || a.Enrolled != 1 {
			t.Fatalf("joined %d times: %d enrolments, %d logged, %d places taken", joined, enrolments, logged, a.Enrolled)
		}
	})
}
