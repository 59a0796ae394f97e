package match

import (
	"math/rand/v2"
	"os"
	"testing"

	"github.com/jolproject/jol/internal/flow/flowtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	flowtest.Cleanup()
	os.Exit(code)
}

// TestAgainstLEMON: on generated cohorts of up to 2,000 young people the
// least cost of the matching network, found by LEMON's network simplex,
// reads back as the aims the matching reaches; so no matching is better
// by any aim in turn.
func TestAgainstLEMON(t *testing.T) {
	bin := flowtest.Oracle(t)
	r := rand.New(rand.NewPCG(13, 2))
	for n := range 24 {
		sz := size{youth: 50 + r.IntN(300), mentors: 5 + r.IntN(40), fields: 2 + r.IntN(6), regions: 1 + r.IntN(5), meanFree: 1 + r.IntN(12)}
		if n%8 == 7 {
			sz = size{youth: 2000, mentors: 100, fields: 8, regions: 5, meanFree: 20}
		}
		in := gen(sz, r.Uint64())
		in.Rule = randomRule(r, 12)
		res, err := Run(in)
		if err != nil {
			t.Fatal(err)
		}
		checkResult(t, in, res)

		m := newModel(&in)
		m.shortlistAll()
		net := m.network()
		cost, err := flowtest.Solve(t, bin, net.g)
		if err != nil {
			t.Fatalf("instance %d: LEMON: %v", n, err)
		}
		k, p, f := net.aims(cost)
		if got := [3]int64{int64(res.Matched), int64(res.Preference), int64(res.Fit)}; got != [3]int64{k, p, f} {
			t.Fatalf("instance %d (%+v): aims %v, LEMON's optimum %v", n, sz, got, [3]int64{k, p, f})
		}
	}
}
