package eligibility_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestSubmittedAreEvaluatedAfterwards(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		w.load(t, families(w))
		personOf(t, w)
		w.s.Submitted(1, 2) // no rules yet: left without a result, not a failure
		if failed := w.s.Settle(); failed != 0 {
			t.Fatalf("%d failed without rules", failed)
		}
		if _, err := w.s.Current(ctx, w.coord, 1); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("result without rules: %v", err)
		}
		rules, weights := roadRules(w)
		must(w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights))
		w.s.Submitted(1, 2)
		w.s.Submitted(4)
		if failed := w.s.Settle(); failed != 0 {
			t.Fatalf("%d evaluations failed", failed)
		}
		for id, score := range map[int64]int{1: 58, 2: 0, 4: 40} {
			st, err := w.s.Current(ctx, w.coord, id)
			if err != nil || st.Result.Score != score || st.Version != 1 {
				t.Errorf("request %d: %v %+v, want score %d", id, err, st, score)
			}
		}
		if _, err := w.s.Current(ctx, w.coord, 3); errs.CodeOf(err) != errs.NotFound {
			t.Errorf("request 3 was not submitted, yet evaluated: %v", err)
		}
	})
}

func TestAgeGate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		on := day("2026-09-01")
		if err := w.s.AgeGate(ctx, w.campaign, day("1990-01-01"), on); err != nil {
			t.Fatalf("no rules, yet refused: %v", err)
		}
		rules, weights := roadRules(w) // ages 6–17
		must(w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights))
		for _, c := range []struct {
			birth  string
			refuse bool
		}{{"2020-09-01", false}, {"2020-09-02", true}, {"2009-01-01", false}, {"2008-09-01", true}} {
			err := w.s.AgeGate(ctx, w.campaign, day(c.birth), on)
			if e := errs.As(err); (e != nil && e.Key == "error.request_outside_age") != c.refuse {
				t.Errorf("born %s: %v, refuse %v", c.birth, err, c.refuse)
			}
		}
		if err := w.s.AgeGate(ctx, w.campaign, time.Time{}, on); err != nil {
			t.Errorf("unknown birth date refused: %v", err)
		}
		if err := w.s.AgeGate(ctx, w.other, day("1990-01-01"), on); err != nil {
			t.Errorf("campaign without rules refused: %v", err)
		}
	})
}

func TestDefaultRulesAreValid(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		for _, p := range []string{"kits", "devices", "delivery", "out_of_school", "mentoring", "unknown"} {
			rules, weights := eligibility.DefaultRules(p)
			if _, err := w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		}
	})
}

// The distance a request gives scores by the weights' bands, in the
// recalculation and in the evaluation after a submission alike.
func TestDistanceFromTheRequestScores(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		fams := families(w)
		fams[3].distanceM = 12_500 // request 4: low-income, single parent: 40
		fams[0].distanceM = 2_000  // request 1: under the first band
		w.load(t, fams)
		personOf(t, w)
		rules, weights := roadRules(w)
		weights.Distance = []eligibility.Band{{FromKm: 3, Points: 5}, {FromKm: 10, Points: 12}}
		must(w.s.SaveRuleSet(ctx, w.coord, w.campaign, rules, weights))
		w.s.Submitted(4)
		if failed := w.s.Settle(); failed != 0 {
			t.Fatalf("%d evaluations failed", failed)
		}
		if st := must(w.s.Current(ctx, w.coord, 4)); st.Result.Score != 52 {
			t.Fatalf("after submission, request 4 scored %d, want 40 + 12 for 12.5 km", st.Result.Score)
		}
		must(w.s.Rescore(ctx, w.coord, w.campaign))
		for id, score := range map[int64]int{1: 58, 4: 52} {
			st := must(w.s.Current(ctx, w.coord, id))
			if st.Result.Score != score {
				t.Errorf("request %d scored %d after recalculation, want %d", id, st.Result.Score, score)
			}
		}
	})
}
