package reports

import (
	"fmt"
	"slices"

	"github.com/jolproject/jol/internal/suppress"
)

// reachedOutcomes are the outcomes whose requests reached their child:
// the first columns of the table by outcome, which add up, region by
// region, to the children reached.
var reachedOutcomes = []string{"delivered", "in_progress"}

// protect is the grids of tables, all with the same rows, as published
// (published) or whole. Tables whose margins are the same numbers are
// protected together (suppress.ProtectGroup), since a reader sees them
// all: tables with the same row totals — the same children by region,
// classified two ways — and a table whose first split[k] columns add up
// to another's row totals (the table by outcome, whose delivered and
// in-progress requests are the children reached when every request asked
// for one item).
func protect(tables []suppress.Table, split []int, published bool) []suppress.Grid {
	grids := make([]suppress.Grid, len(tables))
	if !published {
		for k, t := range tables {
			grids[k] = suppress.Whole(t)
		}
		return grids
	}
	type group struct {
		members []suppress.Linked
		at      []int
	}
	var groups []*group
	byKey := map[string]*group{}
	for k, t := range tables {
		m, key := suppress.Linked{Table: t}, fmt.Sprint(sums(t, 0))
		if split[k] > 0 {
			part := sums(t, split[k])
			if slices.ContainsFunc(tables, func(o suppress.Table) bool { return slices.Equal(sums(o, 0), part) }) {
				m, key = suppress.Linked{Table: t, Split: split[k]}, fmt.Sprint(part)
			}
		}
		g := byKey[key]
		if g == nil {
			g = &group{}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.members, g.at = append(g.members, m), append(g.at, k)
	}
	for _, g := range groups {
		for x, grid := range suppress.ProtectGroup(g.members) {
			grids[g.at[x]] = grid
		}
	}
	return grids
}

// sums are the sums of t's rows over its first n columns (all when 0).
func sums(t suppress.Table, n int) []int64 {
	out := make([]int64, len(t.Cells))
	for i, row := range t.Cells {
		if n > 0 {
			row = row[:min(n, len(row))]
		}
		for _, v := range row {
			out[i] += v
		}
	}
	return out
}
