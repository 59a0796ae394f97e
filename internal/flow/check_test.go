package flow

import (
	"fmt"
)

// checkSolution verifies a solution without trusting the solver: the flow
// is within the capacities, conserves flow at every node, costs what the
// solution says, and the potentials prove it optimal (every arc's reduced
// cost has the sign its flow allows).
func checkSolution(g *Graph, sol *Solution) error {
	if len(sol.Flow) != g.NumArcs() || len(sol.Potential) != g.NumNodes() {
		return fmt.Errorf("solution has %d flows and %d potentials for %d arcs and %d nodes",
			len(sol.Flow), len(sol.Potential), g.NumArcs(), g.NumNodes())
	}
	balance := make([]int64, g.NumNodes())
	var total int64
	for a, f := range sol.Flow {
		from, to, c, cost := g.Arc(a)
		if f < 0 || f > c {
			return fmt.Errorf("arc %d: flow %d outside [0,%d]", a, f, c)
		}
		balance[from] += f
		balance[to] -= f
		total += f * cost
		rc := cost - sol.Potential[from] + sol.Potential[to]
		if (f < c && rc < 0) || (f > 0 && rc > 0) {
			return fmt.Errorf("arc %d %d→%d: flow %d of %d with reduced cost %d", a, from, to, f, c, rc)
		}
	}
	for v, b := range balance {
		if b != g.Supply(v) {
			return fmt.Errorf("node %d: sends %d, supply %d", v, b, g.Supply(v))
		}
	}
	if total != sol.Cost {
		return fmt.Errorf("cost %d, flows cost %d", sol.Cost, total)
	}
	return nil
}

// checkTree verifies the solver's spanning tree: parents, pred arcs and
// their directions, the preorder thread with its counts, zero reduced
// cost on tree arcs, the states of the others and the flow bounds.
func (s *simplex) checkTree() error {
	s.syncFlows()
	nn := s.n + 1
	// Walk the thread from the root: a ring over every node once.
	order := make([]int32, 0, nn)
	pos := make([]int, nn)
	for u, i := s.root, 0; i < nn; i++ {
		pos[u] = len(order)
		order = append(order, u)
		if s.revThread[s.thread[u]] != u {
			return fmt.Errorf("revThread[thread[%d]] = %d", u, s.revThread[s.thread[u]])
		}
		u = s.thread[u]
		if u == s.root && i != nn-1 {
			return fmt.Errorf("thread closes after %d of %d nodes", i+1, nn)
		}
	}
	for i := len(order) - 1; i >= 0; i-- {
		u := order[i]
		if u == s.root {
			continue
		}
		p := s.parent[u]
		if pos[p] >= pos[u] {
			return fmt.Errorf("node %d precedes its parent %d in the thread", u, p)
		}
		a := s.pred[u]
		if s.arcs[a].state != inTree {
			return fmt.Errorf("pred arc %d of node %d is not in the tree", a, u)
		}
		if (s.up[u] && (s.arcs[a].tail != u || s.arcs[a].head != p)) || (!s.up[u] && (s.arcs[a].tail != p || s.arcs[a].head != u)) {
			return fmt.Errorf("pred arc %d of node %d does not join it to %d as up=%v", a, u, p, s.up[u])
		}
		// Strongly feasible: every node can send a little more to its parent.
		if s.upRoom[u] <= 0 {
			return fmt.Errorf("node %d cannot send to its parent over arc %d (flow %d of %d, up=%v)",
				u, a, s.arcs[a].flow, s.arcs[a].capac, s.up[u])
		}
		if s.upRoom[u]+s.downRoom[u] != s.arcs[a].capac {
			return fmt.Errorf("node %d: rooms %d and %d on arc %d of capacity %d",
				u, s.upRoom[u], s.downRoom[u], a, s.arcs[a].capac)
		}
		if rc := s.arcs[a].cost - s.pi[s.arcs[a].tail] + s.pi[s.arcs[a].head]; rc != 0 {
			return fmt.Errorf("tree arc %d has reduced cost %d", a, rc)
		}
	}
	// Subtree sizes and last nodes, from the preorder.
	for i, u := range order {
		size := int32(1)
		for j := i + 1; j < len(order) && isAncestor(s, u, order[j]); j++ {
			size++
		}
		if s.succNum[u] != size || s.lastSucc[u] != order[i+int(size)-1] {
			return fmt.Errorf("node %d: succNum %d lastSucc %d, want %d and %d",
				u, s.succNum[u], s.lastSucc[u], size, order[i+int(size)-1])
		}
	}
	tree := 0
	for a := range s.arcs {
		if s.arcs[a].flow < 0 || s.arcs[a].flow > s.arcs[a].capac {
			return fmt.Errorf("arc %d: flow %d outside [0,%d]", a, s.arcs[a].flow, s.arcs[a].capac)
		}
		switch s.arcs[a].state {
		case inTree:
			tree++
		case atLower:
			if s.arcs[a].flow != 0 {
				return fmt.Errorf("arc %d at lower bound carries %d", a, s.arcs[a].flow)
			}
		case atUpper:
			if s.arcs[a].flow != s.arcs[a].capac {
				return fmt.Errorf("arc %d at upper bound carries %d of %d", a, s.arcs[a].flow, s.arcs[a].capac)
			}
		}
	}
	if tree != s.n {
		return fmt.Errorf("%d tree arcs for %d nodes", tree, s.n)
	}
	return nil
}

func isAncestor(s *simplex, a, v int32) bool {
	for ; v >= 0; v = s.parent[v] {
		if v == a {
			return true
		}
	}
	return false
}
