package linkage

import (
	"math/rand/v2"
	"slices"
)

// randomU measures u on random pairs: how often two records of
// different people, drawn at random, reach each level. With a fixed seed
// the run is reproducible. A pseudo-count of one keeps every level
// possible.
func randomU(left, right *Dataset, cs []comparator, samples int) [][]float64 {
	u := newAcc(cs)
	u.reset(1)
	rng := rand.New(rand.NewPCG(1, 2))
	lv := make([]uint8, len(cs))
	if left.Len() > 0 && right.Len() > 0 {
		for range samples {
			i, j := rng.IntN(left.Len()), rng.IntN(right.Len())
			levels(cs, left, i, right, j, lv)
			for k, l := range lv {
				u[k][l]++
			}
		}
	}
	p := newAcc(cs)
	u.normaliseInto(p)
	return p
}

// fit estimates the model of a run from its candidate pairs. The
// starting prior assumes that each record of the smaller list has about
// one partner among the candidates.
func fit(left, right *Dataset, cs []comparator, c codec, ps [][]pair, expected int) (*Model, map[uint32]float64, int) {
	counts := countPatterns(ps)
	list := make([]patternCount, 0, len(counts))
	total := 0.0
	for p, n := range counts {
		list = append(list, patternCount{p, n})
		total += n
	}
	// A fixed order makes the sums, and so the run, reproducible.
	slices.SortFunc(list, func(a, b patternCount) int { return int(a.pattern) - int(b.pattern) })
	prior := 0.1
	if total > 0 {
		prior = min(max(float64(expected)/total, 1e-4), 0.5)
	}
	m := fitEM(cs, c, list, randomU(left, right, cs, 200_000), prior)
	weights := make(map[uint32]float64, len(counts))
	lv := make([]uint8, len(cs))
	for p := range counts {
		weights[p] = m.weight(c, p, lv)
	}
	return m, weights, len(counts)
}
