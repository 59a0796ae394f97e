package linkage

import (
	"math"
	"slices"
)

// Link is a linked (or candidate) pair with its weight.
type Link struct {
	Left, Right int
	Weight      float64
}

// LinkResult is the outcome of linking two lists.
type LinkResult struct {
	Model  *Model
	Links  []Link // one-to-one, by right record: see acceptable
	Review []Link // the other pairs of the clerical band whose records are both unlinked
	Stats  Stats
	// Greedy is the number of connected components too big to assign
	// exactly, which were assigned greedily by weight.
	Greedy int
}

// LinkLists links two lists that share lex. Every right record is
// linked to at most one left record and every left record to at most
// one right record.
func LinkLists(left, right *Dataset) *LinkResult {
	return LinkDecided(left, right, nil)
}

// LinkDecided is LinkLists with a reviewer's decisions (nil: none). The
// pairs marked match are linked, with the weight the model gives them,
// and their records are linked to nothing else; the pairs marked
// nonmatch are never linked. No decided pair is put up for review.
func LinkDecided(left, right *Dataset, dec *Decisions) *LinkResult {
	cs := comparators(left, right)
	c := newCodec(cs)
	ix := newBlockIndex(left)
	ps, st := candidates(left, right, ix, false, cs, c)
	m, weights := fit(left, right, cs, c, ps, float64(left.Len())*float64(right.Len()))
	st.Patterns = len(weights)
	forced := [2][]bool{make([]bool, left.Len()), make([]bool, right.Len())}
	decided := dec.matches(&forced)
	var cands []Link
	for _, part := range ps {
		for _, p := range part {
			if w := weights[p.pattern]; w >= m.Review && !dec.decided(int(p.l), int(p.r), &forced) {
				cands = append(cands, Link{int(p.l), int(p.r), w})
			}
		}
	}
	lv := make([]uint8, len(cs))
	fixed := make([]Link, 0, len(decided))
	for _, k := range decided {
		levels(cs, left, k[0], right, k[1], lv, nil)
		fixed = append(fixed, Link{k[0], k[1], m.weight(c, c.encode(lv), lv)})
	}
	res := settle(cands, fixed, left.Len(), right.Len(), m)
	res.Stats = st
	return res
}

// settle assigns the candidate pairs of the review band and above one
// to one, adds the links fixed by a reviewer (whose records no candidate
// names), and keeps the other pairs of the band whose records both stay
// unlinked for review.
func settle(cands, fixed []Link, nl, nr int, m *Model) *LinkResult {
	edges, band := acceptable(cands, nl, nr, m.Match)
	links, greedy := assign(edges, m.Review)
	links = append(links, fixed...)
	slices.SortFunc(links, func(a, b Link) int { return a.Right - b.Right })
	usedL, usedR := make([]bool, nl), make([]bool, nr)
	for _, l := range links {
		usedL[l.Left], usedR[l.Right] = true, true
	}
	var review []Link
	for _, b := range band {
		if !usedL[b.Left] && !usedR[b.Right] {
			review = append(review, b)
		}
	}
	slices.SortFunc(review, func(a, b Link) int {
		if a.Right != b.Right {
			return a.Right - b.Right
		}
		return a.Left - b.Left
	})
	return &LinkResult{Model: m, Links: links, Review: review, Greedy: greedy}
}

// LeftOnly counts the left records of n with no partner: named by no
// link and no pair for review.
func (r *LinkResult) LeftOnly(n int) int {
	seen := make([]bool, n)
	for _, set := range [][]Link{r.Links, r.Review} {
		for _, l := range set {
			if !seen[l.Left] {
				seen[l.Left] = true
				n--
			}
		}
	}
	return n
}

// acceptable splits the candidate pairs of the review band and above
// into those that may be linked and the rest. A pair may be linked when
// it weighs at least the match threshold, or when it is in the review
// band but is the best candidate, without a tie, of both its records:
// then nothing competes with it, and leaving it out would call a child
// unmatched whom the evidence, weak as it is, points to one partner.
func acceptable(cands []Link, nl, nr int, match float64) (edges, rest []Link) {
	bestL, bestR := make([]float64, nl), make([]float64, nr)
	tieL, tieR := make([]bool, nl), make([]bool, nr)
	for i := range bestL {
		bestL[i] = math.Inf(-1)
	}
	for i := range bestR {
		bestR[i] = math.Inf(-1)
	}
	for _, c := range cands {
		switch {
		case c.Weight > bestL[c.Left]:
			bestL[c.Left], tieL[c.Left] = c.Weight, false
		case c.Weight == bestL[c.Left]:
			tieL[c.Left] = true
		}
		switch {
		case c.Weight > bestR[c.Right]:
			bestR[c.Right], tieR[c.Right] = c.Weight, false
		case c.Weight == bestR[c.Right]:
			tieR[c.Right] = true
		}
	}
	for _, c := range cands {
		mutual := c.Weight == bestL[c.Left] && !tieL[c.Left] && c.Weight == bestR[c.Right] && !tieR[c.Right]
		if c.Weight >= match || mutual {
			edges = append(edges, c)
		} else {
			rest = append(rest, c)
		}
	}
	return edges, rest
}
