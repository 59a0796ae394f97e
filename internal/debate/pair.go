package debate

import (
	"math/rand/v2"
	"slices"

	"github.com/jolproject/jol/internal/errs"
)

// Pair draws round number round from the standings after the rounds
// before it (Tally's output; for round 1, Tally of no rounds). Round 1
// is thus a seeded random draw and later rounds are power-paired, by one
// rule: see the package comment. The result is optimal: no other draw
// gives up fewer wishes of a more important kind.
func Pair(t Tournament, round int, standings []Standing) (Draw, error) {
	if err := t.Validate(); err != nil {
		return Draw{}, err
	}
	idx := t.index()
	seen := make(map[int64]bool, len(standings))
	for _, s := range standings {
		if _, ok := idx[s.Team.ID]; !ok || seen[s.Team.ID] {
			return Draw{}, errs.New(errs.Invalid, "error.debate_standings_mismatch")
		}
		seen[s.Team.ID] = true
	}
	if len(standings) != len(t.Teams) {
		return Draw{}, errs.New(errs.Invalid, "error.debate_standings_mismatch")
	}
	ss := slices.Clone(standings)
	slices.SortFunc(ss, func(a, b Standing) int { return a.Rank - b.Rank })
	draw := Draw{Round: round}
	if len(ss)%2 == 1 {
		b := byeTeam(ss)
		draw.Bye = ss[b].Team.ID
		ss = slices.Delete(ss, b, b+1)
	}
	rng := rand.New(rand.NewPCG(t.Seed^uint64(round), streamPairing))
	p := newPairing(ss, rng)
	mate, err := p.match()
	if err != nil {
		return Draw{}, err
	}
	for i, j := range mate {
		if i < j {
			draw.Debates = append(draw.Debates, p.sides(i, j, rng))
		}
	}
	// The top debates first, as the tab room reads them.
	slices.SortStableFunc(draw.Debates, func(a, b Debate) int {
		return min(p.rank[a.Prop], p.rank[a.Opp]) - min(p.rank[b.Prop], p.rank[b.Opp])
	})
	draw.Relaxations = p.relaxations(draw.Debates)
	return draw, nil
}

// byeTeam picks the team that sits out: among the teams with the fewest
// byes, the lowest-ranked one. ss is sorted by rank.
func byeTeam(ss []Standing) int {
	best := len(ss) - 1
	for i := len(ss) - 1; i >= 0; i-- {
		if ss[i].Byes < ss[best].Byes {
			best = i
		}
	}
	return best
}

// sides gives proposition to the team of the two that argued it less
// (Prop − Opp lower), by a seeded coin when they are level.
func (p *pairing) sides(i, j int, rng *rand.Rand) Debate {
	a, b := &p.ss[i], &p.ss[j]
	bi, bj := a.Prop-a.Opp, b.Prop-b.Opp
	if bj < bi || bi == bj && rng.IntN(2) == 1 {
		a, b = b, a
	}
	return Debate{Prop: a.Team.ID, Opp: b.Team.ID}
}
