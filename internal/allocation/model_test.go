package allocation

import (
	"math/rand/v2"
	"os"
	"testing"

	"github.com/jolproject/jol/internal/flow/flowtest"
	"github.com/jolproject/jol/internal/store/storetest"
)

// On thousands of small instances held in memory, the plan's total
// priority, the worth of its order and its cost are those of the best
// assignment found by trying them all: the model, not only the solver,
// is exact.
func TestModelMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 20))
	var served, tried int
	for i := range 3000 {
		in := randomInstance(r)
		p, err := Decide(in)
		if err != nil {
			t.Fatalf("instance %d: %v", i, err)
		}
		prio, order, cost, n := bruteForce(in)
		tried += n
		if p.Objective != prio || orderWorth(p) != order || p.Distance != cost {
			t.Fatalf("instance %d: plan (%d, %d, %d), best (%d, %d, %d)\n%+v\n%+v", i, p.Objective, orderWorth(p),
				p.Distance, prio, order, cost, *in, p.Results)
		}
		served += p.Served
	}
	t.Logf("3000 instances, %d lines served, %d assignments tried", served, tried)
}

func orderWorth(p *Plan) int64 {
	var n, worth int64
	for _, r := range p.Results {
		if r.Outcome != MultiUnit {
			n++
		}
	}
	for c, r := range p.Results {
		if r.Outcome == Allocated {
			worth += n - int64(c)
		}
	}
	return worth
}

// Each aim's network, as solved, has the least cost LEMON's network
// simplex finds for it.
func TestAimsAgainstLEMON(t *testing.T) {
	bin := flowtest.Oracle(t)
	r := rand.New(rand.NewPCG(30, 40))
	solved := 0
	for i := range 300 {
		m := newModel(randomInstance(r))
		s, err := lexSolve(m.g, m.costs)
		if err != nil {
			t.Fatalf("instance %d: %v", i, err)
		}
		for k, g := range s.graphs {
			if g == nil {
				continue
			}
			want, err := flowtest.Solve(t, bin, g)
			if err != nil || want != s.cost[k] {
				t.Fatalf("instance %d, aim %d: cost %d, LEMON %d %v", i, k, s.cost[k], want, err)
			}
			solved++
		}
	}
	t.Logf("%d networks agree with LEMON", solved)
}

// TestMain stops the PostgreSQL cluster the store tests share and
// removes the LEMON oracle.
func TestMain(m *testing.M) {
	code := storetest.Main(m)
	flowtest.Cleanup()
	os.Exit(code)
}
