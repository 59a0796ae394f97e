package suppress

import (
	"fmt"
	"strings"
)

// String draws the extended grid, hidden counts in brackets: for test
// failures and debugging.
func (g Grid) String() string {
	var b strings.Builder
	for i := range g.Rows() + 1 {
		for j := range g.Cols() + 1 {
			if g.Hidden[i][j] {
				fmt.Fprintf(&b, "%6s", fmt.Sprintf("[%d]", g.Value(i, j)))
			} else {
				fmt.Fprintf(&b, "%6d", g.Value(i, j))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}
