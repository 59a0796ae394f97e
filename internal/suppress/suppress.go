// Package suppress hides the small counts of a published table so that
// none of them can be worked out from what is shown: every count under
// Threshold is hidden (primary suppression), and then enough other counts
// are hidden with it (complementary suppression) that the hidden counts
// cannot be recovered by subtraction from the totals.
//
// The table is read with its totals as one extended grid: r rows of cells
// plus the row of column totals, c columns plus the column of row totals.
// Every line of that grid (a row or a column) is an equation: its cells
// add up to its total. Give each row of the grid a node and each column a
// node; a hidden count is an edge between its row and its column. A reader
// who knows every shown count and the equations can move the hidden
// counts only along cycles of hidden edges: adding 1 and taking 1 in turn
// around a cycle keeps every line's sum, since each line it passes
// through gets one +1 and one -1 (a total is on the other side of its
// line's equation, which the alternation takes care of). A hidden count on
// no cycle — a bridge of the graph — is fixed by the equations and shown
// as good as printed. So the rule this package keeps is: every hidden
// count that is not zero lies on a cycle of hidden counts that are not
// zero.
//
// Zeros are hidden too (they are under the threshold) but counted on as
// known: a reader may guess them, since a row whose shown counts reach its
// total leaves nothing for its hidden ones. Every count on the protecting
// cycles is then at least 1, so each may move by 1 either way and stay a
// count: a hidden count v could as well be v-1 or v+1, whatever the
// reader knows of the totals and the other counts.
//
// Complementary counts are chosen as a shortest path closing the cycle,
// where a count already hidden costs nothing and a shown one costs its
// value (a total costs more than any cell, so totals are hidden last):
// the least information is hidden for the protection it buys.
//
// Tables published side by side whose margins are the same numbers are
// protected as one system by ProtectGroup (linked.go has the argument).
package suppress

// Threshold is the smallest count shown.
const Threshold = 5

// Table is a table of counts: Cells[i][j] is row i's count in column j;
// every row has the same number of columns. Its totals are the sums of
// its rows and columns.
type Table struct {
	Cells [][]int64
}

// Grid is a Table with its totals, every count marked shown or hidden.
// Row len(Cells) of the extended grid is the column totals, column
// len(Cells[0]) the row totals; Grand is the total of all.
type Grid struct {
	Cells     [][]int64
	RowTotals []int64
	ColTotals []int64
	Grand     int64
	// Hidden marks the hidden counts of the extended grid:
	// Hidden[i][j] for i ≤ rows, j ≤ columns, the last row and column
	// being the totals.
	Hidden [][]bool
}

// Rows and Cols are the table's size, without its totals.
func (g Grid) Rows() int { return len(g.Cells) }

// Cols is the number of columns without the totals.
func (g Grid) Cols() int {
	if len(g.Cells) == 0 {
		return 0
	}
	return len(g.Cells[0])
}

// Value is the count at (i, j) of the extended grid.
func (g Grid) Value(i, j int) int64 {
	switch r, c := g.Rows(), g.Cols(); {
	case i == r && j == c:
		return g.Grand
	case i == r:
		return g.ColTotals[j]
	case j == c:
		return g.RowTotals[i]
	}
	return g.Cells[i][j]
}

// Shown is the count at (i, j) of the extended grid and whether it is
// shown.
func (g Grid) Shown(i, j int) (int64, bool) {
	return g.Value(i, j), !g.Hidden[i][j]
}

// Whole returns t with its totals and nothing hidden: the same grid for
// readers who may see every count.
func Whole(t Table) Grid {
	g := totals(t)
	g.Hidden = make([][]bool, g.Rows()+1)
	for i := range g.Hidden {
		g.Hidden[i] = make([]bool, g.Cols()+1)
	}
	return g
}
