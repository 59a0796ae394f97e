package allocation

import (
	"fmt"

	"github.com/jolproject/jol/internal/flow"
)

// solved is the outcome of lexSolve: the flow on every arc of the
// structure, and each aim's network as it was solved with its least cost
// (nil for an aim skipped because nothing it weighs could change), which
// the tests hand to an independent solver.
type solved struct {
	flow   []int64
	graphs [3]*flow.Graph
	cost   [3]int64
	pivots int
}

// lexSolve finds a flow of g's network that is optimal for costs[0], and
// among those optimal for costs[1], and among those for costs[2]: a
// lexicographic minimum, exact, with no weights to scale.
//
// After an aim is solved, its node potentials π certify the optimum, and
// the flows optimal for that aim are exactly the feasible flows that keep
// complementary slackness with π (any optimal flow does, with any optimal
// π): an arc whose reduced cost c − π(from) + π(to) is positive carries
// nothing, one whose reduced cost is negative is full, one at zero may
// carry anything. So the next aim is solved on the arcs at zero reduced
// cost alone, the full ones fixed (their flow taken off the supplies of
// their ends, the empty ones dropped), which is again a network flow
// problem: the next aim's optimum over it is optimal for the aims before.
func lexSolve(g *flow.Graph, costs [3][]int64) (solved, error) {
	n, m := g.NumNodes(), g.NumArcs()
	supply := make([]int64, n)
	for v := range supply {
		supply[v] = g.Supply(v)
	}
	fixed := make([]int64, m) // the flow of an arc an earlier aim decided
	free := make([]bool, m)
	for a := range free {
		free[a] = true
	}
	var out solved
	for k, cost := range costs {
		if out.flow != nil && !weighs(cost, free) {
			continue // any flow optimal so far is optimal for this aim too
		}
		h := flow.NewGraph(n, m)
		h.AddNodes(n)
		for v, b := range supply {
			h.SetSupply(v, b)
		}
		var arcs []int // h's arcs as g's
		for a := range m {
			if free[a] {
				from, to, c, _ := g.Arc(a)
				h.AddArc(from, to, c, cost[a])
				arcs = append(arcs, a)
			}
		}
		sol, err := h.Solve()
		if err != nil {
			return solved{}, fmt.Errorf("allocation: aim %d: %w", k, err)
		}
		out.graphs[k], out.cost[k], out.pivots = h, sol.Cost, out.pivots+sol.Pivots
		out.flow = append([]int64(nil), fixed...)
		for j, a := range arcs {
			out.flow[a] = sol.Flow[j]
		}
		for _, a := range arcs {
			from, to, c, _ := g.Arc(a)
			switch rc := cost[a] - sol.Potential[from] + sol.Potential[to]; {
			case rc > 0:
				free[a], fixed[a] = false, 0
			case rc < 0:
				free[a], fixed[a] = false, c
				supply[from] -= c
				supply[to] += c
			}
		}
	}
	return out, nil
}

// weighs reports whether cost is not zero on some free arc.
func weighs(cost []int64, free []bool) bool {
	for a, c := range cost {
		if c != 0 && free[a] {
			return true
		}
	}
	return false
}
