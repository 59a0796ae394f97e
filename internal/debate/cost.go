package debate

import (
	"math/rand/v2"

	"github.com/jolproject/jol/internal/errs"
)

// The tiers of a pairing's cost, from the most important wish down; see
// the package comment.
const (
	tierRepeat = iota
	tierBracket
	tierSchool
	tierRegion
	tierSides
	tierOrder
	tierRandom
	numTiers
)

// randomRange bounds the random tier's values: wide enough to choose
// fairly between many equal draws, small enough to keep the weights of a
// large tournament within range.
const randomRange = 1 << 12

// pairing holds the teams of one draw (without the bye) and their cost.
type pairing struct {
	ss   []Standing
	rank map[int64]int
	// fromTop and fromBottom are each team's place in its bracket (teams
	// on the same wins), counted from 0 at either end.
	fromTop, fromBottom []int
	random              [][]int64 // random[i][j] for i < j
}

func newPairing(ss []Standing, rng *rand.Rand) *pairing {
	n := len(ss)
	p := &pairing{ss: ss, rank: make(map[int64]int, n),
		fromTop: make([]int, n), fromBottom: make([]int, n), random: make([][]int64, n)}
	for i := range ss {
		p.rank[ss[i].Team.ID] = i
		p.random[i] = make([]int64, n)
		for j := i + 1; j < n; j++ {
			p.random[i][j] = rng.Int64N(randomRange)
		}
	}
	for start := 0; start < n; {
		end := start
		for end < n && ss[end].Wins == ss[start].Wins {
			end++
		}
		for i := start; i < end; i++ {
			p.fromTop[i], p.fromBottom[i] = i-start, end-1-i
		}
		start = end
	}
	return p
}

// tiers returns the cost of pairing teams i and j, one value per tier.
func (p *pairing) tiers(i, j int) (c [numTiers]int64) {
	a, b := &p.ss[i], &p.ss[j]
	c[tierRepeat] = int64(a.met(b.Team.ID))
	d := int64(a.Wins - b.Wins)
	c[tierBracket] = d * d
	if a.Team.School != "" && a.Team.School == b.Team.School {
		c[tierSchool] = 1
	}
	if a.Team.Region != "" && a.Team.Region == b.Team.Region {
		c[tierRegion] = 1
	}
	ba, bb := a.Prop-a.Opp, b.Prop-b.Opp
	if ba > 0 && bb > 0 || ba < 0 && bb < 0 {
		c[tierSides] = int64(min(abs(ba), abs(bb)))
	}
	switch {
	case a.Wins > b.Wins: // b pulled up, a pulled down
		c[tierOrder] = int64(p.fromTop[j] + p.fromBottom[i])
	case a.Wins < b.Wins:
		c[tierOrder] = int64(p.fromTop[i] + p.fromBottom[j])
	}
	c[tierRandom] = p.random[min(i, j)][max(i, j)]
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// match finds the pairing of least cost: a maximum-weight perfect
// matching of the complete graph whose weights are a constant minus the
// costs, each tier scaled above the largest total of the tiers below.
func (p *pairing) match() ([]int, error) {
	n := len(p.ss)
	var edges []wedge
	var costs [][numTiers]int64
	var top [numTiers]int64
	for i := range n {
		for j := i + 1; j < n; j++ {
			c := p.tiers(i, j)
			for t, v := range c {
				top[t] = max(top[t], v)
			}
			edges = append(edges, wedge{u: i, v: j})
			costs = append(costs, c)
		}
	}
	var scale [numTiers]weight
	bound, ok := wInt(1), true
	for t := numTiers - 1; t >= 0 && ok; t-- {
		scale[t] = bound
		bound, ok = bound.mulSmall(uint64(n/2)*uint64(top[t]) + 1)
	}
	// An edge costs at most (bound−1)/(n/2), the tiers' scales
	// telescoping, so n/2 times the weights' spread stays below bound,
	// as maxWeightMatching requires.
	if !ok {
		return nil, errs.New(errs.Invalid, "error.debate_too_large")
	}
	for k := range edges {
		w := bound
		for t, v := range costs[k] {
			sv, _ := scale[t].mulSmall(uint64(v)) // ≤ bound: cannot overflow
			w = w.sub(sv)
		}
		edges[k].w = w
	}
	return maxWeightMatching(n, edges), nil
}
