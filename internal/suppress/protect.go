package suppress

import (
	"cmp"
	"slices"
)

// Protect returns t with its totals, every count under Threshold hidden
// and the complementary counts that keep each of them from being worked
// out (see the package comment). A table without rows or columns is
// returned empty.
func Protect(t Table) Grid {
	g := totals(t)
	r, c := g.Rows(), g.Cols()
	if r == 0 || c == 0 {
		return g
	}
	g.Hidden = make([][]bool, r+1)
	type at struct{ i, j int }
	var primary []at
	for i := range r + 1 {
		g.Hidden[i] = make([]bool, c+1)
		for j := range c + 1 {
			if v := g.Value(i, j); v < Threshold {
				g.Hidden[i][j] = true
				if v > 0 {
					primary = append(primary, at{i, j})
				}
			}
		}
	}
	// The smallest first: the paths found for them are reused by the
	// larger ones, whose own paths then often cost nothing.
	slices.SortStableFunc(primary, func(a, b at) int { return cmp.Compare(g.Value(a.i, a.j), g.Value(b.i, b.j)) })
	for _, p := range primary {
		for _, e := range g.closingPath(p.i, p.j) {
			g.Hidden[e.i][e.j] = true
		}
	}
	return g
}

// totals adds up t's rows and columns.
func totals(t Table) Grid {
	g := Grid{Cells: t.Cells}
	if len(t.Cells) == 0 {
		return g
	}
	g.RowTotals = make([]int64, len(t.Cells))
	g.ColTotals = make([]int64, len(t.Cells[0]))
	for i, row := range t.Cells {
		for j, v := range row {
			g.RowTotals[i] += v
			g.ColTotals[j] += v
			g.Grand += v
		}
	}
	return g
}

// edge is a count of the extended grid on a path.
type edge struct{ i, j int }

// closingPath returns the shown counts to hide so that the hidden count
// at (i0, j0) lies on a cycle of hidden counts that are not zero: the
// cheapest path from its row to its column that does not use it, where a
// hidden count that is not zero costs nothing, a shown count its value
// (a total, the grand total besides), and a hidden zero cannot be used.
// Nodes 0..rows are the grid's rows, rows+1.. its columns.
func (g Grid) closingPath(i0, j0 int) []edge {
	rows, cols := g.Rows()+1, g.Cols()+1
	n := rows + cols
	const inf = int64(1) << 62
	dist := make([]int64, n)
	prev := make([]int, n)
	done := make([]bool, n)
	for k := range dist {
		dist[k], prev[k] = inf, -1
	}
	dist[i0] = 0
	for {
		u := -1
		for k := range n {
			if !done[k] && dist[k] < inf && (u < 0 || dist[k] < dist[u]) {
				u = k
			}
		}
		if u < 0 || u == rows+j0 {
			break
		}
		done[u] = true
		for k := range n {
			if (u < rows) == (k < rows) || done[k] {
				continue
			}
			i, j := u, k-rows
			if u >= rows {
				i, j = k, u-rows
			}
			w, ok := g.cost(i, j)
			if !ok || (i == i0 && j == j0) {
				continue
			}
			if d := dist[u] + w; d < dist[k] {
				dist[k], prev[k] = d, u
			}
		}
	}
	if dist[rows+j0] == inf {
		// Not reachable only through zeros, which the package's rule
		// makes impossible for a count that is not zero; hide every count
		// rather than trust that.
		var all []edge
		for i := range rows {
			for j := range cols {
				all = append(all, edge{i, j})
			}
		}
		return all
	}
	var path []edge
	for k := rows + j0; prev[k] >= 0; k = prev[k] {
		i, j := prev[k], k-rows
		if k < rows {
			i, j = k, prev[k]-rows
		}
		if !g.Hidden[i][j] {
			path = append(path, edge{i, j})
		}
	}
	return path
}

// cost is what hiding the count at (i, j) costs a path, and whether a
// path may use it at all.
func (g Grid) cost(i, j int) (int64, bool) {
	v := g.Value(i, j)
	switch {
	case g.Hidden[i][j]:
		return 0, v > 0
	case i == g.Rows() || j == g.Cols():
		return v + g.Grand + 1, true
	}
	return v, true
}
