package debate

import (
	"fmt"

	"github.com/jolproject/jol/internal/errs"
)

// Draw is the pairing of one round.
type Draw struct {
	Round   int
	Debates []Debate
	// Bye is the team that sits out the round, or 0.
	Bye int64
	// Relaxations are the wishes the draw had to give up, most
	// important first.
	Relaxations []Relaxation
}

// Round is a preliminary round played: its draw and one ballot for each
// of its debates.
type Round struct {
	Draw    Draw
	Ballots []Ballot
}

// Tally checks the rounds played and returns the ranked standings.
// Every team must be in exactly one debate of each round or have its
// bye, and every debate must have one valid ballot.
func Tally(t Tournament, rounds []Round) ([]Standing, error) {
	if err := t.Validate(); err != nil {
		return nil, err
	}
	idx := t.index()
	seeds := drawSeeds(t)
	ss := make([]Standing, len(t.Teams))
	for i, tm := range t.Teams {
		ss[i] = Standing{Team: tm, DrawSeed: seeds[i]}
	}
	for n, r := range rounds {
		if err := tallyRound(t, idx, ss, r); err != nil {
			return nil, fmt.Errorf("round %d: %w", n+1, err)
		}
	}
	RankStandings(ss)
	return ss, nil
}

func tallyRound(t Tournament, idx map[int64]int, ss []Standing, r Round) error {
	seen := make([]bool, len(ss))
	take := func(id int64) (int, error) {
		i, ok := idx[id]
		if !ok {
			return 0, errs.New(errs.Invalid, "error.debate_unknown_team", "ID", id)
		}
		if seen[i] {
			return 0, errs.New(errs.Invalid, "error.debate_team_twice", "ID", id)
		}
		seen[i] = true
		return i, nil
	}
	if r.Draw.Bye != 0 {
		i, err := take(r.Draw.Bye)
		if err != nil {
			return err
		}
		ss[i].Wins++
		ss[i].Byes++
	}
	ballots := make(map[Debate]Ballot, len(r.Ballots))
	for _, b := range r.Ballots {
		ballots[b.Debate] = b
	}
	if len(ballots) != len(r.Ballots) || len(r.Ballots) != len(r.Draw.Debates) {
		return errs.New(errs.Invalid, "error.debate_ballots_mismatch")
	}
	for _, d := range r.Draw.Debates {
		b, ok := ballots[d]
		if !ok {
			return errs.New(errs.Invalid, "error.debate_ballots_mismatch")
		}
		if err := ValidateBallot(t.Rules, b); err != nil {
			return err
		}
		p, err := take(d.Prop)
		if err != nil {
			return err
		}
		o, err := take(d.Opp)
		if err != nil {
			return err
		}
		ss[p].Prop++
		ss[o].Opp++
		ss[p].Points += b.Total(Proposition)
		ss[o].Points += b.Total(Opposition)
		ss[p].Met = append(ss[p].Met, d.Opp)
		ss[o].Met = append(ss[o].Met, d.Prop)
		w, l := idx[b.WinnerID()], idx[b.LoserID()]
		ss[w].Wins++
		ss[w].Beat = append(ss[w].Beat, ss[l].Team.ID)
	}
	for i, ok := range seen {
		if !ok {
			return errs.New(errs.Invalid, "error.debate_team_missing", "ID", ss[i].Team.ID)
		}
	}
	return nil
}
