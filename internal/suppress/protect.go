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
	g := primaries(t)
	for _, p := range g.small() {
		path, ok := g.closingPath(p)
		if !ok {
			path = g.all()
		}
		g.hide(path)
	}
	return g
}

// primaries is t with its totals and every count under Threshold hidden.
func primaries(t Table) Grid {
	g := totals(t)
	r, c := g.Rows(), g.Cols()
	if r == 0 || c == 0 {
		return g
	}
	g.Hidden = make([][]bool, r+1)
	for i := range r + 1 {
		g.Hidden[i] = make([]bool, c+1)
		for j := range c + 1 {
			g.Hidden[i][j] = g.Value(i, j) < Threshold
		}
	}
	return g
}

// small lists g's hidden counts that are not zero, the smallest first:
// the paths found for them are reused by the larger ones, whose own paths
// then often cost nothing.
func (g Grid) small() []edge {
	var out []edge
	for i := range g.Hidden {
		for j := range g.Hidden[i] {
			if g.Hidden[i][j] && g.Value(i, j) > 0 {
				out = append(out, edge{i, j})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b edge) int { return cmp.Compare(g.Value(a.i, a.j), g.Value(b.i, b.j)) })
	return out
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

// hide hides the counts on path.
func (g Grid) hide(path []edge) {
	for _, e := range path {
		g.Hidden[e.i][e.j] = true
	}
}

// all is every count of the extended grid: what is hidden when no cycle
// can be closed, which the package's rule makes impossible for a count
// that is not zero, rather than trust that.
func (g Grid) all() []edge {
	var out []edge
	for i := range g.Rows() + 1 {
		for j := range g.Cols() + 1 {
			out = append(out, edge{i, j})
		}
	}
	return out
}

// closingPath returns the counts to hide so that the hidden count p lies
// on a cycle of hidden counts that are not zero: the cheapest path from
// its row to its column that does not use it (see path), and whether
// there is one.
func (g Grid) closingPath(p edge) ([]edge, bool) {
	path, _, ok := g.path(p.i, g.Rows()+1+p.j, func(i, j int) bool { return i == p.i && j == p.j })
	return path, ok
}
