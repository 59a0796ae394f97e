package mentoring_test

import (
	"database/sql"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/testworld"
)

// TakeMany answers as Take would one place after another: places taken
// up to each mentor's capacity in the order given, the rest refused for
// capacity; a minor's place refused of a mentor who takes no minors
// while an adult's is taken; a mentor whose places were taken meanwhile
// filled as far as they go. An unknown mentor fails the whole.
func TestTakeMany(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		on := day(2026, 10, 1)
		roomy := eligibleMentor(t, w, "roomy@example.org", 5, true)
		tight := eligibleMentor(t, w, "tight@example.org", 2, true)
		adults := eligibleMentor(t, w, "adults@example.org", 3, false)
		busy := eligibleMentor(t, w, "busy@example.org", 3, true)
		must(t, w.DB.Tx(ctx, func(tx *sql.Tx) error { return s.Take(ctx, tx, busy.ID, on, false) }))
		must(t, w.DB.Tx(ctx, func(tx *sql.Tx) error { return s.Take(ctx, tx, busy.ID, on, false) }))

		wants := []mentoring.Want{{Mentor: roomy.ID, Minor: false}, {Mentor: tight.ID, Minor: false}, {Mentor: adults.ID, Minor: true}, {Mentor: roomy.ID, Minor: true},
			{Mentor: tight.ID, Minor: true}, {Mentor: adults.ID, Minor: false}, {Mentor: tight.ID, Minor: false}, {Mentor: busy.ID, Minor: false}, {Mentor: busy.ID, Minor: true}}
		want := []string{"", "", "error.mentor_no_minors", "", "", "", "error.mentor_over_capacity", "",
			"error.mentor_over_capacity"}
		var refusals []error
		must(t, w.DB.Tx(ctx, func(tx *sql.Tx) error {
			var err error
			refusals, err = s.TakeMany(ctx, tx, wants, on)
			return err
		}))
		for i, err := range refusals {
			key := ""
			if e := errs.As(err); e != nil {
				key = e.Key
			} else if err != nil {
				t.Fatalf("want %d: %v", i, err)
			}
			if key != want[i] {
				t.Errorf("want %d (%+v): refusal %q, want %q", i, wants[i], key, want[i])
			}
		}
		for m, n := range map[int64]int{roomy.ID: 2, tight.ID: 2, adults.ID: 1, busy.ID: 3} {
			if got := mentees(t, w, m); got != n {
				t.Errorf("mentor %d: %d places in use, want %d", m, got, n)
			}
		}
		err := w.DB.Tx(ctx, func(tx *sql.Tx) error {
			_, err := s.TakeMany(ctx, tx, []mentoring.Want{{Mentor: roomy.ID, Minor: false}, {Mentor: 999999, Minor: false}}, on)
			return err
		})
		if errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("an unknown mentor: %v", err)
		}
		if got := mentees(t, w, roomy.ID); got != 2 {
			t.Errorf("a failed batch kept %d places of the roomy mentor, want 2", got)
		}
	})
}

// Ten batches of three places of one mentor of seven at once: exactly
// seven places are taken in all, whatever the interleaving.
func TestTakeManyInParallel(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s := t.Context(), w.Services.Mentoring
		m := eligibleMentor(t, w, "aigerim@example.org", 7, true)
		on := day(2026, 10, 1)
		var wg sync.WaitGroup
		taken := make([]int, 10)
		for i := range taken {
			wg.Go(func() {
				err := w.DB.Tx(ctx, func(tx *sql.Tx) error {
					refusals, err := s.TakeMany(ctx, tx, []mentoring.Want{{Mentor: m.ID, Minor: false}, {Mentor: m.ID, Minor: true}, {Mentor: m.ID, Minor: false}}, on)
					for _, r := range refusals {
						if r == nil {
							taken[i]++
						}
					}
					return err
				})
				if err != nil {
					t.Errorf("batch %d: %v", i, err)
				}
			})
		}
		wg.Wait()
		sum := 0
		for _, n := range taken {
			sum += n
		}
		if got := mentees(t, w, m.ID); sum != 7 || got != 7 {
			t.Fatalf("%d places reported taken, %d in use, want 7", sum, got)
		}
	})
}
