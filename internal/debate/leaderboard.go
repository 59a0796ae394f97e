package debate

import (
	"cmp"
	"slices"
)

// CaseStanding is a team's place in a case championship.
type CaseStanding struct {
	Team int64
	// Rank is the place from 1; teams no juror has scored come last,
	// with Jurors 0.
	Rank   int
	Jurors int
	// Score is the weighted mean across jurors, Num/Den exactly: each
	// juror's Σ weight × score over Σ weight, averaged over the jurors.
	Num, Den int64
	// ByCriterion is Σ over jurors of each criterion's score, in rubric
	// order, for the tie-breaks.
	ByCriterion []int64
}

// Score is the team's total as a number for display.
func (s CaseStanding) Score() float64 {
	if s.Den == 0 {
		return 0
	}
	return float64(s.Num) / float64(s.Den)
}

// Leaderboard ranks the teams by their total, the weighted mean across
// jurors. Ties are broken by the mean score on the heaviest criterion,
// then the next heaviest, and so on (criteria of equal weight in rubric
// order), and last by registration order (the order of Teams).
func (c *Championship) Leaderboard() []CaseStanding {
	var wsum int64
	for _, cr := range c.Rubric {
		wsum += int64(cr.Weight)
	}
	// The tie-break order of the criteria.
	crit := make([]int, len(c.Rubric))
	for i := range crit {
		crit[i] = i
	}
	slices.SortStableFunc(crit, func(a, b int) int { return c.Rubric[b].Weight - c.Rubric[a].Weight })
	out := make([]CaseStanding, len(c.Teams))
	for t, tm := range c.Teams {
		s := CaseStanding{Team: tm.ID, ByCriterion: make([]int64, len(c.Rubric))}
		for _, j := range c.Jurors {
			sc, ok := c.scores[[2]int64{j.ID, tm.ID}]
			if !ok {
				continue
			}
			s.Jurors++
			for i, cr := range c.Rubric {
				s.Num += int64(cr.Weight) * int64(sc[cr.Key])
				s.ByCriterion[i] += int64(sc[cr.Key])
			}
		}
		s.Den = wsum * int64(s.Jurors)
		out[t] = s
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := &out[a], &out[b]
		if (x.Jurors == 0) != (y.Jurors == 0) {
			return cmp.Compare(y.Jurors, x.Jurors) // the unscored last
		}
		if x.Jurors == 0 {
			return 0
		}
		// Compare the fractions exactly: x.Num/x.Den against y.Num/y.Den.
		if r := cmp.Compare(y.Num*x.Den, x.Num*y.Den); r != 0 {
			return r
		}
		for _, i := range crit {
			// Means per juror: ByCriterion/Jurors, compared exactly.
			if r := cmp.Compare(y.ByCriterion[i]*int64(x.Jurors), x.ByCriterion[i]*int64(y.Jurors)); r != 0 {
				return r
			}
		}
		return 0 // registration order: the sort is stable
	})
	ranked := make([]CaseStanding, len(out))
	for place, i := range order {
		ranked[place] = out[i]
		ranked[place].Rank = place + 1
	}
	return ranked
}
