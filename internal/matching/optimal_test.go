package matching_test

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring/match"
	"github.com/jolproject/jol/internal/testworld"
)

// TestAStoredRunIsOptimal stores a run over a random cohort and checks
// its three aims against the pure solver's on an input the test builds
// itself from what it registered: the same number matched, the same
// preference and fit, and the stored proposals add up to them.
func TestAStoredRunIsOptimal(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		ctx := t.Context()
		rng := rand.New(rand.NewPCG(13, 3))
		fields := []string{"career", "education"}
		in := match.Input{Date: day(2026, 9, 1)}
		for i := range 8 {
			schooled := i != 0
			field := fields[i%2]
			m := f.addMentor(t, fmt.Sprintf("Mentor %d", i), 1+rng.IntN(3), schooled, field)
			in.Mentors = append(in.Mentors, match.Mentor{ID: m.ID, Region: "KZ-75", Fields: []string{field},
				Languages: []string{"kk", "ru"}, Formats: []string{"in_person"}, Free: m.Capacity, School: schooled,
				Minors: true, VettedUntil: day(2027, 2, 28)})
		}
		for i := range 30 {
			birth, field := adult, fields[rng.IntN(2)]
			if i%7 == 0 {
				birth = minor // no consent: never matched
			}
			id := f.addYouth(t, fmt.Sprintf("Y%02d", i), field, birth.AddDate(0, 0, i))
			y := match.Youth{ID: id, Birth: birth.AddDate(0, 0, i), Region: "KZ-75", Field: field,
				Languages: []string{"kk"}, Formats: []string{"in_person", "online"}}
			for _, k := range rng.Perm(len(in.Mentors))[:rng.IntN(4)] {
				y.Choices = append(y.Choices, in.Mentors[k].ID)
			}
			f.choose(t, id, y.Choices...)
			in.Youth = append(in.Youth, y)
		}
		want, err := match.Run(in)
		must(t, err)
		r, err := f.s.Run(ctx, f.coord, matching.Params{})
		must(t, err)
		if r.Matched != want.Matched || r.Preference != want.Preference || r.Fit != want.Fit || r.Unmatched != len(want.Unmatched) {
			t.Fatalf("stored run %+v, the solver: matched %d, preference %d, fit %d", r, want.Matched, want.Preference, want.Fit)
		}
		ps, err := f.s.RunProposals(ctx, f.coord, r.ID, 0, 0)
		must(t, err)
		pref, fit := 0, 0
		for _, p := range ps {
			if p.Choice > 0 {
				pref += match.MaxChoices + 1 - p.Choice
			}
			fit += p.Fit
		}
		if len(ps) != want.Matched || pref != want.Preference || fit != want.Fit {
			t.Fatalf("stored proposals: %d, preference %d, fit %d", len(ps), pref, fit)
		}
	})
}

// TestParallelRunsKeepCapacities: a hundred runs at once over one cohort
// never propose a young person twice nor take more places than there are.
func TestParallelRunsKeepCapacities(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		ctx := t.Context()
		var ids []int64
		for i := range 4 {
			ids = append(ids, f.addMentor(t, fmt.Sprintf("Mentor %d", i), 2, true, "career").ID)
		}
		for i := range 20 {
			f.addYouth(t, fmt.Sprintf("Y%02d", i), "career", adult.AddDate(0, 0, i))
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		matched := 0
		for range 100 {
			wg.Go(func() {
				r, err := f.s.Run(ctx, f.coord, matching.Params{})
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				matched += r.Matched
				mu.Unlock()
			})
		}
		wg.Wait()
		taken := 0
		for _, id := range ids {
			n := f.mentees(t, id)
			if n > 2 {
				t.Errorf("mentor %d holds %d places of 2", id, n)
			}
			taken += n
		}
		var pending int
		must(t, w.DB.R.QueryRowContext(ctx, "SELECT COUNT(*) FROM match_proposals WHERE status = 'pending'").Scan(&pending))
		if matched != 8 || taken != 8 || pending != 8 {
			t.Fatalf("matched %d, places taken %d, pending %d; want 8 each", matched, taken, pending)
		}
	})
}
