package linkage

import (
	"math/rand/v2"
	"testing"
)

// bestTotal finds the greatest total score of a one-to-one subset of
// edges by trying every subset in turn: the oracle for small graphs.
func bestTotal(edges []Link, threshold float64, k int, usedL, usedR map[int]bool) float64 {
	if k == len(edges) {
		return 0
	}
	best := bestTotal(edges, threshold, k+1, usedL, usedR)
	e := edges[k]
	if !usedL[e.Left] && !usedR[e.Right] {
		usedL[e.Left], usedR[e.Right] = true, true
		best = max(best, e.Weight-threshold+bestTotal(edges, threshold, k+1, usedL, usedR))
		usedL[e.Left], usedR[e.Right] = false, false
	}
	return best
}

func total(links []Link, threshold float64) float64 {
	s := 0.0
	for _, l := range links {
		s += l.Weight - threshold
	}
	return s
}

func TestAssignIsOptimal(t *testing.T) {
	// Greedy takes the heaviest edge first and loses: exact takes the two others.
	tricky := []Link{{1, 1, 10}, {1, 2, 9}, {2, 1, 9}}
	got, _ := assign(tricky, 0)
	if total(got, 0) != 18 {
		t.Errorf("assign(%v) = %v, want the two edges of weight 9", tricky, got)
	}
	if g := greedyAssign(tricky); total(g, 0) != 10 {
		t.Errorf("greedy = %v; the example no longer shows greedy failing", g)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 300 {
		var edges []Link
		seen := map[[2]int]bool{}
		for range 2 + rng.IntN(12) {
			l, r := rng.IntN(5), rng.IntN(5)
			if seen[[2]int{l, r}] {
				continue
			}
			seen[[2]int{l, r}] = true
			edges = append(edges, Link{l, r, 3 + float64(rng.IntN(200))/10})
		}
		got, _ := assign(edges, 3)
		usedL, usedR := map[int]bool{}, map[int]bool{}
		for _, e := range got {
			if usedL[e.Left] || usedR[e.Right] {
				t.Fatalf("trial %d: assign(%v) = %v is not one-to-one", trial, edges, got)
			}
			usedL[e.Left], usedR[e.Right] = true, true
		}
		want := bestTotal(edges, 3, 0, map[int]bool{}, map[int]bool{})
		if d := total(got, 3) - want; d < -1e-9 || d > 1e-9 {
			t.Fatalf("trial %d: assign(%v) = %v totals %.2f, the best is %.2f", trial, edges, got, total(got, 3), want)
		}
	}
}
