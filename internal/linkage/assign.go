package linkage

import (
	"slices"
)

// maxExact is the most records on one side of a connected component that
// assign solves exactly; bigger components are assigned greedily.
const maxExact = 200

// assign picks a one-to-one subset of edges (each left and each right
// record in at most one) of the greatest total score, the score of an
// edge being its weight above the match threshold. The edges fall into
// connected components; a component of one edge is taken as it is, and
// the others are solved exactly with the Hungarian algorithm when no
// side has more than maxExact records, greedily by weight otherwise. It
// returns the chosen links and the number of greedy components.
func assign(edges []Link, threshold float64) ([]Link, int) {
	comps := components(edges)
	var out []Link
	greedy := 0
	for _, comp := range comps {
		if len(comp) == 1 {
			out = append(out, comp[0])
			continue
		}
		ls, rs := sides(comp)
		if len(ls) > maxExact || len(rs) > maxExact {
			greedy++
			out = append(out, greedyAssign(comp)...)
			continue
		}
		out = append(out, exactAssign(comp, ls, rs, threshold)...)
	}
	return out, greedy
}

// components splits edges into connected components with union-find
// over the records they join.
func components(edges []Link) [][]Link {
	parent := map[int]int{} // left records as l, right records as -r-1
	var find func(x int) int
	find = func(x int) int {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		root := find(p)
		parent[x] = root
		return root
	}
	for _, e := range edges {
		a, b := find(e.Left), find(-e.Right-1)
		if a != b {
			parent[a] = b
		}
	}
	byRoot := map[int][]Link{}
	var roots []int
	for _, e := range edges {
		root := find(e.Left)
		if _, ok := byRoot[root]; !ok {
			roots = append(roots, root)
		}
		byRoot[root] = append(byRoot[root], e)
	}
	out := make([][]Link, len(roots))
	for i, r := range roots {
		out[i] = byRoot[r]
	}
	return out
}

// sides returns the distinct left and right records of a component.
func sides(comp []Link) (ls, rs []int) {
	for _, e := range comp {
		ls = append(ls, e.Left)
		rs = append(rs, e.Right)
	}
	slices.Sort(ls)
	slices.Sort(rs)
	return slices.Compact(ls), slices.Compact(rs)
}

// greedyAssign takes edges by descending weight while both ends are free.
func greedyAssign(comp []Link) []Link {
	sorted := slices.Clone(comp)
	slices.SortStableFunc(sorted, func(a, b Link) int {
		switch {
		case a.Weight > b.Weight:
			return -1
		case a.Weight < b.Weight:
			return 1
		}
		return 0
	})
	usedL, usedR := map[int]bool{}, map[int]bool{}
	var out []Link
	for _, e := range sorted {
		if !usedL[e.Left] && !usedR[e.Right] {
			usedL[e.Left], usedR[e.Right] = true, true
			out = append(out, e)
		}
	}
	return out
}
