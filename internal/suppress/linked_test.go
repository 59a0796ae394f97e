package suppress_test

import (
	"math/rand/v2"
	"testing"

	"github.com/jolproject/jol/internal/suppress"
	"github.com/jolproject/jol/internal/suppress/suppresstest"
)

// attack fails t when the tables gs, published together with their
// margins shared, show a count under the threshold, disagree on a shared
// margin, or give a hidden count away to the linear attacker.
func attack(t *testing.T, name string, gs []suppress.Grid) {
	t.Helper()
	all := make([]int, len(gs))
	for k, g := range gs {
		all[k] = k
		for i := range g.Rows() + 1 {
			for j := range g.Cols() + 1 {
				if v, shown := g.Shown(i, j); shown && v < suppress.Threshold {
					t.Fatalf("%s: count %d shown at (%d,%d) of table %d\n%s", name, v, i, j, k, g)
				}
			}
			if g.Hidden[i][g.Cols()] != gs[0].Hidden[i][gs[0].Cols()] {
				t.Fatalf("%s: margin %d hidden in one table, shown in another\n%s\n%s", name, i, gs[0], g)
			}
		}
	}
	if len(gs[0].Cells) == 0 {
		return
	}
	for _, e := range suppresstest.Attack(gs, suppresstest.Margins(gs, all...)) {
		t.Fatalf("%s: %v\n%s", name, e, dump(gs))
	}
}

func dump(gs []suppress.Grid) string {
	s := ""
	for _, g := range gs {
		s += g.String() + "\n"
	}
	return s
}

// sameRows is a table of cols columns whose rows add up to those of
// cells: the same children counted by another classification. Splitting
// each row at random cut points makes many small counts.
func sameRows(rng *rand.Rand, cells [][]int64, cols int) [][]int64 {
	out := make([][]int64, len(cells))
	for i, row := range cells {
		var total int64
		for _, v := range row {
			total += v
		}
		out[i] = make([]int64, cols)
		for range total {
			out[i][rng.IntN(cols)]++
		}
	}
	return out
}

func random(rng *rand.Rand, rows, cols int, top int64) [][]int64 {
	out := make([][]int64, rows)
	for i := range out {
		out[i] = make([]int64, cols)
		for j := range out[i] {
			if rng.IntN(3) == 0 {
				out[i][j] = rng.Int64N(suppress.Threshold)
			} else {
				out[i][j] = rng.Int64N(top + 1)
			}
		}
	}
	return out
}

func TestLinkedTablesResistTheLinearAttacker(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for n := range 200 {
		rows := 1 + rng.IntN(5)
		a := random(rng, rows, 1+rng.IntN(4), 12)
		ts := []suppress.Table{{Cells: a}, {Cells: sameRows(rng, a, 1+rng.IntN(4))}}
		if n%3 == 0 { // a third table on the same margins
			ts = append(ts, suppress.Table{Cells: sameRows(rng, a, 1+rng.IntN(3))})
		}
		attack(t, "random", suppress.ProtectLinked(ts))
	}
}

func TestLinkedAdversarialTables(t *testing.T) {
	for name, ts := range map[string][][][]int64{
		// A small region: its total is hidden in both tables and must
		// move alike in both.
		"small region": {{{1, 2, 0}, {20, 30, 40}, {25, 35, 45}}, {{3, 0}, {60, 30}, {50, 55}}},
		// One column each: a cell's only partner is its row total.
		"one column": {{{3}, {9}, {12}}, {{3}, {9}, {12}}},
		// Small counts in one table only: the other shows the margins
		// the first must keep its cycles off.
		"one sided": {{{3, 20, 30}, {40, 50, 60}}, {{25, 28}, {70, 80}}},
		"all small": {{{1, 2}, {3, 4}}, {{2, 1}, {4, 3}}},
	} {
		var tables []suppress.Table
		for _, cells := range ts {
			tables = append(tables, suppress.Table{Cells: cells})
		}
		attack(t, name, suppress.ProtectLinked(tables))
	}
}

// Tables protected each alone give counts away when they share margins:
// the attacker has teeth, and the linking is needed.
func TestAttackerBreaksTablesProtectedAlone(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 200 {
		a := random(rng, 2+rng.IntN(3), 1+rng.IntN(3), 12)
		gs := []suppress.Grid{suppress.Protect(suppress.Table{Cells: a}), suppress.Protect(suppress.Table{Cells: sameRows(rng, a, 1+rng.IntN(3))})}
		if len(suppresstest.Attack(gs, suppresstest.Margins(gs, 0, 1))) > 0 {
			return
		}
	}
	t.Fatal("no pair of tables protected alone gave a count away")
}

// A table by outcome whose first two columns add up, row by row, to the
// row totals of two tables by item and by category: the reader who knows
// it adds those equations, and nothing hidden may be pinned.
func TestSplitTablesResistTheLinearAttacker(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 150 {
		rows := 1 + rng.IntN(4)
		reached := random(rng, rows, 2, 12)
		rest := random(rng, rows, 1+rng.IntN(2), 9) // waiting, not granted
		outcome := make([][]int64, rows)
		for i := range outcome {
			outcome[i] = append(append([]int64{}, reached[i]...), rest[i]...)
		}
		ms := []suppress.Linked{{Table: suppress.Table{Cells: outcome}, Split: 2},
			{Table: suppress.Table{Cells: sameRows(rng, reached, 1+rng.IntN(3))}},
			{Table: suppress.Table{Cells: sameRows(rng, reached, 1+rng.IntN(3))}}}
		gs := suppress.ProtectGroup(ms)
		attackSplit(t, gs)
	}
}

func attackSplit(t *testing.T, gs []suppress.Grid) {
	t.Helper()
	o, it := gs[0], gs[1]
	var sums []suppresstest.Sum
	for i := range o.Rows() + 1 {
		sums = append(sums, suppresstest.Sum{Parts: []suppresstest.Ref{{Table: 0, I: i, J: 0}, {Table: 0, I: i, J: 1}},
			Total: suppresstest.Ref{Table: 1, I: i, J: it.Cols()}})
	}
	for _, g := range gs {
		for i := range g.Rows() + 1 {
			for j := range g.Cols() + 1 {
				if v, shown := g.Shown(i, j); shown && v < suppress.Threshold {
					t.Fatalf("count %d shown at (%d,%d)\n%s", v, i, j, dump(gs))
				}
			}
		}
	}
	for _, e := range suppresstest.Attack(gs, suppresstest.Margins(gs, 1, 2), sums...) {
		t.Fatalf("%v\n%s", e, dump(gs))
	}
	// Each table alone gives nothing away either.
	for k := range gs {
		for _, e := range suppresstest.Attack(gs[k:k+1], nil) {
			t.Fatalf("table %d alone: %v\n%s", k, e, dump(gs))
		}
	}
}

func TestSplitAdversarialTables(t *testing.T) {
	// The report that gave a waiting request away: 10 delivered and none
	// in progress in a region whose reached total is shown elsewhere.
	gs := suppress.ProtectGroup([]suppress.Linked{
		{Table: suppress.Table{Cells: [][]int64{{10, 0, 1, 0}, {3, 12, 2, 6}}}, Split: 2},
		{Table: suppress.Table{Cells: [][]int64{{10}, {15}}}},
		{Table: suppress.Table{Cells: [][]int64{{0, 2, 8}, {12, 0, 3}}}},
	})
	attackSplit(t, gs)
}
