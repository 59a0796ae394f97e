package tournament_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/tournament"
)

var rules = tournament.Rules{Speakers: 2, MinScore: 60, MaxScore: 80, PanelSize: 1}

// small creates a tournament of n teams of two (teams 1 and 2 of one
// school) with two preliminary rounds, a break of four and two
// qualifiers, and three judges.
func (w *world) small(t *testing.T, n int) *tournament.Book {
	t.Helper()
	tr, err := w.s.Create(ctx, w.coord, tournament.Input{Name: "Almaty cup", Prelims: 2, BreakSize: 4, Qualifiers: 2, Rules: rules})
	must(t, err)
	ys := w.register(t, 2*n)
	for i := range n {
		school := fmt.Sprintf("School %d", i+1)
		if i == 1 {
			school = "School 1"
		}
		_, err := w.s.AddTeam(ctx, w.coord, tr.ID, tournament.TeamInput{Name: fmt.Sprintf("Team %c", 'A'+i),
			School: school, Region: "KZ-75", Members: ys[2*i : 2*i+2]})
		must(t, err)
	}
	for i, school := range []string{"School 9", "School 8", "School 1"} {
		_, err := w.s.AddJudge(ctx, w.coord, tr.ID, tournament.JudgeInput{Name: fmt.Sprintf("Judge %d", i+1), School: school, Strength: 60 + i})
		must(t, err)
	}
	b, err := w.s.Book(ctx, w.coord, tr.ID)
	must(t, err)
	return b
}

// decide publishes round r and enters a ballot for each debate, the
// proposition winning 150 to 140.
func (w *world) decide(t *testing.T, id int64, r tournament.Round) {
	t.Helper()
	must(t, w.s.Publish(ctx, w.coord, id, r.ID))
	for _, d := range r.Debates {
		_, err := w.s.EnterBallot(ctx, w.coord, id, d.ID, tournament.BallotInput{Winner: "prop", PropScores: []int{75, 75}, OppScores: []int{70, 70}})
		must(t, err)
	}
}

func wantCode(t *testing.T, err error, key string) {
	t.Helper()
	if !strings.Contains(keys(err), key) {
		t.Fatalf("got %v (%s), want %s", err, keys(err), key)
	}
}

func TestTournamentRuns(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		b := w.small(t, 7)
		if _, err := w.s.Break(ctx, w.coord, b.ID); err == nil {
			t.Fatal("broke before any round")
		}
		r1, err := w.s.PairNext(ctx, w.coord, b.ID)
		must(t, err)
		if len(r1.Debates) != 3 || r1.Bye == 0 {
			t.Fatalf("round 1 of 7 teams: %d debates, bye %d", len(r1.Debates), r1.Bye)
		}
		for _, d := range r1.Debates {
			if len(d.Judges) != 1 {
				t.Errorf("debate %d has judges %v", d.ID, d.Judges)
			}
		}
		_, err = w.s.PairNext(ctx, w.coord, b.ID)
		wantCode(t, err, "error.tournament_ballots_missing")
		d := r1.Debates[0]
		_, err = w.s.EnterBallot(ctx, w.coord, b.ID, d.ID, tournament.BallotInput{Winner: "prop", PropScores: []int{75, 75}, OppScores: []int{70, 70}})
		wantCode(t, err, "error.tournament_unpublished")
		must(t, w.s.Publish(ctx, w.coord, b.ID, r1.ID))
		_, err = w.s.EnterBallot(ctx, w.coord, b.ID, d.ID, tournament.BallotInput{Winner: "prop", PropScores: []int{75, 95}, OppScores: []int{70, 70}})
		wantCode(t, err, "prop_scores error.debate_score_range")
		_, err = w.s.EnterBallot(ctx, w.coord, b.ID, d.ID, tournament.BallotInput{Winner: "both", PropScores: []int{75, 75}, OppScores: []int{70, 70}})
		wantCode(t, err, "winner error.tournament_one_winner")
		// Entered for the opposition, then corrected: the change is audited.
		_, err = w.s.EnterBallot(ctx, w.coord, b.ID, d.ID, tournament.BallotInput{Winner: "opp", PropScores: []int{70, 70}, OppScores: []int{75, 75}})
		must(t, err)
		w.decide(t, b.ID, r1)
		var changes int
		must(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine, "SELECT count(*) FROM audit_log WHERE action = 'change_ballot' AND entity_id = $1"),
			fmt.Sprint(d.ID)).Scan(&changes))
		if changes != 1 {
			t.Errorf("changed ballot audited %d times", changes)
		}
		r2, err := w.s.PairNext(ctx, w.coord, b.ID)
		must(t, err)
		met := map[[2]int64]bool{}
		for _, d := range r1.Debates {
			met[[2]int64{min(d.Prop, d.Opp), max(d.Prop, d.Opp)}] = true
		}
		for _, d := range r2.Debates {
			if met[[2]int64{min(d.Prop, d.Opp), max(d.Prop, d.Opp)}] {
				t.Errorf("round 2 repeats %d v %d", d.Prop, d.Opp)
			}
		}
		if r2.Bye == r1.Bye {
			t.Errorf("team %d has the bye twice", r1.Bye)
		}
		_, err = w.s.EnterBallot(ctx, w.coord, b.ID, d.ID, tournament.BallotInput{Winner: "prop", PropScores: []int{75, 75}, OppScores: []int{70, 70}})
		wantCode(t, err, "error.tournament_ballot_closed")
		must(t, w.s.Publish(ctx, w.coord, b.ID, r2.ID))
		_, err = w.s.Break(ctx, w.coord, b.ID)
		wantCode(t, err, "error.tournament_prelims_open")
		w.decide(t, b.ID, r2)
		_, err = w.s.PairNext(ctx, w.coord, b.ID)
		wantCode(t, err, "error.tournament_prelims_done")

		book, err := w.s.Book(ctx, w.coord, b.ID)
		must(t, err)
		ss, done, err := book.Standings()
		must(t, err)
		if done != 2 || ss[0].Wins != 2 {
			t.Fatalf("standings after %d rounds: %+v", done, ss[0])
		}
		semis, err := w.s.Break(ctx, w.coord, b.ID)
		must(t, err)
		seed := func(i int) int64 { return ss[i].Team.ID }
		if len(semis.Debates) != 2 || semis.Debates[0].Prop != seed(0) || semis.Debates[0].Opp != seed(3) ||
			semis.Debates[1].Prop != seed(1) || semis.Debates[1].Opp != seed(2) {
			t.Fatalf("semi-finals %+v, seeds %d %d %d %d", semis.Debates, seed(0), seed(1), seed(2), seed(3))
		}
		w.decide(t, b.ID, semis)
		final, err := w.s.PairNext(ctx, w.coord, b.ID)
		must(t, err)
		if len(final.Debates) != 1 || final.Debates[0].Prop != seed(0) || final.Debates[0].Opp != seed(1) {
			t.Fatalf("final %+v", final.Debates)
		}
		w.decide(t, b.ID, final)
		book, err = w.s.Book(ctx, w.coord, b.ID)
		must(t, err)
		q, err := book.Qualified()
		must(t, err)
		if book.State != tournament.Finished || !slices.Equal(q, []int64{seed(0), seed(1)}) {
			t.Fatalf("state %s, qualified %v", book.State, q)
		}
		res, err := w.s.Results(ctx, w.coord, b.ID)
		must(t, err)
		if len(res) != 14 || res[0].Rank != 1 || res[len(res)-1].Rank != 7 || res[0].RegionPath == "" {
			t.Fatalf("results %+v", res)
		}
		// Each member's score is their own speeches: a team's members add up to its points.
		team := map[int64]int64{}
		for _, tm := range book.Teams {
			for _, m := range tm.Members {
				team[m.YouthID] = tm.ID
			}
		}
		sum := map[int64]float64{}
		for _, r := range res {
			sum[team[r.YouthID]] += r.Score
		}
		for _, s := range ss {
			if sum[s.Team.ID] != float64(s.Points) {
				t.Errorf("team %d: members scored %v, the team %d", s.Team.ID, sum[s.Team.ID], s.Points)
			}
		}
		if _, err := w.s.Results(ctx, w.astray, b.ID); errs.CodeOf(err) != errs.Forbidden {
			t.Errorf("another branch read the results: %v", err)
		}
	})
}

// TestRepeatRelaxed pairs two teams twice: the second round must repeat
// the first debate and says so; the judge of both teams' school sits on
// no panel, and the shortage is said.
func TestRepeatRelaxed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		tr, err := w.s.Create(ctx, w.coord, tournament.Input{Name: "Duel", Prelims: 2, BreakSize: 2, Qualifiers: 1, Rules: rules})
		must(t, err)
		ys := w.register(t, 4)
		for i := range 2 {
			_, err := w.s.AddTeam(ctx, w.coord, tr.ID, tournament.TeamInput{Name: fmt.Sprint("Team ", i), School: "Lyceum 1", Members: ys[2*i : 2*i+2]})
			must(t, err)
		}
		_, err = w.s.AddTeam(ctx, w.coord, tr.ID, tournament.TeamInput{Name: "Team 0", Members: w.register(t, 2)})
		wantCode(t, err, "name error.tournament_team_name")
		_, err = w.s.AddTeam(ctx, w.coord, tr.ID, tournament.TeamInput{Name: "Team 3", Members: ys[:1]})
		wantCode(t, err, "members error.tournament_members")
		_, err = w.s.AddJudge(ctx, w.coord, tr.ID, tournament.JudgeInput{Name: "Coach", School: "Lyceum 1"})
		must(t, err)
		r1, err := w.s.PairNext(ctx, w.coord, tr.ID)
		must(t, err)
		if r1.Debates[0].Judges != nil || !hasNote(r1, debate.RelaxJudges) || !hasNote(r1, debate.RelaxSchool) {
			t.Fatalf("round 1: judges %v, notes %+v", r1.Debates[0].Judges, r1.Notes)
		}
		w.decide(t, tr.ID, r1)
		r2, err := w.s.PairNext(ctx, w.coord, tr.ID)
		must(t, err)
		if !hasNote(r2, debate.RelaxRepeat) {
			t.Fatalf("the repeat is not said: %+v", r2.Notes)
		}
		_, err = w.s.AddTeam(ctx, w.coord, tr.ID, tournament.TeamInput{Name: "Late", Members: w.register(t, 2)})
		wantCode(t, err, "error.tournament_started")
	})
}

func hasNote(r tournament.Round, key string) bool {
	return slices.ContainsFunc(r.Notes, func(n tournament.Note) bool { return n.Key == key })
}
