package debate

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteMatching returns the greatest cardinality and, among matchings of
// that cardinality, the greatest weight, by trying every matching.
func bruteMatching(n int, edges []wedge) (card int, weight int64) {
	adj := make([][]int64, n)
	has := make([][]bool, n)
	for i := range n {
		adj[i], has[i] = make([]int64, n), make([]bool, n)
	}
	for _, e := range edges {
		if !has[e.u][e.v] || e.w.lo64() > adj[e.u][e.v] { // keep the best parallel edge
			adj[e.u][e.v], adj[e.v][e.u] = e.w.lo64(), e.w.lo64()
			has[e.u][e.v], has[e.v][e.u] = true, true
		}
	}
	used := make([]bool, n)
	card = -1
	var rec func(v, c int, w int64)
	rec = func(v, c int, w int64) {
		for v < n && used[v] {
			v++
		}
		if v == n {
			if c > card || (c == card && w > weight) {
				card, weight = c, w
			}
			return
		}
		used[v] = true
		rec(v+1, c, w) // v stays single
		for u := v + 1; u < n; u++ {
			if !used[u] && has[v][u] {
				used[u] = true
				rec(v+1, c+1, w+adj[v][u])
				used[u] = false
			}
		}
		used[v] = false
	}
	rec(0, 0, 0)
	return card, weight
}

func checkMatching(t *testing.T, n int, edges []wedge, mate []int) (card int, weight int64) {
	t.Helper()
	best := map[[2]int]int64{}
	for _, e := range edges {
		key := [2]int{min(e.u, e.v), max(e.u, e.v)}
		if w, ok := best[key]; !ok || e.w.lo64() > w {
			best[key] = e.w.lo64()
		}
	}
	for v, u := range mate {
		if u == -1 {
			continue
		}
		if mate[u] != v {
			t.Fatalf("mate not symmetric: %d→%d but %d→%d", v, u, u, mate[u])
		}
		w, ok := best[[2]int{min(u, v), max(u, v)}]
		if !ok {
			t.Fatalf("matched %d and %d without an edge", v, u)
		}
		if v < u {
			card++
			weight += w
		}
	}
	return card, weight
}

func TestBlossomAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 3000 {
		n := 1 + rng.IntN(10)
		density := rng.Float64()
		maxw := int64(1 + rng.IntN([]int{3, 10, 1000}[trial%3]))
		var edges []wedge
		for u := range n {
			for v := u + 1; v < n; v++ {
				if rng.Float64() < density {
					edges = append(edges, wedge{u, v, wInt(rng.Int64N(maxw+1) - maxw/3)})
				}
			}
		}
		mate := maxWeightMatching(n, edges)
		// The same weights times 2⁶⁴, beyond int64, give a matching as good.
		big := slices.Clone(edges)
		for k := range big {
			big[k].w = weight{hi: big[k].w.lo64()}
		}
		bigCard, bigWeight := checkMatching(t, n, edges, maxWeightMatching(n, big))
		card, weight := checkMatching(t, n, edges, mate)
		wantCard, wantWeight := bruteMatching(n, edges)
		if bigCard != wantCard || bigWeight != wantWeight {
			t.Fatalf("trial %d: weights times 2⁶⁴ give card %d weight %d, want %d and %d",
				trial, bigCard, bigWeight, wantCard, wantWeight)
		}
		if card != wantCard || weight != wantWeight {
			t.Fatalf("trial %d: n=%d edges=%v: got card %d weight %d, want %d and %d",
				trial, n, edges, card, weight, wantCard, wantWeight)
		}
	}
}

// lo64 reads back a weight known to fit in int64.
func (a weight) lo64() int64 { return int64(a.lo) }
