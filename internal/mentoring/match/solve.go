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
	for i := range m.youth {
		cs, st := m.candidates(i, s, false)
		slices.SortFunc(cs, func(a, b cand) int { return cmp.Compare(a.mentor, b.mentor) })
		m.cands[i], m.status[i] = cs, st
	}
}

// network is the flow network of a model with its ranked costs.
type network struct {
	g     *flow.Graph
	n     int64 // young people with a candidate
	a, b  int64 // the weights of a match and of a preference point
	first []int // the arc of each young person's first candidate; -1 for none
}

// network builds the flow network (see the package documentation).
func (m *model) network() *network {
	net := &network{first: make([]int, len(m.youth))}
	arcs := 1
	for _, cs := range m.cands {
		if len(cs) > 0 {
			net.n++
			arcs += 1 + len(cs)
		}
	}
	net.b = maxFit*net.n + 1
	net.a = (maxPref*net.b+maxFit)*net.n + 1
	g := flow.NewGraph(2+int(net.n)+len(m.mentors), arcs+len(m.mentors))
	src, sink := g.AddNode(), g.AddNode()
	mentors := g.AddNodes(len(m.mentors))
	g.SetSupply(src, net.n)
	g.SetSupply(sink, -net.n)
	for i, cs := range m.cands {
		net.first[i] = -1
		if len(cs) == 0 {
			continue
		}
		y := g.AddNode()
		g.AddArc(src, y, 1, 0)
		for k, c := range cs {
			a := g.AddArc(y, mentors+c.mentor, 1, -(net.a + net.b*int64(c.pref) + int64(c.fit.Points())))
			if k == 0 {
				net.first[i] = a
			}
		}
	}
	for j, free := range m.free {
		if free > 0 {
			g.AddArc(mentors+j, sink, min(int64(free), net.n), 0)
		}
	}
	g.AddArc(src, sink, net.n, 0)
	net.g = g
	return net
}

// aims reads the three aims' values back from a least cost.
func (net *network) aims(cost int64) (matched, pref, fit int64) {
	v := -cost
	return v / net.a, v % net.a / net.b, v % net.a % net.b
}
