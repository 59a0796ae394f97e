package debate

import (
	"testing"

	"github.com/jolproject/jol/internal/errs"
)

func TestBallotValidation(t *testing.T) {
	ok := Ballot{Debate: Debate{Prop: 1, Opp: 2}, Winner: Opposition,
		PropScores: []int{70, 71, 72}, OppScores: []int{75, 74, 73}}
	if err := ValidateBallot(DefaultRules, ok); err != nil {
		t.Fatalf("valid ballot refused: %v", err)
	}
	for name, tc := range map[string]struct {
		edit func(b *Ballot)
		key  string
	}{
		"score below range": {func(b *Ballot) { b.PropScores[0] = 49 }, "error.debate_score_range"},
		"score above range": {func(b *Ballot) { b.OppScores[2] = 101 }, "error.debate_score_range"},
		"a speaker missing": {func(b *Ballot) { b.OppScores = b.OppScores[:2] }, "error.debate_speaker_count"},
		"low-point win":     {func(b *Ballot) { b.Winner = Proposition }, "error.debate_low_point_win"},
		"a tie on points":   {func(b *Ballot) { b.PropScores = []int{74, 74, 74} }, "error.debate_low_point_win"},
		"no winner":         {func(b *Ballot) { b.Winner = 7 }, "error.debate_winner_required"},
	} {
		b := ok
		b.PropScores, b.OppScores = append([]int(nil), ok.PropScores...), append([]int(nil), ok.OppScores...)
		tc.edit(&b)
		e := errs.As(ValidateBallot(DefaultRules, b))
		if e == nil || e.Code != errs.Invalid || len(e.Fields) == 0 || e.Fields[0].Key != tc.key {
			t.Errorf("%s: got %v, want %s", name, e, tc.key)
		}
	}
}

func TestTallyRefusesBadRounds(t *testing.T) {
	tour := Tournament{Teams: []Team{{ID: 1}, {ID: 2}, {ID: 3}}, Rules: DefaultRules}
	good := Ballot{Debate: Debate{Prop: 1, Opp: 2}, Winner: Proposition,
		PropScores: []int{70, 70, 70}, OppScores: []int{60, 60, 60}}
	for name, tc := range map[string]struct {
		r   Round
		key string
	}{
		"team missing":   {Round{Draw: Draw{Debates: []Debate{good.Debate}}, Ballots: []Ballot{good}}, "error.debate_team_missing"},
		"team twice":     {Round{Draw: Draw{Debates: []Debate{good.Debate}, Bye: 1}, Ballots: []Ballot{good}}, "error.debate_team_twice"},
		"unknown team":   {Round{Draw: Draw{Debates: []Debate{good.Debate}, Bye: 9}, Ballots: []Ballot{good}}, "error.debate_unknown_team"},
		"ballot missing": {Round{Draw: Draw{Debates: []Debate{good.Debate}, Bye: 3}}, "error.debate_ballots_mismatch"},
	} {
		_, err := Tally(tour, []Round{tc.r})
		if e := errs.As(err); e == nil || e.Key != tc.key {
			t.Errorf("%s: got %v, want %s", name, err, tc.key)
		}
	}
	ss, err := Tally(tour, []Round{{Draw: Draw{Debates: []Debate{good.Debate}, Bye: 3}, Ballots: []Ballot{good}}})
	if err != nil {
		t.Fatal(err)
	}
	// 1 and 3 have a win each (a debate, a bye); 1 has the points.
	if ss[0].Team.ID != 1 || ss[1].Team.ID != 3 || ss[1].Wins != 1 || ss[1].Byes != 1 || ss[2].Points != 180 {
		t.Fatalf("standings %+v", ss)
	}
}

func TestHeadToHeadBreaksTies(t *testing.T) {
	// A beat B; both end on one win and the same points.
	ss := []Standing{
		{Team: Team{ID: 2}, Wins: 1, Points: 400, Beat: nil, DrawSeed: 1},
		{Team: Team{ID: 1}, Wins: 1, Points: 400, Beat: []int64{2}, DrawSeed: 2},
		{Team: Team{ID: 3}, Wins: 1, Points: 400, DrawSeed: 3},
	}
	RankStandings(ss)
	if ss[0].Team.ID != 1 || ss[1].Team.ID != 2 || ss[2].Team.ID != 3 || ss[0].Rank != 1 {
		t.Fatalf("ranked %+v: want 1 (beat 2), then 2 and 3 by draw seed", ss)
	}
}

func TestBreakSize(t *testing.T) {
	ss := make([]Standing, 6)
	for i := range ss {
		ss[i] = Standing{Team: Team{ID: int64(i + 1)}, Rank: i + 1}
	}
	for _, n := range []int{0, 1, 3, 6, 8} {
		if _, err := Break(ss, n); err == nil {
			t.Errorf("a break of %d of 6 teams accepted", n)
		}
	}
	b, err := Break(ss, 4)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Record([]int64{1, 5}); err == nil {
		t.Fatal("a winner from outside the debate accepted")
	}
	if err := b.Record([]int64{1}); err == nil {
		t.Fatal("too few winners accepted")
	}
}
