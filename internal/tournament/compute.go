package tournament

import (
	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/errs"
)

// engine is the tournament as package debate computes on it.
func (b *Book) engine() debate.Tournament {
	t := debate.Tournament{Rules: b.Rules.debate(), Seed: uint64(b.Seed)}
	for _, tm := range b.Teams {
		t.Teams = append(t.Teams, debate.Team{ID: tm.ID, School: tm.School, Region: tm.Region})
	}
	return t
}

// judges are the judges as package debate allocates them; their
// conflicts are their school and region.
func (b *Book) judges() []debate.Judge {
	out := make([]debate.Judge, len(b.Judges))
	for i, j := range b.Judges {
		out[i] = debate.Judge{ID: j.ID, School: j.School, Region: j.Region, Strength: j.Strength}
	}
	return out
}

// Stage returns the rounds of one stage in order.
func (b *Book) Stage(st Stage) []Round {
	var out []Round
	for _, r := range b.Rounds {
		if r.Stage == st {
			out = append(out, r)
		}
	}
	return out
}

// Latest is the last round drawn, elimination rounds after the
// preliminaries, or nil.
func (b *Book) Latest() *Round {
	if e := b.Stage(Elim); len(e) > 0 {
		return &e[len(e)-1]
	}
	if p := b.Stage(Prelim); len(p) > 0 {
		return &p[len(p)-1]
	}
	return nil
}

// Standings tallies the preliminary rounds whose ballots are all in
// and returns the ranked standings (debate.RankStandings's rules: wins,
// then speaker points, then head-to-head, then the draw seed) and how
// many rounds they count.
func (b *Book) Standings() ([]debate.Standing, int, error) {
	var rounds []debate.Round
	for _, r := range b.Stage(Prelim) {
		if !r.Complete() {
			break
		}
		rounds = append(rounds, engineRound(r))
	}
	ss, err := debate.Tally(b.engine(), rounds)
	return ss, len(rounds), err
}

// Bracket replays the elimination rounds decided so far; nil before the
// break.
func (b *Book) Bracket() (*debate.Bracket, error) {
	elims := b.Stage(Elim)
	if len(elims) == 0 {
		return nil, nil
	}
	ss, _, err := b.Standings()
	if err != nil {
		return nil, err
	}
	br, err := debate.Break(ss, b.BreakSize)
	if err != nil {
		return nil, err
	}
	for _, r := range elims {
		if !r.Complete() {
			break
		}
		var winners []int64
		for _, d := range r.Debates {
			winners = append(winners, ballotOf(d).WinnerID())
		}
		if err := br.Record(winners); err != nil {
			return nil, err
		}
	}
	return br, nil
}

// Qualified lists the teams that go on to the national cup once the
// final is decided (debate.Bracket.Qualifiers), else nil.
func (b *Book) Qualified() ([]int64, error) {
	if b.State != Finished {
		return nil, nil
	}
	br, err := b.Bracket()
	if err != nil || br == nil {
		return nil, err
	}
	return br.Qualifiers(b.Qualifiers), nil
}

func engineRound(r Round) debate.Round {
	er := debate.Round{Draw: debate.Draw{Round: r.Number, Bye: r.Bye}}
	for _, d := range r.Debates {
		er.Draw.Debates = append(er.Draw.Debates, debate.Debate{Prop: d.Prop, Opp: d.Opp})
		if d.Ballot != nil {
			er.Ballots = append(er.Ballots, ballotOf(d))
		}
	}
	return er
}

func ballotOf(d Debate) debate.Ballot {
	b := debate.Ballot{Debate: debate.Debate{Prop: d.Prop, Opp: d.Opp}, Winner: debate.Opposition,
		PropScores: d.Ballot.PropScores, OppScores: d.Ballot.OppScores}
	if d.Ballot.Winner == "prop" {
		b.Winner = debate.Proposition
	}
	return b
}

// parseSide reads a winner as forms and the API give it.
func parseSide(s string) (debate.Side, error) {
	switch s {
	case "prop":
		return debate.Proposition, nil
	case "opp":
		return debate.Opposition, nil
	case "":
		return 0, errs.Validation(errs.Field("winner", "error.debate_winner_required"))
	}
	return 0, errs.Validation(errs.Field("winner", "error.tournament_one_winner"))
}
