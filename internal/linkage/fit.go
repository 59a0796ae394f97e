package linkage

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// randomU measures u on random pairs: how often two records, drawn at
// random and so nearly always of different people, reach each level.
// The draws are split among the processors, each with its own seeded
// generator, so the run is reproducible. A pseudo-count of one keeps
// every level possible.
func randomU(left, right *Dataset, cs []comparator, samples int) [][]float64 {
	workers := runtime.GOMAXPROCS(0)
	accs := make([]acc, workers)
	var wg sync.WaitGroup
	for w := range workers {
		accs[w] = newAcc(cs)
		if left.Len() == 0 || right.Len() == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(1, uint64(w)))
			lv := make([]uint8, len(cs))
			memo := new(nameMemo)
			for range samples / workers {
				i, j := rng.IntN(left.Len()), rng.IntN(right.Len())
				levels(cs, left, i, right, j, lv, memo)
				for k, l := range lv {
					accs[w][k][l]++
				}
			}
		}()
	}
	wg.Wait()
	u := newAcc(cs)
	u.reset(1)
	for _, a := range accs {
		for k := range a {
			for l, n := range a[k] {
				u[k][l] += n
			}
		}
	}
	p := newAcc(cs)
	u.normaliseInto(p)
	return p
}

// uSamples is how many random pairs measure u: enough for levels as
// rare as one pair in ten thousand to be seen, more for bigger lists.
func uSamples(left, right *Dataset) int {
	return min(200_000, max(50_000, 10*(left.Len()+right.Len())))
}

// patternList turns counts into a list in a fixed order, so that the
// sums, and so the run, are reproducible.
func patternList(counts map[uint32]float64, cs []comparator, c codec) []patternCount {
	keys := make([]uint32, 0, len(counts))
	for p := range counts {
		keys = append(keys, p)
	}
	slices.Sort(keys)
	out := make([]patternCount, len(keys))
	for i, p := range keys {
		lv := make([]uint8, len(cs))
		c.decode(p, cs, lv)
		out[i] = patternCount{lv, counts[p]}
	}
	return out
}

// fit estimates the model of a run from its candidate pairs, the way
// docs/architecture.md describes: u from random pairs; m by EM within the
// pairs of each blocking rule, for the comparators that rule does not
// block on, averaged over the rules weighted by their expected matches;
// then the share of matches among all space pairs of the run by EM
// with m and u fixed. It returns the model and the weight of each pattern seen.
func fit(left, right *Dataset, cs []comparator, c codec, ps [][]pair, space float64) (*Model, map[uint32]float64) {
	return fitWith(left, right, cs, c, ps, space, false)
}

// fitWith is fit, with each rule's fit made robust (see ruleFit) when
// robust is set.
func fitWith(left, right *Dataset, cs []comparator, c codec, ps [][]pair, space float64, robust bool) (*Model, map[uint32]float64) {
	all, byRule := countPatterns(ps)
	u := randomU(left, right, cs, uSamples(left, right))
	var rules [numRules]ruleFit
	for r, counts := range byRule {
		rules[r] = newRuleFit(r, cs, c, counts, u, robust)
	}
	list := patternList(all, cs, c)
	model := &Model{Comparators: cs, U: u}
	var unknown []bool
	model.M, unknown = pool(cs, rules[:])
	model.Prior = emPrior(list, model.M, model.U, space)
	if robust && slices.Contains(unknown, true) {
		estimateRest(model, list, unknown)
		model.Prior = emPrior(list, model.M, model.U, space)
	}
	for _, r := range rules {
		model.Iterations += r.iterations
	}
	model.weigh()
	weights := make(map[uint32]float64, len(all))
	lv := make([]uint8, len(cs))
	for p := range all {
		weights[p] = model.weight(c, p, lv)
	}
	return model, weights
}

// anchored reports whether the national ID anchors a fit of candidate
// pairs: whether at least one pair in a thousand records agrees on it
// exactly. Such pairs are nearly all matches (two people share an ID
// number by chance about once in 10⁵ random pairs), so they pin each
// rule's match class, as on FEBRL. A registry never holds two live
// records with one ID number: there no pair agrees on it, nothing pins
// the match class, and the fit must be robust (see ruleFit).
func anchored(cs []comparator, c codec, ps [][]pair, records int) bool {
	k := slices.IndexFunc(cs, func(cm comparator) bool { return cm.kind == kindNatID })
	if k < 0 {
		return false
	}
	n := 0
	for _, part := range ps {
		for _, p := range part {
			if p.pattern/c.radix[k]%uint32(cs[k].Levels) == idExact {
				n++
			}
		}
	}
	return n > 0 && n >= records/1000
}
