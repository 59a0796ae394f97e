package linkage

import (
	"math"
	"slices"
)

// exactAssign solves the maximum-score one-to-one assignment of one
// component with the Hungarian algorithm (shortest augmenting paths with
// potentials, O(n²m)). Edges score their weight above threshold, plus a
// little so that every edge scores above a non-edge, which scores 0.
func exactAssign(comp []Link, ls, rs []int, threshold float64) []Link {
	// Rows are the smaller side.
	n, m := len(ls), len(rs)
	rowsLeft := n <= m
	if !rowsLeft {
		n, m = m, n
	}
	index := func(xs []int, x int) int { i, _ := slices.BinarySearch(xs, x); return i }
	cost := make([]float64, n*m) // 0 for non-edges
	best := make([]int, n*m)     // edge index, -1 for none
	for i := range best {
		best[i] = -1
	}
	for k, e := range comp {
		i, j := index(ls, e.Left), index(rs, e.Right)
		if !rowsLeft {
			i, j = j, i
		}
		c := -(e.Weight - threshold + 1e-6)
		if c < cost[i*m+j] {
			cost[i*m+j], best[i*m+j] = c, k
		}
	}
	match := hungarian(n, m, cost)
	var out []Link
	for i, j := range match {
		if k := best[i*m+j]; k >= 0 {
			out = append(out, comp[k])
		}
	}
	return out
}

// hungarian returns, for each of n rows, the column (of m ≥ n) of a
// minimum-cost assignment of the n×m cost matrix.
func hungarian(n, m int, cost []float64) []int {
	u, v := make([]float64, n+1), make([]float64, m+1)
	p, way := make([]int, m+1), make([]int, m+1) // p[j]: row (1-based) in column j
	minv, used := make([]float64, m+1), make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j], used[j] = math.Inf(1), false
		}
		for p[j0] != 0 {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := cost[(i0-1)*m+j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	match := make([]int, n)
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			match[p[j]-1] = j - 1
		}
	}
	return match
}
