package golden

import (
	"fmt"
	"strings"
)

// Diff lists the lines of want and got from the first that differs, a few
// either side, marked - and +. It is not a minimal diff; it is enough to
// see what changed in a golden file of a few hundred lines.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	first := 0
	for first < len(w) && first < len(g) && w[first] == g[first] {
		first++
	}
	// Match from the end too, so an inserted line shows alone.
	lw, lg := len(w), len(g)
	for lw > first && lg > first && w[lw-1] == g[lg-1] {
		lw--
		lg--
	}
	const context = 3
	from := max(first-context, 0)
	var b strings.Builder
	fmt.Fprintf(&b, "@@ line %d @@\n", first+1)
	for _, l := range w[from:first] {
		b.WriteString("  " + l + "\n")
	}
	for _, l := range w[first:lw] {
		b.WriteString("- " + l + "\n")
	}
	for _, l := range g[first:lg] {
		b.WriteString("+ " + l + "\n")
	}
	for _, l := range w[lw:min(lw+context, len(w))] {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}
