package reports

import (
	"slices"

	"github.com/jolproject/jol/internal/suppress"
)

// protect is the grids of tables, all with the same rows, as published
// (published) or whole. Tables with the same row totals — the same
// children by region, classified two ways — are protected together (see
// suppress.ProtectLinked), since a reader sees both.
func protect(tables []suppress.Table, published bool) []suppress.Grid {
	grids := make([]suppress.Grid, len(tables))
	if !published {
		for k, t := range tables {
			grids[k] = suppress.Whole(t)
		}
		return grids
	}
	done := make([]bool, len(tables))
	for k := range tables {
		if done[k] {
			continue
		}
		group := []int{k}
		for o := k + 1; o < len(tables); o++ {
			if !done[o] && slices.Equal(rowTotals(tables[o]), rowTotals(tables[k])) {
				group = append(group, o)
			}
		}
		var linked []suppress.Table
		for _, o := range group {
			done[o] = true
			linked = append(linked, tables[o])
		}
		for x, g := range suppress.ProtectLinked(linked) {
			grids[group[x]] = g
		}
	}
	return grids
}

// rowTotals are the sums of t's rows.
func rowTotals(t suppress.Table) []int64 {
	out := make([]int64, len(t.Cells))
	for i, row := range t.Cells {
		for _, v := range row {
			out[i] += v
		}
	}
	return out
}
