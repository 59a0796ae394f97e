package flow

import (
	"errors"
	"math"
)

// Errors Solve returns. They describe the instance, so a caller that
// builds graphs from its own data can tell its users which one it met.
var (
	// ErrUnbalanced means the supplies do not add up to zero.
	ErrUnbalanced = errors.New("flow: supplies do not add up to zero")
	// ErrInfeasible means no flow meets every supply within the
	// capacities.
	ErrInfeasible = errors.New("flow: no flow meets the supplies within the capacities")
	// ErrRange means the numbers are too large to solve in int64
	// arithmetic without overflow (see Solve).
	ErrRange = errors.New("flow: capacities, supplies or costs too large for int64")
)

// Solution is an optimal flow.
type Solution struct {
	// Flow is the flow on each arc, indexed by arc number.
	Flow []int64
	// Cost is the total cost: the sum over arcs of flow times cost.
	Cost int64
	// Potential is a node price proving the flow optimal: every arc's
	// reduced cost, cost − Potential[from] + Potential[to], is ≥ 0 where
	// the arc is empty, ≤ 0 where it is full and 0 in between.
	Potential []int64
	// Pivots is the number of simplex pivots the solver made, for
	// benchmarks and curiosity.
	Pivots int
}

// Solve finds a flow of least total cost that meets every node's supply
// within the arcs' capacities. The graph is not changed and can be
// solved again; the same graph always gives the same flow.
//
// It returns ErrUnbalanced when the supplies do not add up to zero,
// ErrInfeasible when no flow meets them, and ErrRange when the numbers
// could overflow: the sum of all capacities and positive supplies, the
// largest |cost| times that sum, and the largest |cost| times the number
// of nodes must each stay below 2⁶⁰ or so. Quantities of goods, people
// and priority points are far below these limits.
func (g *Graph) Solve() (*Solution, error) {
	n, m := len(g.supply), len(g.tail)
	if int64(n)+int64(m) >= math.MaxInt32-1 {
		return nil, ErrRange
	}
	var sum, bound int64 // sum of supplies; sum of capacities and positive supplies
	var ok bool
	for _, b := range g.supply {
		if sum, ok = add(sum, b); !ok {
			return nil, ErrRange
		}
		if b > 0 {
			if bound, ok = add(bound, b); !ok {
				return nil, ErrRange
			}
		}
	}
	if sum != 0 {
		return nil, ErrUnbalanced
	}
	var maxCost int64
	for a := range m {
		if bound, ok = add(bound, g.capacity[a]); !ok {
			return nil, ErrRange
		}
		c := g.cost[a]
		if c == math.MinInt64 {
			return nil, ErrRange
		}
		maxCost = max(maxCost, c, -c)
	}
	// The artificial arcs cost more than any path of real arcs can save;
	// potentials stay within a few times that, the total cost within
	// maxCost times the capacities.
	const limit = math.MaxInt64 / 8
	artCost, ok := mul(maxCost+1, int64(n)+1)
	if !ok || artCost > limit || bound > limit {
		return nil, ErrRange
	}
	if _, ok := mul(maxCost, bound); !ok {
		return nil, ErrRange
	}
	s := newSimplex(g, artCost, bound+1)
	s.run()
	return s.solution()
}

// add returns a+b and whether it did not overflow.
func add(a, b int64) (int64, bool) {
	c := a + b
	return c, (c > a) == (b > 0)
}

// mul returns a*b for non-negative a and b and whether it did not
// overflow.
func mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	c := a * b
	return c, c/b == a && c >= 0
}
