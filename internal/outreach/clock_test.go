package outreach_test

import (
	"errors"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/testworld"
)

// Casework written as of an earlier day carries that day, and its
// deadline falls from it; the service it was made from keeps its own
// clock. A child's open case is found by the child, within the reader's
// scope only, and the reading is in the access log.
func TestWithClockAndOpenCase(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Outreach
		coord, worker := w.Principal(access.Coordinator), w.Principal(access.Outreach)
		aru := w.Person(t, w.Child("Nurlanova", "Aru", testworld.Day(2015, 5, 1)))
		berik := w.Person(t, w.Child("Sadykov", "Berik", testworld.Day(2014, 2, 1)))
		then := w.Clock.Now().AddDate(0, 0, -20)
		past := s.WithClock(func() time.Time { return then })

		_, err := s.OpenCase(ctx, worker, aru.ID, "web")
		if !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("a child with no case: %v", err)
		}
		_, err = past.Flag(ctx, coord, []outreach.Flagged{flagged(w, aru, 0.9)})
		must(t, err)
		c, err := s.OpenCase(ctx, worker, aru.ID, "web")
		must(t, err)
		today, err := s.Today(ctx)
		must(t, err)
		if !c.FlaggedAt.Equal(then) || !c.Overdue(today) || c.DueOn.After(today.AddDate(0, 0, -12)) {
			t.Fatalf("a case flagged 20 days ago: flagged %v, due %v, today %v", c.FlaggedAt, c.DueOn, today)
		}
		if was, err := past.Today(ctx); err != nil || !was.Before(today) {
			t.Fatalf("the earlier day %v (%v), today %v", was, err, today)
		}
		c, err = past.Contact(ctx, worker, c.ID, c.Version, outreach.ContactInput{Mode: outreach.Visit, Reason: outreach.Work})
		must(t, err)
		if !c.ContactedAt.Equal(then) || c.Step != outreach.Contacted {
			t.Fatalf("contacted %v at step %s", c.ContactedAt, c.Step)
		}
		if n := scalar(t, w, "SELECT count(*) FROM access_log WHERE subject_kind = 'outreach_case'"); n != 1 {
			t.Fatalf("%d access-log entries, want the one reading", n)
		}

		_, err = past.Flag(ctx, coord, []outreach.Flagged{flagged(w, berik, 0.8)})
		must(t, err)
		if _, err := s.OpenCase(ctx, w.Stranger.Principal(), berik.ID, "web"); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("a coordinator elsewhere looks for the case: %v", err)
		}
		id := caseOf(t, w, berik.ID)
		v, err := s.Get(ctx, worker, id, "web")
		must(t, err)
		_, err = s.Close(ctx, worker, id, v.Version, outreach.NotFound)
		must(t, err)
		if _, err := s.OpenCase(ctx, worker, berik.ID, "web"); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("a closed case is found open: %v", err)
		}
	})
}
