package linkage

import "testing"

// TestLevelsAreSymmetric checks that comparing two records gives the
// same levels whichever comes first: deduplication grades a pair in
// either order (when it joins clusters and when it reports the pair).
func TestLevelsAreSymmetric(t *testing.T) {
	d := readFEBRL(t, NewLexicon(), "dataset3.csv")
	cs := comparators(d, d)
	a, b := make([]uint8, len(cs)), make([]uint8, len(cs))
	var memo nameMemo
	for i := 0; i < 1000; i++ {
		for j := i + 1; j < i+100 && j < d.Len(); j++ {
			levels(cs, d, i, d, j, a, nil)
			levels(cs, d, j, d, i, b, &memo)
			if string(a) != string(b) {
				t.Fatalf("records %d and %d: levels %v one way, %v the other", i, j, a, b)
			}
		}
	}
}
