package flow

import "math"

// The solver is the primal network simplex method (Ahuja, Magnanti and
// Orlin, Network Flows, 1993, ch. 11) with a strongly feasible spanning
// tree and block search pricing.
//
// The tree hangs from an extra root node joined to every node by an
// artificial arc whose cost is higher than any path of real arcs can save.
// The initial tree is those artificial arcs carrying the supplies; real
// arcs then enter one at a time, and the artificial ones leave. When no arc
// can improve the cost any more, flow left on an artificial arc means the
// instance is infeasible.

// Arc states: how an arc outside the tree sits, signed so that
// state × reduced cost < 0 exactly when the arc can lower the cost.
const (
	atUpper int8 = -1 // full; improves if its reduced cost is positive
	inTree  int8 = 0
	atLower int8 = 1 // empty; improves if its reduced cost is negative
)

// simplex is the working state. Arcs 0..m-1 are the graph's, arcs m..m+n-1
// the artificial ones (arc m+v joins node v and the root); nodes 0..n-1
// are the graph's and node n is the root.
type simplex struct {
	n, m int
	root int32

	arcs []arc

	// Each arc as pricing sees it: from → to is the way its flow can
	// change (tail → head when empty, head → tail when full) and dcost the
	// cost of a unit that way, so dcost − pi[from] + pi[to] < 0 exactly
	// when the arc can lower the cost; on tree arcs it is 0. Pricing reads
	// these three slices and nothing else.
	from, to []uint32
	dcost    []int64

	// The spanning tree. Every node but the root has a parent, reached by
	// its pred arc, which points up (from the node to its parent) or down.
	// thread lists the nodes in depth-first preorder as a ring through the
	// root (revThread backwards), so a node's subtree is the node followed
	// by succNum-1 more, the last being lastSucc.
	parent, pred []int32
	up           []bool
	// How much more the pred arc can carry from the node up to its parent
	// and down from the parent: the cycle walks read these dense node
	// slices instead of the flows and capacities of arcs all over the
	// graph. An arc's flow is kept in flow only while it is out of the
	// tree; predFlow gives a tree arc's.
	upRoom, downRoom  []int64
	thread, revThread []int32
	succNum, lastSucc []int32
	pi                []int64 // potentials: reduced cost = cost − pi[tail] + pi[head]
	mix               mixing  // where each of the graph's arcs is kept
	pricer            blockPricer
	pivots            int
	path              []int32 // scratch for updateTree
}

// arc is what the solver knows of an arc, together because a pivot reads
// it all at once for the few arcs it touches. The flow is current only
// while the arc is out of the tree (see upRoom).
type arc struct {
	tail, head        int32
	cost, capac, flow int64
	state             int8
}

// newSimplex copies the graph and builds the initial tree of artificial
// arcs, each with the given cost and capacity.
func newSimplex(g *Graph, artCost, artCap int64) *simplex {
	n, m := len(g.supply), len(g.tail)
	all := m + n
	s := &simplex{
		n: n, m: m, root: int32(n),
		arcs:  make([]arc, m, all),
		from:  make([]uint32, m),
		to:    make([]uint32, m),
		dcost: make([]int64, m),
		mix:   newMixing(m, n),

		parent: make([]int32, n+1), pred: make([]int32, n+1), up: make([]bool, n+1),
		upRoom: make([]int64, n+1), downRoom: make([]int64, n+1),
		thread: make([]int32, n+1), revThread: make([]int32, n+1),
		succNum: make([]int32, n+1), lastSucc: make([]int32, n+1),
		pi: make([]int64, n+1),
	}
	// Every real arc starts empty, priced as it points.
	arcs, from, to, dcost := s.arcs[:m], s.from[:m], s.to[:m], s.dcost[:m]
	s.mix.each(m, func(o, a int) {
		t, h, c := g.tail[o], g.head[o], g.cost[o]
		arcs[a] = arc{tail: t, head: h, cost: c, capac: g.capacity[o], state: atLower}
		from[a], to[a], dcost[a] = uint32(t), uint32(h), c
	})
	// Node v hangs from the root by arc m+v, in the direction its supply
	// flows, so that any node can send a little more flow to the root:
	// the tree starts strongly feasible.
	for v := range int32(n) {
		a := int32(m) + v
		s.parent[v], s.pred[v] = s.root, a
		s.thread[v], s.revThread[v] = v+1, v-1
		s.succNum[v], s.lastSucc[v] = 1, v
		b := g.supply[v]
		if b >= 0 {
			s.arcs = append(s.arcs, arc{tail: v, head: s.root, cost: artCost, capac: artCap, flow: b})
			s.up[v], s.pi[v] = true, artCost
			s.upRoom[v], s.downRoom[v] = artCap-b, b
		} else {
			s.arcs = append(s.arcs, arc{tail: s.root, head: v, cost: artCost, capac: artCap, flow: -b})
			s.up[v], s.pi[v] = false, -artCost
			s.upRoom[v], s.downRoom[v] = -b, artCap+b
		}
	}
	s.parent[s.root] = -1
	s.thread[s.root], s.revThread[s.root] = 0, int32(n-1)
	if n > 0 {
		s.revThread[0], s.thread[n-1] = s.root, s.root
	} else {
		s.thread[s.root], s.revThread[s.root] = s.root, s.root
	}
	s.succNum[s.root], s.lastSucc[s.root] = int32(n+1), int32(n-1)
	if n == 0 {
		s.lastSucc[s.root] = s.root
	}
	s.pricer = newBlockPricer(m)
	return s
}

// run pivots until no arc can lower the cost.
func (s *simplex) run() {
	for {
		e := s.pricer.entering(s)
		if e < 0 {
			return
		}
		s.pivot(e)
		s.pivots++
	}
}

// predFlow returns the flow on node u's pred arc.
func (s *simplex) predFlow(u int32) int64 {
	if s.up[u] {
		return s.downRoom[u] // the arc runs up: flow can go back down
	}
	return s.upRoom[u]
}

// syncFlows writes the tree arcs' flows into flow.
func (s *simplex) syncFlows() {
	for u := range s.root {
		s.arcs[s.pred[u]].flow = s.predFlow(u)
	}
}

// solution reads the flow off the final tree.
func (s *simplex) solution() (*Solution, error) {
	s.syncFlows()
	for a := s.m; a < s.m+s.n; a++ {
		if s.arcs[a].flow != 0 {
			return nil, ErrInfeasible
		}
	}
	var total int64
	flow := make([]int64, s.m)
	s.mix.each(s.m, func(o, a int) {
		total += s.arcs[a].flow * s.arcs[a].cost
		flow[o] = s.arcs[a].flow
	})
	// Shift the potentials so the smallest is zero: the same proof, with
	// smaller numbers.
	low := int64(math.MaxInt64)
	for _, p := range s.pi[:s.n] {
		low = min(low, p)
	}
	pot := s.pi[:s.n:s.n]
	for v := range pot {
		pot[v] -= low
	}
	return &Solution{Flow: flow, Cost: total, Potential: pot, Pivots: s.pivots}, nil
}
