package flow

import "fmt"

// Graph is a flow network under construction: nodes with supplies and
// arcs with a capacity and a cost per unit of flow. Nodes and arcs are
// numbered from 0 in the order they are added, and those numbers index
// the slices of a Solution. The zero Graph is empty and ready to use.
//
// The graph keeps its data in parallel slices, one entry per node or arc,
// so a million arcs cost a few dozen megabytes and no pointers.
type Graph struct {
	supply   []int64
	tail     []int32
	head     []int32
	capacity []int64
	cost     []int64
}

// NewGraph returns an empty graph with room reserved for the given
// numbers of nodes and arcs, a hint that saves growing its slices.
func NewGraph(nodes, arcs int) *Graph {
	return &Graph{
		supply:   make([]int64, 0, nodes),
		tail:     make([]int32, 0, arcs),
		head:     make([]int32, 0, arcs),
		capacity: make([]int64, 0, arcs),
		cost:     make([]int64, 0, arcs),
	}
}

// AddNode adds a node with no supply and returns its number.
func (g *Graph) AddNode() int {
	g.supply = append(g.supply, 0)
	return len(g.supply) - 1
}

// AddNodes adds n nodes with no supply and returns the number of the
// first; the others follow it.
func (g *Graph) AddNodes(n int) int {
	first := len(g.supply)
	g.supply = append(g.supply, make([]int64, n)...)
	return first
}

// AddArc adds an arc from one node to another that carries between 0 and
// capacity units, each costing cost (which may be negative), and returns
// its number. Parallel arcs and loops are allowed. It panics on a node
// that does not exist or a negative capacity, as indexing out of range
// would: both are mistakes in the calling code, not in its data.
func (g *Graph) AddArc(from, to int, capacity, cost int64) int {
	g.checkNode(from)
	g.checkNode(to)
	if capacity < 0 {
		panic(fmt.Sprintf("flow: arc %d→%d has negative capacity %d", from, to, capacity))
	}
	g.tail = append(g.tail, int32(from))
	g.head = append(g.head, int32(to))
	g.capacity = append(g.capacity, capacity)
	g.cost = append(g.cost, cost)
	return len(g.tail) - 1
}

// SetSupply sets what a node must send out: a positive supply leaves the
// node, a negative one (a demand) arrives there, zero passes through.
// Supplies must add up to zero over the graph when it is solved.
func (g *Graph) SetSupply(node int, supply int64) {
	g.checkNode(node)
	g.supply[node] = supply
}

// Supply returns a node's supply.
func (g *Graph) Supply(node int) int64 { return g.supply[node] }

// NumNodes returns the number of nodes.
func (g *Graph) NumNodes() int { return len(g.supply) }

// NumArcs returns the number of arcs.
func (g *Graph) NumArcs() int { return len(g.tail) }

// Arc returns an arc's end nodes, capacity and cost.
func (g *Graph) Arc(a int) (from, to int, capacity, cost int64) {
	return int(g.tail[a]), int(g.head[a]), g.capacity[a], g.cost[a]
}

func (g *Graph) checkNode(v int) {
	if v < 0 || v >= len(g.supply) {
		panic(fmt.Sprintf("flow: node %d out of range [0,%d)", v, len(g.supply)))
	}
}
