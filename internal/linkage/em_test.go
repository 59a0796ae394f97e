package linkage

import (
	"math"
	"testing"
)

// TestFreeUKeepsTheMatchClass builds the pattern counts of one blocking
// rule exactly (no sampling): a thousand matches among a million pairs
// whose key (a surname, say) makes them people of one language, so that
// its non-matches agree on first names and patronymics several times
// more often than random pairs do. With u held at the random pairs'
// value, EM can only explain that agreement by matches; with u of the
// non-matches fitted within the rule, as a robust fit does, the match
// class stays on the matches.
func TestFreeUKeepsTheMatchClass(t *testing.T) {
	cs := []comparator{{Name: "first_name", Levels: 5, kind: kindFirst},
		{Name: "patronymic", Levels: 5, kind: kindPatronymic}, {Name: "birth_date", Levels: 5, kind: kindBirth},
		{Name: "region", Levels: 3, kind: kindRegion}}
	name := func(a, b, c, d float64) []float64 { return []float64{0, a, b, c, d} }
	region := func(a float64) []float64 { return []float64{0, a, 1 - a} }
	groups := []struct {
		n float64
		p [][]float64
	}{
		{1_000, [][]float64{name(0.8, 0.15, 0.03, 0.02), name(0.8, 0.15, 0.03, 0.02), name(0.9, 0.06, 0.02, 0.02), region(0.95)}},
		{999_000, [][]float64{name(0.05, 0.03, 0.04, 0.88), name(0.08, 0.04, 0.04, 0.84), name(0.001, 0.006, 0.003, 0.99), region(0.3)}},
	}
	random := [][]float64{name(0.01, 0.01, 0.02, 0.96), name(0.02, 0.01, 0.02, 0.95), name(0.001, 0.006, 0.003, 0.99), region(0.1)}
	var counts []patternCount
	for a := uint8(1); a <= 4; a++ {
		for b := uint8(1); b <= 4; b++ {
			for c := uint8(1); c <= 4; c++ {
				for r := uint8(1); r <= 2; r++ {
					pc := patternCount{levels: []uint8{a, b, c, r}}
					for _, g := range groups {
						pc.n += g.n * g.p[0][a] * g.p[1][b] * g.p[2][c] * g.p[3][r]
					}
					counts = append(counts, pc)
				}
			}
		}
	}
	none := make([]bool, len(cs))
	_, held, _ := emM(cs, counts, random, none, 0.5, false)
	m, free, _ := emM(cs, counts, random, none, 0.5, true)
	t.Logf("matches: %.0f with u held, %.0f with u fitted (true 1000); m of the first name %.3v", held, free, m[0][1:])
	if free < 800 || free > 1250 || math.Abs(m[0][1]-0.8) > 0.05 {
		t.Errorf("with u fitted within the rule: %.0f matches, m(first name agrees) %.3f; want about 1000 and 0.8", free, m[0][1])
	}
	if held < 3*free {
		t.Errorf("with u held: %.0f matches, not far more than the %.0f with u fitted: the test shows nothing", held, free)
	}
}
