package suppress

// The extended grid as a graph: nodes 0..rows are its rows (the last one
// the row of column totals), nodes rows+1.. its columns (the last one the
// column of row totals); every count is an edge between its row and its
// column.

// path returns the cheapest path between nodes from and to, where a
// hidden count that is not zero costs nothing, a shown count its value (a
// total, the grand total besides), and a hidden zero or a count barred by
// bar cannot be used: the counts on it, its cost, and whether there is
// one.
func (g Grid) path(from, to int, bar func(i, j int) bool) ([]edge, int64, bool) {
	rows, cols := g.Rows()+1, g.Cols()+1
	n := rows + cols
	const inf = int64(1) << 62
	dist := make([]int64, n)
	prev := make([]int, n)
	done := make([]bool, n)
	for k := range dist {
		dist[k], prev[k] = inf, -1
	}
	dist[from] = 0
	for {
		u := -1
		for k := range n {
			if !done[k] && dist[k] < inf && (u < 0 || dist[k] < dist[u]) {
				u = k
			}
		}
		if u < 0 || u == to {
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
			if !ok || bar(i, j) {
				continue
			}
			if d := dist[u] + w; d < dist[k] {
				dist[k], prev[k] = d, u
			}
		}
	}
	if dist[to] == inf {
		return nil, 0, false
	}
	var out []edge
	for k := to; prev[k] >= 0; k = prev[k] {
		i, j := prev[k], k-rows
		if k < rows {
			i, j = k, prev[k]-rows
		}
		out = append(out, edge{i, j})
	}
	return out, dist[to], true
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
