package linkage

import "slices"

// Link is a linked (or candidate) pair with its weight.
type Link struct {
	Left, Right int
	Weight      float64
}

// LinkResult is the outcome of linking two lists.
type LinkResult struct {
	Model  *Model
	Links  []Link // one-to-one, each weighing at least Model.Match, by right record
	Review []Link // pairs in the clerical band whose records are both unlinked
	Stats  Stats
	// Greedy is the number of connected components too big to assign
	// exactly, which were assigned greedily by weight.
	Greedy int
}

// LinkLists links two lists that share lex. Every right record is
// linked to at most one left record and every left record to at most
// one right record.
func LinkLists(left, right *Dataset) *LinkResult {
	cs := comparators(left, right)
	c := newCodec(cs)
	ix := newBlockIndex(left)
	ps, st := candidates(left, right, ix, false, cs, c)
	m, weights, np := fit(left, right, cs, c, ps, min(left.Len(), right.Len()))
	st.Patterns = np
	var edges, band []Link
	for _, part := range ps {
		for _, p := range part {
			w := weights[p.pattern]
			switch {
			case w >= m.Match:
				edges = append(edges, Link{int(p.l), int(p.r), w})
			case w >= m.Review:
				band = append(band, Link{int(p.l), int(p.r), w})
			}
		}
	}
	links, greedy := assign(edges, m.Match)
	slices.SortFunc(links, func(a, b Link) int { return a.Right - b.Right })
	usedL, usedR := make([]bool, left.Len()), make([]bool, right.Len())
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
	return &LinkResult{Model: m, Links: links, Review: review, Stats: st, Greedy: greedy}
}
