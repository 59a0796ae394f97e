package flow_test

import (
	"testing"

	"github.com/jolproject/jol/internal/flow"
	"github.com/jolproject/jol/internal/flow/flowgen"
)

// TestShapesAgainstLEMON solves medium instances of the two shapes Jol
// builds, with thousands of arcs, and compares with LEMON.
func TestShapesAgainstLEMON(t *testing.T) {
	bin := flow.LemonOracle(t)
	graphs := map[string]*flow.Graph{}
	for seed := range uint64(3) {
		graphs["mentoring "+string(rune('a'+seed))] = flowgen.Mentoring(2_000, 100, 20, seed)
		graphs["allocation "+string(rune('a'+seed))] = flowgen.Allocation(flowgen.AllocationSize{
			Requests: 10_000, Items: 12, Regions: 20, Warehouses: 30,
		}, seed)
	}
	for name, g := range graphs {
		want, err := flow.LemonSolve(t, bin, g)
		if err != nil {
			t.Fatalf("%s: LEMON: %v", name, err)
		}
		sol, err := g.Solve()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := flow.CheckSolution(g, sol); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if sol.Cost != want {
			t.Errorf("%s: cost %d, LEMON %d", name, sol.Cost, want)
		}
	}
}
