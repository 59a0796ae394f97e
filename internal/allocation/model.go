package allocation

import (
	"cmp"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/flow"
)

// model is an instance as the flow network doc.go describes, with the
// numbers that tie the network back to the instance.
type model struct {
	in   *Instance
	g    *flow.Graph
	cand []int // the candidate lines (indices in in.Lines), in order
	// Per candidate: its group (-1 when it is left out) and the arc that
	// serves it (-1 when no stock can reach its group).
	group, lineArc []int
	groups         []group
	quotas         []quotaNode // aligned with in.Quotas
	chain          map[regionItem]int
	stockNode      []int // per in.Stock: its node, -1 when unused
	// costs are the three aims' costs per arc: priority, order, distance.
	costs [3][]int64
}

// group is the candidates of one region path, item and size: they share
// every arc but their own, so the network gathers them in one node.
type group struct {
	region string
	item   int64
	size   string
	routed bool // some warehouse serves the region, with stock or not
	node   int  // -1 when no warehouse with stock of the item serves it
	quota  int  // the innermost quota over it, -1 when none
	routes []routeArc
	count  int64 // its candidates
}

// routeArc is the arc from a stock node to a group.
type routeArc struct {
	stock int // index in in.Stock
	arc   int
	cost  int64
}

// quotaNode is a quota in the network: its node, its arc to the
// innermost quota containing it (or the sink), and its figures.
type quotaNode struct {
	parent            int // the innermost quota containing it, -1 when none
	node, arc         int
	need, used, limit int64
}

// remaining is what the quota lets this run serve.
func (q quotaNode) remaining() int64 { return max(q.limit-q.used, 0) }

// phase names the three aims a run optimises, in turn.
const (
	byPriority = iota // the most priority served
	byOrder           // then the higher-ranked lines
	byDistance        // then the least cost of the routes taken
)

// newModel builds the network of in, which it puts in canonical order.
func newModel(in *Instance) *model {
	in.canonical()
	m := &model{in: in}
	m.setQuotas()
	m.setGroups()
	m.build()
	return m
}

// setQuotas works out each quota's need, use and limit from the lines,
// and the quota containing it. Quotas never cross (SaveQuota refuses
// one that would), so the quotas over a line are a chain: the innermost
// one, the one containing it, and so on.
func (m *model) setQuotas() {
	m.quotas = make([]quotaNode, len(m.in.Quotas))
	m.chain = map[regionItem]int{}
	for i, q := range m.in.Quotas {
		m.quotas[i].parent = m.innermost(func(o Quota) bool { return o.contains(q) && o != q })
	}
	for _, l := range m.in.Lines {
		r := l.role()
		for q := m.quotaOf(l.Region, l.ItemID); q >= 0; q = m.quotas[q].parent {
			m.quotas[q].need++
			if r == kept || r == delivered {
				m.quotas[q].used++
			}
		}
	}
	for i, q := range m.in.Quotas {
		m.quotas[i].limit = q.Limit(m.quotas[i].need)
	}
}

// regionItem is a line's region path and item: what decides its quotas.
type regionItem struct {
	region string
	item   int64
}

// quotaOf returns the innermost quota over the lines of item in region,
// -1 when none.
func (m *model) quotaOf(region string, item int64) int {
	k := regionItem{region, item}
	q, ok := m.chain[k]
	if !ok {
		q = m.innermost(func(o Quota) bool { return o.covers(region, item) })
		m.chain[k] = q
	}
	return q
}

// innermost returns the smallest quota for which in holds: the deepest
// region, an item's before every item's; -1 when none.
func (m *model) innermost(in func(Quota) bool) int {
	best := -1
	for i, q := range m.in.Quotas {
		if !in(q) {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		b := m.in.Quotas[best]
		if len(q.Region) > len(b.Region) || (len(q.Region) == len(b.Region) && q.ItemID != 0) {
			best = i
		}
	}
	return best
}

// setGroups gathers the candidates by region, item and size and finds
// the stock that can reach each group.
func (m *model) setGroups() {
	type key struct {
		region string
		item   int64
		size   string
	}
	cmpKey := func(a, b key) int {
		return cmp.Or(strings.Compare(a.region, b.region), cmp.Compare(a.item, b.item), strings.Compare(a.size, b.size))
	}
	var keys []key
	for i, l := range m.in.Lines {
		if l.role() == candidate {
			m.cand = append(m.cand, i)
			keys = append(keys, key{l.Region, l.ItemID, l.Size})
		}
	}
	slices.SortFunc(keys, cmpKey)
	keys = slices.Compact(keys)
	m.group, m.lineArc = make([]int, len(m.cand)), make([]int, len(m.cand))
	for c, i := range m.cand {
		l := m.in.Lines[i]
		m.group[c], _ = slices.BinarySearchFunc(keys, key{l.Region, l.ItemID, l.Size}, cmpKey)
	}
	type stockKey struct {
		warehouse, item int64
		size            string
	}
	stockAt := make(map[stockKey]int, len(m.in.Stock))
	for i, s := range m.in.Stock {
		stockAt[stockKey{s.WarehouseID, s.ItemID, s.Size}] = i
	}
	m.groups = make([]group, len(keys))
	for gi, k := range keys {
		gr := group{region: k.region, item: k.item, size: k.size, node: -1}
		gr.quota = m.quotaOf(k.region, k.item)
		for _, w := range m.in.Warehouses {
			cost, ok := w.serves(k.region)
			if !ok {
				continue
			}
			gr.routed = true
			if s, ok := stockAt[stockKey{w.ID, k.item, k.size}]; ok && m.in.Stock[s].Available > 0 {
				gr.routes = append(gr.routes, routeArc{stock: s, cost: cost})
			}
		}
		m.groups[gi] = gr
	}
	for _, g := range m.group {
		m.groups[g].count++
	}
}
