package suppress

import (
	"cmp"
	"slices"
)

// A network is one table of a linked group as a graph: every count of
// its extended grid an edge between two nodes, every node an equation
// (the counts on its edges, each signed by its direction, add up to
// nothing), so that moving counts by 1 in turn around any cycle keeps
// every equation. The margins the group shares are edges too, marked with
// the margin's number; in every network they make a cut — taking them out
// parts the cells from the other side — and the cut's equation is the
// same everywhere: the row totals add up to the grand total.
type network struct {
	grid  Grid
	nodes int
	links []link
	adj   [][]int // each node's links
	// shared is the link of each shared margin: row i's for i < rows, the
	// grand total's for i = rows.
	shared []int
}

// link is a count on the network: at (i, j) of the grid, or not
// published (i < 0) — a sum the reader does not see, such as the
// children reached within a table by outcome.
type link struct {
	u, v   int
	i, j   int
	value  int64
	total  bool
	margin int // the shared margin it is, -1 for none
	// side is its end on the cells' side of the cut, for a shared margin.
	side int
}

// add adds a link between u and v for the count at (i, j).
func (nw *network) add(u, v, i, j int, value int64, total bool, margin, side int) {
	nw.links = append(nw.links, link{u: u, v: v, i: i, j: j, value: value, total: total, margin: margin, side: side})
	if margin >= 0 {
		nw.shared[margin] = len(nw.links) - 1
	}
}

// other is the end of link k that is not node u.
func (nw *network) other(k, u int) int {
	if nw.links[k].u == u {
		return nw.links[k].v
	}
	return nw.links[k].u
}

// far is the end of shared link k away from the cells.
func (nw *network) far(k int) int { return nw.other(k, nw.links[k].side) }

func (nw *network) published(k int) bool { return nw.links[k].i >= 0 }

func (nw *network) hidden(k int) bool {
	l := nw.links[k]
	return l.i < 0 || nw.grid.Hidden[l.i][l.j]
}

func (nw *network) hide(ks []int) {
	for _, k := range ks {
		if l := nw.links[k]; l.i >= 0 {
			nw.grid.Hidden[l.i][l.j] = true
		}
	}
}

// hideAll hides every count of the network's grid.
func (nw *network) hideAll() { nw.grid.hide(nw.grid.all()) }

// cost is what hiding link k costs a path, and whether a path may use it.
func (nw *network) cost(k int) (int64, bool) {
	l := nw.links[k]
	switch {
	case nw.hidden(k):
		return 0, l.value > 0
	case l.total:
		return l.value + nw.grid.Grand + 1, true
	}
	return l.value, true
}

// offMargins bars the shared margins from a path.
func (nw *network) offMargins(k int) bool { return nw.links[k].margin >= 0 }

// path returns the links of the cheapest path from node s to node t that
// uses no link barred by bar (see Grid.path for the costs), its cost, and
// whether there is one; from a node to itself the path is empty.
func (nw *network) path(s, t int, bar func(k int) bool) ([]int, int64, bool) {
	const inf = int64(1) << 62
	dist, via := make([]int64, nw.nodes), make([]int, nw.nodes)
	done := make([]bool, nw.nodes)
	for k := range dist {
		dist[k], via[k] = inf, -1
	}
	dist[s] = 0
	for {
		u := -1
		for k := range nw.nodes {
			if !done[k] && dist[k] < inf && (u < 0 || dist[k] < dist[u]) {
				u = k
			}
		}
		if u < 0 || u == t {
			break
		}
		done[u] = true
		for _, k := range nw.adj[u] {
			w, ok := nw.cost(k)
			if v := nw.other(k, u); ok && !bar(k) && !done[v] && dist[u]+w < dist[v] {
				dist[v], via[v] = dist[u]+w, k
			}
		}
	}
	if dist[t] == inf {
		return nil, 0, false
	}
	var out []int
	for n := t; n != s; n = nw.other(via[n], n) {
		out = append(out, via[n])
	}
	return out, dist[t], true
}

// small lists the network's hidden counts that are not zero and not a
// shared margin, the smallest first.
func (nw *network) small() []int {
	var out []int
	for k, l := range nw.links {
		if nw.published(k) && nw.hidden(k) && l.value > 0 && l.margin < 0 {
			out = append(out, k)
		}
	}
	slices.SortStableFunc(out, func(a, b int) int { return cmp.Compare(nw.links[a].value, nw.links[b].value) })
	return out
}

// gridNetwork is g as a network: its rows and columns are the nodes (the
// last column, of row totals, on the far side of the cut), its counts the
// links, its row totals and grand total the shared margins.
func gridNetwork(g Grid) *network {
	r, c := g.Rows(), g.Cols()
	nw := &network{grid: g, nodes: r + c + 2, shared: make([]int, r+1)}
	for i := range r + 1 {
		for j := range c + 1 {
			margin := -1
			if j == c {
				margin = i
			}
			nw.add(i, r+1+j, i, j, g.Value(i, j), i == r || j == c, margin, i)
		}
	}
	return nw.done()
}

// splitNetwork is g as a network whose shared margins are the sums of its
// first `first` columns, which it does not show: each row is split into
// two nodes, one for those columns and one for the rest and the row's
// total, joined by the row's sum; the row of column totals likewise, by
// the sum of all. The cut parts the first columns' side from the rest.
func splitNetwork(g Grid, first int) *network {
	r, c := g.Rows(), g.Cols()
	part := func(i int) int { return r + c + 2 + i } // row i's node for the first columns
	nw := &network{grid: g, nodes: r + c + 2 + r + 1, shared: make([]int, r+1)}
	sums := make([]int64, r+1)
	for i := range r + 1 {
		for j := range c + 1 {
			u := i
			if j < first {
				u = part(i)
				if i < r {
					sums[i] += g.Value(i, j)
					sums[r] += g.Value(i, j)
				}
			}
			nw.add(u, r+1+j, i, j, g.Value(i, j), i == r || j == c, -1, 0)
		}
	}
	for i := range r + 1 {
		nw.add(part(i), i, -1, -1, sums[i], i == r, i, part(i))
	}
	return nw.done()
}

// done lists each node's links.
func (nw *network) done() *network {
	nw.adj = make([][]int, nw.nodes)
	for k, l := range nw.links {
		nw.adj[l.u] = append(nw.adj[l.u], k)
		nw.adj[l.v] = append(nw.adj[l.v], k)
	}
	return nw
}
