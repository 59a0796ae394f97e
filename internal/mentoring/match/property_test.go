package match

import (
	"math/rand/v2"
	"testing"
)

// TestProperties: on 200 generated cohorts of up to 600 young people,
// with kept and excluded pairs and random rules, every result keeps the
// rules checkResult checks (capacity, eligibility, minors' consent and
// vetting, every young person accounted for, nobody left out beside a
// free place), and so does running again after the proposals are
// answered at random: no standing proposal's young person is matched
// again, no refused pair is proposed again.
func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 3))
	for n := range 200 {
		sz := size{youth: 1 + r.IntN(600), mentors: 1 + r.IntN(60), fields: 1 + r.IntN(8), regions: 1 + r.IntN(6), meanFree: 1 + r.IntN(10)}
		in := gen(sz, r.Uint64())
		in.Rule = randomRule(r, 10)
		res, err := Run(in)
		if err != nil {
			t.Fatalf("instance %d: %v", n, err)
		}
		checkResult(t, in, res)

		// Answer the proposals at random and match again.
		var ps []Proposal
		for _, m := range res.Matches {
			ps = append(ps, Proposal{Pair{m.Youth, m.Mentor}, Answer(r.IntN(4))})
		}
		again, err := Rematch(in, ps)
		if err != nil {
			t.Fatalf("instance %d: rematch: %v", n, err)
		}
		in2 := in
		for _, p := range ps {
			if p.Answer == Accepted || p.Answer == Pending {
				in2.Keep = append(in2.Keep, p.Pair)
			} else {
				in2.Exclude = append(in2.Exclude, p.Pair)
			}
		}
		checkResult(t, in2, again) // the refused pairs are not candidates in in2
	}
}
