package linkage

import (
	"math"
)

// patternCount is how many candidate pairs share one pattern of levels.
type patternCount struct {
	pattern uint32
	n       float64
}

// fitEM estimates m, u and the prior from the patterns of the candidate
// pairs by expectation–maximisation under conditional independence of
// the comparators, starting from u measured on random pairs and m that
// favours agreement. Level 0 (missing) carries no information and is
// left out of both. A pseudo-count keeps every probability above zero.
func fitEM(cs []comparator, c codec, counts []patternCount, u0 [][]float64, prior0 float64) *Model {
	m := &Model{Comparators: cs, Prior: prior0, M: make([][]float64, len(cs)), U: make([][]float64, len(cs))}
	for k, cm := range cs {
		m.M[k] = make([]float64, cm.Levels)
		m.U[k] = append([]float64(nil), u0[k]...)
		// Start m at 0.9 for the top level, the rest shared by the others.
		for l := 1; l < cm.Levels; l++ {
			m.M[k][l] = 0.1 / float64(cm.Levels-2)
		}
		m.M[k][1] = 0.9
	}
	lv := make([]uint8, len(cs))
	decoded := make([][]uint8, len(counts))
	total := 0.0
	for i, pc := range counts {
		c.decode(pc.pattern, cs, lv)
		decoded[i] = append([]uint8(nil), lv...)
		total += pc.n
	}
	mAcc, uAcc := newAcc(cs), newAcc(cs)
	const pseudo = 0.5
	for it := 1; it <= 200; it++ {
		m.Iterations = it
		mAcc.reset(pseudo)
		uAcc.reset(pseudo)
		matched := 0.0
		for i, pc := range counts {
			pm, pu := m.Prior, 1-m.Prior
			for k, l := range decoded[i] {
				if l != 0 {
					pm *= m.M[k][l]
					pu *= m.U[k][l]
				}
			}
			post := pm / (pm + pu)
			if math.IsNaN(post) {
				post = 0
			}
			matched += post * pc.n
			for k, l := range decoded[i] {
				if l != 0 {
					mAcc[k][l] += post * pc.n
					uAcc[k][l] += (1 - post) * pc.n
				}
			}
		}
		prior := math.Min(math.Max(matched/total, 1e-9), 1-1e-9)
		change := math.Abs(prior - m.Prior)
		m.Prior = prior
		change = math.Max(change, mAcc.normaliseInto(m.M))
		change = math.Max(change, uAcc.normaliseInto(m.U))
		if change < 1e-7 {
			break
		}
	}
	m.weigh()
	return m
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
