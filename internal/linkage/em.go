package linkage

import (
	"math"
)

// patternCount is how many candidate pairs share one pattern of levels.
type patternCount struct {
	levels []uint8
	n      float64
}

// emM estimates, by expectation–maximisation, the share of matches among
// the pairs counted and m for the comparators not excluded, with u held
// at its value on random pairs. Conditional independence of the
// comparators is assumed, which blocking breaks for the fields a rule's
// key agrees on: those are excluded and estimated from other rules.
// Level 0 (missing) carries no information. With freeU, u of the
// non-matches is fitted among the pairs counted too, starting from the
// random pairs' (see ruleFit).
// It returns m, the expected number of matches, and the iterations run.
func emM(cs []comparator, counts []patternCount, u [][]float64, exclude []bool, prior float64, freeU bool) ([][]float64, float64, int) {
	m := make([][]float64, len(cs))
	for k, c := range cs {
		m[k] = make([]float64, c.Levels)
		for l := 2; l < c.Levels; l++ {
			m[k][l] = 0.1 / float64(c.Levels-2)
		}
		m[k][1] = 0.9
	}
	mAcc, uAcc := newAcc(cs), newAcc(cs)
	total := 0.0
	uAcc.reset(1)
	for _, pc := range counts {
		total += pc.n
		for k, l := range pc.levels {
			uAcc[k][l] += pc.n
		}
	}
	if freeU {
		// Nearly all the pairs are non-matches: their u starts at the
		// levels of all the pairs counted.
		u = clone(u)
		uAcc.normaliseInto(u)
	}
	// EM creeps towards a small match class: a few thousand matches
	// among a million pairs move by less than 1e-6 of the share per
	// iteration long before they settle. A robust fit, which has no
	// anchor to jump to them, measures the share's change relative to
	// the share and runs long enough to settle (each iteration costs one
	// pass over a few hundred patterns).
	maxIt := 100
	if freeU {
		maxIt = 5000
	}
	matched, it := 0.0, 0
	for it = 1; it <= maxIt; it++ {
		mAcc.reset(1)
		uAcc.reset(1)
		matched = 0
		for _, pc := range counts {
			post := posterior(pc.levels, m, u, exclude, prior)
			matched += post * pc.n
			for k, l := range pc.levels {
				if l != 0 && !exclude[k] {
					mAcc[k][l] += post * pc.n
					uAcc[k][l] += (1 - post) * pc.n
				}
			}
		}
		next := math.Min(math.Max(matched/total, 1e-9), 1-1e-9)
		change := math.Abs(next - prior)
		if freeU {
			change /= prior
		}
		prior = next
		change = math.Max(change, mAcc.normaliseInto(m))
		if freeU {
			change = math.Max(change, uAcc.normaliseInto(u))
		}
		if change < 1e-6 {
			break
		}
	}
	return m, matched, it
}

// emPrior estimates the share of matches among all the pairs of the
// run, space of them, by EM with m and u fixed. Pairs that no blocking
// key proposed count as non-matches: u comes from random pairs, so the
// weights speak for the whole space and so must the prior.
func emPrior(counts []patternCount, m, u [][]float64, space float64) float64 {
	exclude := make([]bool, len(m))
	prior := 1 / space
	for range 200 {
		matched := 0.0
		for _, pc := range counts {
			matched += posterior(pc.levels, m, u, exclude, prior) * pc.n
		}
		next := math.Min(math.Max(matched/space, 1e-15), 0.5)
		if math.Abs(next-prior) <= 1e-6*prior {
			return next
		}
		prior = next
	}
	return prior
}

// posterior is the probability that a pair with these levels is a match.
func posterior(lv []uint8, m, u [][]float64, exclude []bool, prior float64) float64 {
	// In log space: a pattern of many agreeing fields has tiny products.
	logOdds := math.Log(prior / (1 - prior))
	for k, l := range lv {
		if l != 0 && !exclude[k] {
			logOdds += math.Log(m[k][l] / u[k][l])
		}
	}
	return 1 / (1 + math.Exp(-logOdds))
}

// acc accumulates expected level counts per comparator.
type acc [][]float64

func newAcc(cs []comparator) acc {
	a := make(acc, len(cs))
	for k, c := range cs {
		a[k] = make([]float64, c.Levels)
	}
	return a
}

func (a acc) reset(pseudo float64) {
	for k := range a {
		for l := range a[k] {
			a[k][l] = pseudo
		}
	}
}

// normaliseInto writes the accumulated distributions (levels 1 and up)
// into p and returns the largest change.
func (a acc) normaliseInto(p [][]float64) float64 {
	change := 0.0
	for k := range a {
		sum := 0.0
		for l := 1; l < len(a[k]); l++ {
			sum += a[k][l]
		}
		for l := 1; l < len(a[k]); l++ {
			v := a[k][l] / sum
			change = math.Max(change, math.Abs(v-p[k][l]))
			p[k][l] = v
		}
	}
	return change
}

// clone copies a table of probabilities.
func clone(p [][]float64) [][]float64 {
	out := make([][]float64, len(p))
	for k := range p {
		out[k] = append([]float64(nil), p[k]...)
	}
	return out
}
