package match

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// smallInstance is a random instance of at most 7 young people and 4
// mentors, with random kept and excluded pairs.
func smallInstance(r *rand.Rand) Input {
	in := gen(size{youth: 1 + r.IntN(7), mentors: 1 + r.IntN(4), fields: 3, regions: 2, meanFree: 1 + r.IntN(2)}, r.Uint64())
	in.Rule = randomRule(r, 4)
	free := map[int64]int{}
	for _, m := range in.Mentors {
		free[m.ID] = m.Free
	}
	for _, y := range in.Youth {
		m := in.Mentors[r.IntN(len(in.Mentors))]
		switch r.IntN(6) {
		case 0:
			if free[m.ID] > 0 {
				free[m.ID]--
				in.Keep = append(in.Keep, Pair{y.ID, m.ID})
			}
		case 1:
			in.Exclude = append(in.Exclude, Pair{y.ID, m.ID})
		}
	}
	return in
}

// TestAgainstBruteForce: on 3,000 small random instances the matching
// reaches the best number matched, then the best preference sum, then
// the best fit sum that trying every assignment finds, and keeps every
// rule.
func TestAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 1))
	var matched int
	reasons := map[string]int{}
	for n := range 3000 {
		in := smallInstance(r)
		res, err := Run(in)
		if err != nil {
			t.Fatalf("instance %d: %v", n, err)
		}
		checkResult(t, in, res)
		got, want := aims{res.Matched, res.Preference, res.Fit}, bruteBest(in)
		if got != want {
			t.Fatalf("instance %d: aims %+v, brute force %+v\n%+v", n, got, want, in)
		}
		matched += res.Matched
		for _, u := range res.Unmatched {
			reasons[u.Reason.Key]++
		}
	}
	if matched < 2000 || len(reasons) != 6 {
		t.Fatalf("instances too one-sided: %d matched, unmatched %v", matched, reasons)
	}
}

// checkResult checks a result against the rules, independently of how
// it was found: every match is between a young person and one of their
// candidates (the oracle's list: eligibility, the rule, exclusions),
// no mentor takes more than their free places, no one is left unmatched
// while a candidate of theirs has a place left, every young person
// without a kept match is matched or unmatched exactly once, and each
// match's explanation agrees with the match.
func checkResult(t *testing.T, in Input, res *Result) {
	t.Helper()
	free := map[int64]int{}
	for _, m := range in.Mentors {
		free[m.ID] = m.Free
	}
	kept := map[int64]bool{}
	for _, p := range in.Keep {
		free[p.Mentor]--
		kept[p.Youth] = true
	}
	seen := map[int64]bool{}
	byID := map[int64]Youth{}
	for _, y := range in.Youth {
		byID[y.ID] = y
	}
	opts := map[int64][]option{}
	for _, y := range in.Youth {
		opts[y.ID] = oracleOptions(in, y, free)
	}
	var sum aims
	for _, mt := range res.Matches {
		y := byID[mt.Youth]
		if seen[y.ID] || kept[y.ID] {
			t.Fatalf("young person %d matched twice", y.ID)
		}
		seen[y.ID] = true
		k := slices.IndexFunc(opts[y.ID], func(o option) bool { return o.mentor == mt.Mentor })
		if k < 0 {
			t.Fatalf("young person %d matched with %d, not a candidate", y.ID, mt.Mentor)
		}
		o := opts[y.ID][k]
		if free[mt.Mentor]--; free[mt.Mentor] < 0 {
			t.Fatalf("mentor %d over capacity", mt.Mentor)
		}
		if ageOn(y.Birth, in.Date) < 18 && !y.Consent {
			t.Fatalf("minor %d without consent matched", y.ID)
		}
		if mt.Fit.Points() != o.fit || (o.pref == 0) != (mt.Choice == 0) || o.pref > 0 && mt.Choice != 4-o.pref {
			t.Fatalf("match %+v, oracle's option %+v", mt, o)
		}
		if len(mt.Reasons) != 1+o.fit {
			t.Fatalf("match %+v: %d reasons for fit %d", mt, len(mt.Reasons), o.fit)
		}
		sum = aims{sum.matched + 1, sum.pref + o.pref, sum.fit + o.fit}
	}
	for _, u := range res.Unmatched {
		y := byID[u.Youth]
		for _, o := range opts[y.ID] {
			if free[o.mentor] > 0 {
				t.Fatalf("young person %d unmatched though candidate %d has a free place", y.ID, o.mentor)
			}
		}
		if seen[y.ID] || kept[y.ID] {
			t.Fatalf("young person %d both matched and not", y.ID)
		}
		seen[y.ID] = true
		noConsent := ageOn(y.Birth, in.Date) < 18 && !y.Consent
		if noConsent != (u.Reason.Key == KeyNoConsent) {
			t.Fatalf("young person %d unmatched: %s", y.ID, u.Reason.Key)
		}
		if (len(opts[y.ID]) > 0) != (u.Reason.Key == KeyTaken) {
			t.Fatalf("young person %d with %d candidates unmatched: %s", y.ID, len(opts[y.ID]), u.Reason.Key)
		}
	}
	if len(seen)+len(kept) != len(in.Youth) {
		t.Fatalf("%d young people accounted for, %d kept, of %d", len(seen), len(kept), len(in.Youth))
	}
	if sum != (aims{res.Matched, res.Preference, res.Fit}) {
		t.Fatalf("aims %+v, the matches sum to %+v", res, sum)
	}
}
