package mentoring_test

import (
	"database/sql"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/testworld"
)

// eligibleMentor is an approved mentor of capacity places, who takes
// minors when minors is set, and passed the final check of a cohort (no
// module is required); email tells mentors apart.
func eligibleMentor(t *testing.T, w *testworld.World, email string, capacity int, minors bool) mentoring.Mentor {
	t.Helper()
	ctx, s, coord := t.Context(), w.Services.Mentoring, w.Principal(access.Coordinator)
	in := application(w, "Mentor "+email, email)
	in.Capacity, in.Minors = capacity, minors
	m, err := s.Create(ctx, coord, in)
	must(t, err)
	if m.Status != mentoring.Approved {
		m, err = s.Decide(ctx, coord, m.ID, m.Version, true, "")
		must(t, err)
	}
	c, err := s.CreateCohort(ctx, coord, mentoring.Cohort{Name: "Autumn " + email, OrgID: w.Foundation.ID,
		StartsOn: day(2026, 9, 1), EndsOn: day(2026, 9, 30)})
	must(t, err)
	must(t, s.Enrol(ctx, coord, c.ID, m.ID))
	must(t, s.RecordFinal(ctx, coord, c.ID, m.ID, true, 90, day(2026, 9, 30)))
	return m
}

// A hundred matches take places of one mentor at once, then a hundred
// endings give them back: exactly the capacity is taken, the rest are
// refused for capacity (never another error), and the count of places in
// use never passes the capacity nor goes below nothing.
func TestTakeAndReleaseInParallel(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		const capacity, n = 7, 100
		m := eligibleMentor(t, w, "aigerim@example.org", capacity, true)
		on := day(2026, 10, 1)
		run := func(f func(tx *sql.Tx) error) []error {
			out := make([]error, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() { out[i] = w.DB.Tx(ctx, f) })
			}
			wg.Wait()
			return out
		}
		taken := 0
		for _, err := range run(func(tx *sql.Tx) error { return s.Take(ctx, tx, m.ID, on, true) }) {
			switch e := errs.As(err); {
			case err == nil:
				taken++
			case e == nil || e.Key != "error.mentor_over_capacity":
				t.Fatalf("a parallel take failed: %v", err)
			}
		}
		if got := mentees(t, w, m.ID); taken != capacity || got != capacity {
			t.Fatalf("%d takes succeeded, %d places in use, want %d", taken, got, capacity)
		}
		for _, err := range run(func(tx *sql.Tx) error { return s.Release(ctx, tx, m.ID) }) {
			must(t, err)
		}
		if got := mentees(t, w, m.ID); got != 0 {
			t.Fatalf("%d places in use after every release, want 0", got)
		}
		// Taking and giving back at once: whatever the order, never more
		// than the capacity, never below nothing.
		both := run(func(tx *sql.Tx) error {
			if err := s.Take(ctx, tx, m.ID, on, false); err != nil {
				return err
			}
			return s.Release(ctx, tx, m.ID)
		})
		for _, err := range both {
			must(t, err)
		}
		if got := mentees(t, w, m.ID); got != 0 {
			t.Fatalf("%d places in use after takes given back, want 0", got)
		}
	})
}

func mentees(t *testing.T, w *testworld.World, id int64) int {
	t.Helper()
	m, err := w.Services.Mentoring.Get(t.Context(), w.Principal(access.Coordinator), id)
	must(t, err)
	return m.Mentees
}
