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

	tail, head  []int32
	cost, capac []int64
	flow        []int64
	state       []int8

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
	orig              []int32 // the graph's number of each real arc
	pricer            blockPricer
	pivots            int
	path              []int32 // scratch for updateTree
}

// newSimplex copies the graph and builds the initial tree of artificial
// arcs, each with the given cost and capacity.
func newSimplex(g *Graph, artCost, artCap int64) *simplex {
	n, m := len(g.supply), len(g.tail)
	all := m + n
	s := &simplex{
		n: n, m: m, root: int32(n),
		tail:  make([]int32, m, all),
		head:  make([]int32, m, all),
		cost:  make([]int64, m, all),
		capac: make([]int64, m, all),
		flow:  make([]int64, all),
		state: make([]int8, all),
		from:  make([]uint32, m),
		to:    make([]uint32, m),
		dcost: make([]int64, m),
		orig:  mixedOrder(m, n),

		parent: make([]int32, n+1), pred: make([]int32, n+1), up: make([]bool, n+1),
		upRoom: make([]int64, n+1), downRoom: make([]int64, n+1),
		thread: make([]int32, n+1), revThread: make([]int32, n+1),
		succNum: make([]int32, n+1), lastSucc: make([]int32, n+1),
		pi: make([]int64, n+1),
	}
	// Every real arc starts empty, priced as it points.
	tail, head, cost, capac := s.tail[:m], s.head[:m], s.cost[:m], s.capac[:m]
	from, to, dcost, state := s.from[:m], s.to[:m], s.dcost[:m], s.state[:m]
	for a, o := range s.orig[:m] {
		t, h, c := g.tail[o], g.head[o], g.cost[o]
		tail[a], head[a], cost[a], capac[a] = t, h, c, g.capacity[o]
		from[a], to[a], dcost[a], state[a] = uint32(t), uint32(h), c, atLower
	}
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
			s.tail = append(s.tail, v)
			s.head = append(s.head, s.root)
			s.flow[a], s.up[v], s.pi[v] = b, true, artCost
			s.upRoom[v], s.downRoom[v] = artCap-b, b
		} else {
			s.tail = append(s.tail, s.root)
			s.head = append(s.head, v)
			s.flow[a], s.up[v], s.pi[v] = -b, false, -artCost
			s.upRoom[v], s.downRoom[v] = -b, artCap+b
		}
		s.cost = append(s.cost, artCost)
		s.capac = append(s.capac, artCap)
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
		s.flow[s.pred[u]] = s.predFlow(u)
	}
}

// solution reads the flow off the final tree.
func (s *simplex) solution() (*Solution, error) {
	s.syncFlows()
	for a := s.m; a < s.m+s.n; a++ {
		if s.flow[a] != 0 {
			return nil, ErrInfeasible
		}
	}
	var total int64
	flow := make([]int64, s.m)
	for a, o := range s.orig {
		total += s.flow[a] * s.cost[a]
		flow[o] = s.flow[a]
	}
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
