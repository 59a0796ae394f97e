package debate

// This file and blossom_*.go find a maximum-weight matching among the
// matchings of greatest cardinality of a general graph, by Edmonds'
// primal–dual blossom method as set out in B. Korte and J. Vygen,
// Combinatorial Optimization: Theory and Algorithms (Springer), chapter
// 11, "Weighted Matching" (the Weighted Matching Algorithm, with its
// dual changes, shrinking and expansion of blossoms), and E. L. Lawler,
// Combinatorial Optimization: Networks and Matroids, chapter 6, for the
// bookkeeping that makes a stage O(n²) and the whole O(n³): the least
// slack per vertex and per outer blossom, so a dual change costs O(n).
// The data layout is ours: a blossom is a node with its cycle of child
// nodes.
//
// The weights are first shifted so the greatest is 0; spread is the
// greatest minus the least. The dual is that of the LP over matchings of
// a given size k (the matching polytope cut by x(E) = k): a dual y_v of
// either sign per vertex, z_B ≥ 0 per blossom, and every edge's slack
// y_u + y_v + Σ z_B − w ≥ 0, over the blossoms B holding both its ends.
// A stage grows an alternating forest from all exposed vertices and ends
// with an augmentation. Exposed vertices are always roots, so they share
// one dual y₀, the least of all. For any matching M' of the size k of the
// current matching M, then, w(M') ≤ Σ_{v covered by M'} y_v +
// Σ_B z_B·(|B|−1)/2 ≤ w(M): at every moment of a stage M is the heaviest
// of its size, and 2y₀ is an optimal dual of the size constraint. So
// 2y₀ ≥ f(k+1) − w(M), f(k+1) the weight of the heaviest matching of
// size k+1, which is at least w(M) − (k+1)·spread (M and one augmenting
// path of at most k+1 new edges). A dual change that would take y₀ below
// −(k+1)·spread/2 therefore proves that k is the greatest size and ends
// the search, as does a change that nothing bounds. This stands in for
// the textbook's stop at a zero vertex dual, which gives the heaviest
// matching of any size, and it bounds every dual: a matched vertex's y
// is at most −y₀ (its edge's weight is ≤ 0), a blossom's z at most −2y₀.
//
// Units are doubled (weights times two, after the shift) so that every
// dual change is an integer. The caller keeps n/2 times the spread
// below 2¹²⁰ (see match in cost.go), far inside the 128-bit range.

// wedge is an edge of the graph given to maxWeightMatching.
type wedge struct {
	u, v int
	w    weight
}

// link is an edge taken from vertex x to vertex y.
type link struct{ x, y int }

func (l link) rev() link { return link{l.y, l.x} }

// Labels of the nodes at the top of the alternating forest.
const (
	unlabelled int8 = iota
	outer           // even distance from a root; its vertices' duals fall
	inner           // odd distance; its vertices' duals rise
)

// matcher holds the state of the method. Nodes 0..n-1 are the vertices;
// nodes n..2n-1 are blossoms, in use while base ≥ 0.
type matcher struct {
	n    int
	ends [][2]int // per edge
	w    []weight // per edge, doubled and shifted to ≤ 0
	adj  [][]int  // edges per vertex
	ids  []int    // ids[v] = v, for a vertex's list of members

	mate []int    // per vertex, or -1
	dual []weight // per vertex
	top  []int    // per vertex, the outermost node holding it

	parent  []int    // per node, the blossom holding it, or -1
	base    []int    // per node, its base vertex
	kids    [][]int  // per blossom, the cycle of children from the base's
	links   [][]link // links[b][i] joins kids[b][i] to kids[b][i+1 mod k]
	members [][]int  // per blossom, its vertices
	z       []weight // per blossom
	spare   []int    // blossom nodes not in use

	label     []int8 // per top node
	from      []link // per inner node, the edge from an outer vertex into it
	bestFree  []int  // per vertex, least-slack edge from an outer vertex, or -1
	bestOuter []int  // per outer node, least-slack edge to another outer node
	cand      [][]int
	queue     []int // outer vertices whose edges are still to be scanned

	spread weight // greatest weight minus least
	root   int    // an exposed vertex, whose dual is y₀
	floor  weight // the least y₀ while the matching may still grow

	// counts of the steps taken, for the tests to see what they exercise
	shrinks, nestedShrinks, expansions int

	mark   []int // stamps of meet's walk
	stamp  int
	bestTo []int // scratch of mergeCand, per node
}

// maxWeightMatching returns each vertex's mate, or -1 if it is single,
// in a matching of greatest cardinality and, among those, of greatest
// weight. Parallel edges are allowed; loops are ignored.
func maxWeightMatching(n int, edges []wedge) []int {
	return newMatcher(n, edges).run()
}

func (m *matcher) run() []int {
	for m.stage() {
	}
	return m.mate
}

func newMatcher(n int, edges []wedge) *matcher {
	m := &matcher{n: n, adj: make([][]int, n), ids: make([]int, n),
		mate: make([]int, n), dual: make([]weight, n), top: make([]int, n),
		parent: make([]int, 2*n), base: make([]int, 2*n), kids: make([][]int, 2*n),
		links: make([][]link, 2*n), members: make([][]int, 2*n), z: make([]weight, 2*n),
		label: make([]int8, 2*n), from: make([]link, 2*n), bestFree: make([]int, n),
		bestOuter: make([]int, 2*n), cand: make([][]int, 2*n),
		mark: make([]int, 2*n), bestTo: make([]int, 2*n)}
	var hi, lo weight
	for k, e := range edges {
		if k == 0 || hi.less(e.w) {
			hi = e.w
		}
		if k == 0 || e.w.less(lo) {
			lo = e.w
		}
	}
	m.spread = hi.sub(lo)
	for _, e := range edges {
		if e.u == e.v {
			continue
		}
		d := e.w.sub(hi)
		m.adj[e.u] = append(m.adj[e.u], len(m.ends))
		m.adj[e.v] = append(m.adj[e.v], len(m.ends))
		m.ends = append(m.ends, [2]int{e.u, e.v})
		m.w = append(m.w, d.add(d))
	}
	for v := range n {
		m.ids[v], m.mate[v], m.top[v] = v, -1, v
	}
	for b := range 2 * n {
		m.parent[b], m.base[b], m.bestTo[b] = -1, b, -1
		if b >= n {
			m.base[b] = -1
			m.spare = append(m.spare, 3*n-1-b) // lowest first
		}
	}
	return m
}
