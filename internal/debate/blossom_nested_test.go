package debate

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// nestedGraph builds odd cycles (triangles and pentagons) of odd cycles,
// the inner cycles' edges heavier than the outer ones', so the method
// shrinks blossoms inside blossoms; pendant vertices and chords of
// either sign then make the best matching of greatest cardinality break
// some of them up again.
type nestedGraph struct {
	rng   *rand.Rand
	n     int
	edges []wedge
}

func (g *nestedGraph) edge(u, v int, w int64) {
	g.edges = append(g.edges, wedge{u, v, wInt(w)})
}

// cycle returns the vertices of an odd cycle of depth levels.
func (g *nestedGraph) cycle(depth int) []int {
	if depth == 0 {
		g.n++
		return []int{g.n - 1}
	}
	parts := make([][]int, []int{3, 5}[g.rng.IntN(2)])
	if depth > 1 && len(parts) == 5 && g.rng.IntN(2) == 0 {
		parts = parts[:3] // keep most graphs small enough for brute force
	}
	for i := range parts {
		parts[i] = g.cycle(depth - 1)
	}
	for i, p := range parts {
		q := parts[(i+1)%len(parts)]
		g.edge(p[g.rng.IntN(len(p))], q[g.rng.IntN(len(q))], int64(100-20*depth+g.rng.IntN(30)))
	}
	return slices.Concat(parts...)
}

func TestBlossomNestedOddCycles(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	var shrinks, nested, expansions, trials int
	for trial := range 1500 {
		g := &nestedGraph{rng: rng}
		core := g.cycle(2)
		if len(core) > 15 {
			continue
		}
		trials++
		for range 2 + rng.IntN(3) { // pendants on cycle vertices
			g.n++
			g.edge(core[rng.IntN(len(core))], g.n-1, int64(rng.IntN(260)-60))
		}
		for range rng.IntN(3) { // chords across the structure
			u, v := rng.IntN(g.n), rng.IntN(g.n)
			if u != v {
				g.edge(u, v, int64(rng.IntN(200)-100))
			}
		}
		rng.Shuffle(len(g.edges), func(i, j int) { g.edges[i], g.edges[j] = g.edges[j], g.edges[i] })
		wantCard, wantWeight := bruteMatching(g.n, g.edges)
		for _, big := range []bool{false, true} {
			edges := slices.Clone(g.edges)
			for k := range edges {
				if big { // the same weights times 2⁶⁴
					edges[k].w = weight{hi: edges[k].w.lo64()}
				}
			}
			m := newMatcher(g.n, edges)
			card, weight := checkMatching(t, g.n, g.edges, m.run())
			if card != wantCard || weight != wantWeight {
				t.Fatalf("trial %d (times 2⁶⁴: %v): n=%d edges=%v: got card %d weight %d, want %d and %d",
					trial, big, g.n, g.edges, card, weight, wantCard, wantWeight)
			}
			shrinks += m.shrinks
			nested += m.nestedShrinks
			expansions += m.expansions
		}
	}
	// The structures must make the method do what they are meant to test.
	if trials < 500 || nested < trials/4 || expansions < trials/2 {
		t.Fatalf("%d graphs: %d blossoms, %d of them nested, %d inner blossoms expanded",
			trials, shrinks, nested, expansions)
	}
	t.Logf("%d graphs: %d blossoms, %d of them nested, %d inner blossoms expanded",
		trials, shrinks, nested, expansions)
}
