package match

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/jolproject/jol/internal/flow"
)

// Run matches the young people of in with its mentors: the most young
// people, then the best preferences, then the best fit (see the package
// documentation), each match and each young person left unmatched
// explained. It returns a domain error for inconsistent input and
// wraps flow.ErrRange when a run is too large to solve exactly.
func Run(in Input) (*Result, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	m := newModel(&in)
	m.shortlistAll()
	net := m.network()
	sol, err := net.g.Solve()
	if err != nil {
		return nil, fmt.Errorf("mentor matching: %w", err)
	}
	return m.result(net, sol), nil
}

// shortlistAll finds every young person's candidates, in mentor order
// (the order of the network's arcs).
func (m *model) shortlistAll() {
	s := m.newScratch()
	m.cands = make([][]cand, len(m.youth))
	m.status = make([]status, len(m.youth))
	groups := map[groupKey]group{}
	for i := range m.youth {
		cs, st := m.groupCandidates(i, s, groups)
		slices.SortFunc(cs, func(a, b cand) int { return cmp.Compare(a.mentor, b.mentor) })
		m.cands[i], m.status[i] = cs, st
	}
}

// network is the flow network of a model with its ranked costs.
type network struct {
	g    *flow.Graph
	n    int64 // young people with a candidate
	a, b int64 // the weights of a match and of a preference point
	// last is the arc of each young person's first candidate, the last
	// of their arcs added: candidate k's arc is k before it (candArc).
	// -1 for none.
	last []int
}

// network builds the flow network (see the package documentation).
//
// Two choices that change nothing in the optimum make the solver's work
// lighter on the instance (20,000 × 1,000 × 50): costs shifted
// to be nonnegative (0.86 million pivots instead of 1.45 million with
// the costs −(B·p + f)), and the arcs added in reverse order, the
// mentors' arcs to the sink first and the young people from the last
// (0.96 million pivots in the forward order). A source with a bypass
// arc, the textbook form, took 2.9 million.
func (m *model) network() *network {
	net := &network{last: make([]int, len(m.youth))}
	arcs := 0
	for _, cs := range m.cands {
		if len(cs) > 0 {
			net.n++
			arcs += 1 + len(cs)
		}
	}
	net.b = maxFit*net.n + 1
	net.a = (maxPref*net.b+maxFit)*net.n + 1
	g := flow.NewGraph(1+int(net.n)+len(m.mentors), arcs+len(m.mentors))
	sink := g.AddNode()
	mentors := g.AddNodes(len(m.mentors))
	g.SetSupply(sink, -net.n)
	for j := len(m.free) - 1; j >= 0; j-- {
		if m.free[j] > 0 {
			g.AddArc(mentors+j, sink, min(int64(m.free[j]), net.n), 0)
		}
	}
	for i := len(m.cands) - 1; i >= 0; i-- {
		cs := m.cands[i]
		net.last[i] = -1
		if len(cs) == 0 {
			continue
		}
		y := g.AddNode()
		g.SetSupply(y, 1)
		g.AddArc(y, sink, 1, net.a+net.c())
		for k := len(cs) - 1; k >= 0; k-- {
			c := cs[k]
			net.last[i] = g.AddArc(y, mentors+c.mentor, 1, net.c()-(net.b*int64(c.pref)+int64(c.fit.Points())))
		}
	}
	net.g = g
	return net
}

// candArc is the arc of young person i's k-th candidate.
func (net *network) candArc(i, k int) int { return net.last[i] - k }

// aims reads the three aims' values back from a least cost, which is
// A·(n − k) + C·n − (B·p + f) for C = P·B + F (see network).
func (net *network) aims(cost int64) (matched, pref, fit int64) {
	v := (net.a+net.c())*net.n - cost
	return v / net.a, v % net.a / net.b, v % net.a % net.b
}

// c is the most a match is worth by preference and fit, B·P + F: the
// shift that makes every cost nonnegative.
func (net *network) c() int64 { return maxPref*net.b + maxFit }
