package debate

import (
	"cmp"
	"math/rand/v2"
	"slices"
)

// Standing is a team's record after the rounds played so far.
type Standing struct {
	Team Team
	// Rank is the team's place, from 1, by RankStandings's order.
	Rank int
	// Wins counts debates won and byes.
	Wins int
	// Points is the sum of the team's speaker scores.
	Points int
	// Prop and Opp count the debates on each side; Byes the rounds out.
	Prop, Opp, Byes int
	// Met lists the opponents in round order, once per meeting; Beat
	// those the team beat.
	Met, Beat []int64
	// DrawSeed is the team's place, from 1, in the tournament's seeded
	// random order: the last tie-break, and round 1's order.
	DrawSeed int
}

// met counts the meetings with team id.
func (s *Standing) met(id int64) int {
	n := 0
	for _, o := range s.Met {
		if o == id {
			n++
		}
	}
	return n
}

// drawSeeds gives each team (by position in t.Teams) its place in the
// seeded random order. Teams are first sorted by ID so the order does not
// depend on how the caller listed them.
func drawSeeds(t Tournament) []int {
	order := make([]int, len(t.Teams))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(t.Teams[a].ID, t.Teams[b].ID) })
	rng := rand.New(rand.NewPCG(t.Seed, streamDrawSeed))
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	seeds := make([]int, len(t.Teams))
	for place, i := range order {
		seeds[i] = place + 1
	}
	return seeds
}

// Streams of the seeded generator, so each use of the seed is
// independent of the others.
const (
	streamDrawSeed = 0x6472617773656564 // "drawseed"
	streamPairing  = 0x70616972696e6700 // "pairing"
)

// RankStandings orders the standings and sets their ranks: most wins
// first, then most speaker points, then head-to-head (among the teams
// level on both, the one that beat more of the others), then the draw
// seed.
func RankStandings(ss []Standing) {
	h2h := make([]int, len(ss))
	for i := range ss {
		for j := range ss {
			if i != j && ss[i].Wins == ss[j].Wins && ss[i].Points == ss[j].Points {
				for _, b := range ss[i].Beat {
					if b == ss[j].Team.ID {
						h2h[i]++
					}
				}
			}
		}
	}
	order := make([]int, len(ss))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		x, y := &ss[a], &ss[b]
		return cmp.Or(
			cmp.Compare(y.Wins, x.Wins),
			cmp.Compare(y.Points, x.Points),
			cmp.Compare(h2h[b], h2h[a]),
			cmp.Compare(x.DrawSeed, y.DrawSeed))
	})
	sorted := make([]Standing, len(ss))
	for place, i := range order {
		sorted[place] = ss[i]
		sorted[place].Rank = place + 1
	}
	copy(ss, sorted)
}
