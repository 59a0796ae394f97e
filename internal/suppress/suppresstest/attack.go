// Package suppresstest is the attacker of published tables for tests: it
// knows what a reader knows — every shown count, which counts are hidden,
// that each table's counts add up to its totals, which counts of
// different tables are the same number, and that counts are not negative —
// and bounds every hidden count by linear programming, the most that
// linear reasoning from all of it can learn.
package suppresstest

import (
	"fmt"
	"math/big"

	"github.com/jolproject/jol/internal/suppress"
)

// Ref names a count of one of the tables: (I, J) of table Table's
// extended grid, the last row and column being the totals.
type Ref struct{ Table, I, J int }

// Sum is an equation the reader knows besides the tables' own: the
// counts Parts add up to the count Total.
type Sum struct {
	Parts []Ref
	Total Ref
}

// Exposure is a hidden count the attacker pins down more than the
// package promises: its feasible values reach neither one below nor one
// above the true one.
type Exposure struct {
	Ref
	Value     int64
	Low, High *big.Rat // High nil when unbounded
}

func (e Exposure) String() string {
	return fmt.Sprintf("table %d (%d,%d) = %d lies in [%s, %s]", e.Table, e.I, e.J, e.Value, e.Low.RatString(), ratString(e.High))
}

func ratString(r *big.Rat) string {
	if r == nil {
		return "∞"
	}
	return r.RatString()
}

// Attack bounds every hidden count of gs that is not zero and returns
// those whose interval does not hold both the true value minus one and
// plus one. same lists sets of counts the reader knows to be one number
// (a margin two tables share), sums further equations the reader knows. Hidden zeros are given to the attacker:
// the package promises nothing for them. It panics when the published
// counts admit no table at all, which would mean gs are not consistent.
func Attack(gs []suppress.Grid, same [][]Ref, sums ...Sum) []Exposure {
	parent := map[Ref]Ref{} // sets of counts known to be one number
	var find func(r Ref) Ref
	find = func(r Ref) Ref {
		p, ok := parent[r]
		if !ok || p == r {
			return r
		}
		root := find(p)
		parent[r] = root
		return root
	}
	for _, set := range same {
		for _, r := range set[1:] {
			if a, b := find(set[0]), find(r); a != b {
				parent[b] = a
			}
		}
	}
	// A class is known when any of its counts is shown or a hidden zero.
	known := map[Ref]int64{}
	for t, g := range gs {
		each(g, func(i, j int) {
			if v, shown := g.Shown(i, j); shown || v == 0 {
				known[find(Ref{t, i, j})] = v
			}
		})
	}
	index := map[Ref]int{}
	var vars []Ref
	for t, g := range gs {
		each(g, func(i, j int) {
			c := find(Ref{t, i, j})
			if _, ok := known[c]; !ok {
				if _, ok := index[c]; !ok {
					index[c] = len(vars)
					vars = append(vars, c)
				}
			}
		})
	}
	var a [][]int64
	var b []int64
	line := func(cells []Ref, total Ref) {
		row, rhs := make([]int64, len(vars)), int64(0)
		term := func(x Ref, sign int64) {
			if k, ok := index[find(x)]; ok {
				row[k] += sign
			} else {
				rhs -= sign * known[find(x)]
			}
		}
		for _, x := range cells {
			term(x, 1)
		}
		term(total, -1)
		a, b = append(a, row), append(b, rhs)
	}
	for t, g := range gs {
		r, c := g.Rows(), g.Cols()
		if r == 0 || c == 0 {
			continue
		}
		for i := range r + 1 {
			var cells []Ref
			for j := range c {
				cells = append(cells, Ref{t, i, j})
			}
			line(cells, Ref{t, i, c})
		}
		for j := range c + 1 {
			var cells []Ref
			for i := range r {
				cells = append(cells, Ref{t, i, j})
			}
			line(cells, Ref{t, r, j})
		}
	}
	for _, sum := range sums {
		line(sum.Parts, sum.Total)
	}
	base, ok := feasible(a, b, len(vars))
	if !ok {
		panic("suppresstest: the published counts admit no table")
	}
	var out []Exposure
	for k, v := range vars {
		truth := gs[v.Table].Value(v.I, v.J)
		obj := make([]*big.Rat, len(vars))
		for x := range obj {
			obj[x] = new(big.Rat)
		}
		obj[k].SetInt64(1)
		high, bounded := base.clone().maximize(obj)
		if !bounded {
			high = nil
		}
		obj[k].SetInt64(-1)
		low, _ := base.clone().maximize(obj) // x ≥ 0 bounds it
		low.Neg(low)
		if low.Cmp(big.NewRat(truth-1, 1)) > 0 || high != nil && high.Cmp(big.NewRat(truth+1, 1)) < 0 {
			out = append(out, Exposure{Ref: v, Value: truth, Low: low, High: high})
		}
	}
	return out
}

// each calls f for every count of g's extended grid; an empty table has
// none.
func each(g suppress.Grid, f func(i, j int)) {
	if g.Rows() == 0 || g.Cols() == 0 {
		return
	}
	for i := range g.Rows() + 1 {
		for j := range g.Cols() + 1 {
			f(i, j)
		}
	}
}

// Margins links the row totals and grand totals of the tables ts (indexes
// into the tables attacked), all of the same rows: what a reader knows of
// tables published with the same margins.
func Margins(gs []suppress.Grid, ts ...int) [][]Ref {
	var out [][]Ref
	for i := range gs[ts[0]].Rows() + 1 {
		var set []Ref
		for _, t := range ts {
			set = append(set, Ref{t, i, gs[t].Cols()})
		}
		out = append(out, set)
	}
	return out
}
