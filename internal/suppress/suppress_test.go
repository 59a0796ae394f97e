package suppress

import (
	"math/rand/v2"
	"testing"
)

// check fails t when g shows a count under Threshold, or when an attacker
// recovers a hidden count that is not zero.
func check(t *testing.T, name string, g Grid, brute bool) {
	t.Helper()
	for i := range g.Rows() + 1 {
		for j := range g.Cols() + 1 {
			if v, shown := g.Shown(i, j); shown && v < Threshold {
				t.Fatalf("%s: count %d shown at (%d,%d)\n%s", name, v, i, j, g)
			}
		}
	}
	for at, v := range solvedBySubtraction(g) {
		t.Fatalf("%s: hidden count at %v recovered by subtraction as %d\n%s", name, at, v, g)
	}
	if !brute {
		return
	}
	for at, vals := range possibleValues(g, g.Grand) {
		v := g.Value(at[0], at[1])
		if !vals[v] {
			t.Fatalf("%s: the attacker's search misses the true %d at %v\n%s", name, v, at, g)
		}
		if len(vals) < 2 {
			t.Fatalf("%s: hidden count at %v can only be %d\n%s", name, at, v, g)
		}
	}
}

func TestAdversarialTables(t *testing.T) {
	for name, cells := range map[string][][]int64{
		// One small count in a row: its row total gives it away unless a
		// second count of the row is hidden, and then their columns.
		"lone small": {{3, 20, 30}, {40, 50, 60}, {70, 80, 90}},
		// Two small counts in one row but alone in their columns.
		"pair in a row": {{2, 3, 50}, {40, 50, 60}},
		// Two 2×2 blocks of small counts, each block closed, joined by a
		// row: the "two per row and column" rule is met, yet a count
		// joining them would be a bridge.
		"two blocks": {
			{1, 2, 0, 0, 30},
			{2, 1, 0, 0, 30},
			{0, 4, 1, 2, 30},
			{0, 0, 2, 1, 30},
			{30, 30, 30, 30, 30},
		},
		// A small row total over cells that are all small.
		"small row": {{1, 1, 1}, {10, 20, 30}, {40, 50, 60}},
		// A whole column small, its total under the threshold too.
		"small column": {{1, 20}, {2, 30}, {1, 40}},
		// One row, one column: everything hangs together.
		"one row":    {{3, 9, 12}},
		"one column": {{3}, {9}, {12}},
		"one cell":   {{3}},
		// Every count small.
		"all small": {{1, 2}, {3, 4}},
		// Zeros around a small count: zeros cannot protect it.
		"zeros": {{0, 0, 2}, {0, 0, 9}, {7, 8, 6}},
		// Nothing to hide.
		"large": {{10, 20}, {30, 40}},
	} {
		g := Protect(Table{Cells: cells})
		check(t, name, g, true)
	}
}

func TestRandomSmallTablesResistSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		g := Protect(Table{Cells: random(rng, 2+rng.IntN(2), 2+rng.IntN(2), 9)})
		check(t, "random", g, true)
	}
}

func TestRandomLargerTablesResistSubtraction(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		g := Protect(Table{Cells: random(rng, 2+rng.IntN(8), 2+rng.IntN(6), 30)})
		check(t, "random", g, false)
	}
}

// random is a table of counts, about a third of them small.
func random(rng *rand.Rand, rows, cols int, top int64) [][]int64 {
	out := make([][]int64, rows)
	for i := range out {
		out[i] = make([]int64, cols)
		for j := range out[i] {
			if rng.IntN(3) == 0 {
				out[i][j] = rng.Int64N(Threshold)
			} else {
				out[i][j] = rng.Int64N(top + 1)
			}
		}
	}
	return out
}

func TestLargeCountsStayShownAndTotalsAddUp(t *testing.T) {
	g := Protect(Table{Cells: [][]int64{{10, 20}, {30, 40}}})
	for i := range 3 {
		for j := range 3 {
			if g.Hidden[i][j] {
				t.Fatalf("(%d,%d) hidden in a table of large counts", i, j)
			}
		}
	}
	if g.RowTotals[0] != 30 || g.RowTotals[1] != 70 || g.ColTotals[0] != 40 || g.ColTotals[1] != 60 || g.Grand != 100 {
		t.Fatalf("totals %v %v %d", g.RowTotals, g.ColTotals, g.Grand)
	}
}

func TestComplementsAreTheSmallestThatProtect(t *testing.T) {
	// The 3 needs a partner in its row and its column: the cheapest
	// cycle runs through 6, 7 and 8, not through the 90s or a total.
	g := Protect(Table{Cells: [][]int64{{3, 6, 90}, {7, 8, 95}, {91, 92, 93}}})
	want := map[[2]int]bool{{0, 0}: true, {0, 1}: true, {1, 0}: true, {1, 1}: true}
	for i := range 4 {
		for j := range 4 {
			if g.Hidden[i][j] != want[[2]int{i, j}] {
				t.Fatalf("hidden %v, want the 2×2 corner\n%s", g.Hidden, g)
			}
		}
	}
}

func TestEmptyTable(t *testing.T) {
	if g := Protect(Table{}); g.Rows() != 0 || g.Cols() != 0 || g.Grand != 0 {
		t.Fatalf("empty table gave %+v", g)
	}
}

// TestAttackersRecoverNaiveSuppression shows the attackers have teeth:
// hiding only the small counts, or also one partner per row and column
// without looking for bridges, gives counts away.
func TestAttackersRecoverNaiveSuppression(t *testing.T) {
	primaryOnly := func(cells [][]int64) Grid {
		g := totals(Table{Cells: cells})
		g.Hidden = make([][]bool, g.Rows()+1)
		for i := range g.Hidden {
			g.Hidden[i] = make([]bool, g.Cols()+1)
			for j := range g.Hidden[i] {
				g.Hidden[i][j] = g.Value(i, j) < Threshold
			}
		}
		return g
	}
	g := primaryOnly([][]int64{{3, 20, 30}, {40, 50, 60}})
	if got := solvedBySubtraction(g); got[[2]int{0, 0}] != 3 {
		t.Fatalf("subtraction found %v in\n%s", got, g)
	}
	// Two closed 2×2 blocks and a bridge between them: every row and
	// column with a hidden count has two, yet the bridge is fixed.
	g = primaryOnly([][]int64{
		{1, 2, 9, 9, 30},
		{2, 1, 9, 9, 30},
		{9, 3, 1, 2, 30},
		{9, 9, 2, 1, 30},
		{30, 30, 30, 30, 30},
	})
	g.Hidden[2][0] = false // 9: not hidden, makes row 2 hold 3, 1, 2
	if got := possibleValues(g, g.Grand); len(got[[2]int{2, 1}]) != 1 {
		t.Fatalf("the bridge's values %v\n%s", got[[2]int{2, 1}], g)
	}
	if got := solvedBySubtraction(g); got[[2]int{2, 1}] != 3 {
		t.Fatalf("subtraction found %v in\n%s", got, g)
	}
}
