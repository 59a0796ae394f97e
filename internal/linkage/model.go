package linkage

import (
	"math"
)

// Model is a fitted Fellegi–Sunter model: for each comparator and level,
// m (the probability of the level among pairs of one person) and u
// (among pairs of different people), the share of matches among the
// candidate pairs, and the weights and thresholds they give.
type Model struct {
	Comparators []comparator
	M, U        [][]float64 // [comparator][level]; level 0 unused
	Prior       float64     // share of candidate pairs that are matches
	Weights     [][]float64 // log2(m/u), level 0 weighs 0
	Match       float64     // pairs weighing at least this are links
	Review      float64     // pairs from Review up to Match go to clerical review
	Iterations  int         // EM iterations run
}

// Posterior returns the probability that a pair of weight w is a match.
func (m *Model) Posterior(w float64) float64 {
	return 1 / (1 + (1-m.Prior)/m.Prior*math.Exp2(-w))
}

// codec turns a pair's levels into one pattern number and back.
type codec struct{ radix []uint32 }

func newCodec(cs []comparator) codec {
	r := make([]uint32, len(cs))
	p := uint32(1)
	for k, c := range cs {
		r[k] = p
		p *= uint32(c.Levels)
	}
	return codec{radix: r}
}

func (c codec) encode(lv []uint8) uint32 {
	var p uint32
	for k, l := range lv {
		p += uint32(l) * c.radix[k]
	}
	return p
}

func (c codec) decode(p uint32, cs []comparator, lv []uint8) {
	for k := range cs {
		lv[k] = uint8(p / c.radix[k] % uint32(cs[k].Levels))
	}
}

// weigh sets the weights from m and u and the thresholds from the prior.
// A better level never weighs less than a worse one: when the estimates
// say otherwise (few pairs at that level), the better level gets the
// worse level's weight. The match threshold is the weight at which a
// pair is as likely a match as not (posterior 1/2); the review band
// reaches down to posterior 1/20.
func (m *Model) weigh() {
	m.Weights = make([][]float64, len(m.Comparators))
	for k, c := range m.Comparators {
		w := make([]float64, c.Levels)
		for l := c.Levels - 1; l >= 1; l-- {
			w[l] = math.Log2(m.M[k][l] / m.U[k][l])
			if l < c.Levels-1 && w[l] < w[l+1] {
				w[l] = w[l+1]
			}
		}
		m.Weights[k] = w
	}
	odds := (1 - m.Prior) / m.Prior
	m.Match = math.Log2(odds)
	m.Review = math.Log2(odds / 19)
}

// weight returns the weight of a pattern.
func (m *Model) weight(c codec, p uint32, lv []uint8) float64 {
	c.decode(p, m.Comparators, lv)
	w := 0.0
	for k, l := range lv {
		w += m.Weights[k][l]
	}
	return w
}
