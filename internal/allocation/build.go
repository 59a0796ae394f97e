package allocation

import "github.com/jolproject/jol/internal/flow"

// build lays the network out: nodes source, sink, the stock nodes some
// group can use, the quotas, the groups stock can reach; arcs the bypass,
// source → stock, stock → group, one per candidate line, quota → the
// quota containing it or the sink. Everything is added in the canonical
// order, so the same instance gives the same graph arc for arc.
func (m *model) build() {
	used := make([]bool, len(m.in.Stock))
	for _, gr := range m.groups {
		for _, r := range gr.routes {
			used[r.stock] = true
		}
	}
	g := flow.NewGraph(2+len(m.in.Stock)+len(m.quotas)+len(m.groups), 1+len(m.in.Stock)+len(m.cand)+len(m.quotas))
	src, sink := g.AddNode(), g.AddNode()
	var total int64 // the stock the network may hand out
	m.stockNode = make([]int, len(m.in.Stock))
	for i := range m.in.Stock {
		m.stockNode[i] = -1
		if used[i] {
			m.stockNode[i] = g.AddNode()
			total += m.in.Stock[i].Available
		}
	}
	for i := range m.quotas {
		m.quotas[i].node = g.AddNode()
	}
	for i := range m.groups {
		if len(m.groups[i].routes) > 0 {
			m.groups[i].node = g.AddNode()
		}
	}
	g.SetSupply(src, total)
	g.SetSupply(sink, -total)
	var cost [3][]int64
	arc := func(from, to int, capacity int64, phase int, c int64) int {
		a := g.AddArc(from, to, capacity, 0) // the structure; each aim's costs are apart
		for k := range cost {
			cost[k] = append(cost[k], 0)
		}
		cost[phase][a] = c
		return a
	}
	arc(src, sink, total, byPriority, 0) // the bypass: stock not handed out
	for i, n := range m.stockNode {
		if n >= 0 {
			arc(src, n, m.in.Stock[i].Available, byPriority, 0)
		}
	}
	for gi := range m.groups {
		gr := &m.groups[gi]
		for k := range gr.routes {
			r := &gr.routes[k]
			r.arc = arc(m.stockNode[r.stock], gr.node, min(m.in.Stock[r.stock].Available, gr.count), byDistance, r.cost)
		}
	}
	out := func(quota int) int { // where a group's or a quota's flow goes
		if quota < 0 {
			return sink
		}
		return m.quotas[quota].node
	}
	for c, i := range m.cand {
		m.lineArc[c] = -1
		gr := m.groups[m.group[c]]
		if gr.node < 0 {
			continue
		}
		m.lineArc[c] = arc(gr.node, out(gr.quota), 1, byPriority, -m.in.Lines[i].Priority)
		// The order's aim: the c-th line in order is worth len-c.
		cost[byOrder][m.lineArc[c]] = -int64(len(m.cand) - c)
	}
	for i := range m.quotas {
		q := &m.quotas[i]
		q.arc = arc(q.node, out(q.parent), q.remaining(), byPriority, 0)
	}
	m.g, m.costs = g, cost
}
