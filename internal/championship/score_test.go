package championship_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/testworld"
)

// scored is a championship in scoring with three teams of Almaty and a
// jury: one of Almaty (who may score none of them), one of Astana, and
// the world's mentor, of Shymkent.
type scored struct {
	*fixture
	teams                  []championship.Team
	almaty, astana, mentor championship.Juror
}

func newScored(t *testing.T, w *testworld.World) *scored {
	t.Helper()
	sc := &scored{fixture: newFixture(t, w)}
	ys := sc.youths(t, 4)
	for i, name := range []string{"Aqsu", "Bota", "Dala"} {
		members := []int64{ys[i]}
		if i == 0 {
			members = append(members, ys[3])
		}
		tm, err := sc.s.RegisterTeam(ctx, sc.coord, sc.c.ID, championship.TeamInput{Name: name, RegionCode: "KZ-75",
			Members: members})
		must(t, err)
		sc.teams = append(sc.teams, tm)
	}
	juror := func(in championship.JurorInput) championship.Juror {
		j, err := sc.s.AddJuror(ctx, sc.coord, sc.c.ID, in)
		must(t, err)
		return j
	}
	sc.almaty = juror(championship.JurorInput{Name: "A. Almaty", RegionCode: "KZ-75"})
	sc.astana = juror(championship.JurorInput{Name: "B. Astana", RegionCode: "KZ-71"})
	sc.mentor = juror(championship.JurorInput{UserID: w.Users[access.Mentor].ID, RegionCode: "KZ-79"})
	return sc
}

func sheet(j championship.Juror, tm championship.Team, a, s, d int) championship.Sheet {
	return championship.Sheet{JurorID: j.ID, TeamID: tm.ID, Scores: map[string]int{"analysis": a, "solution": s, "delivery": d}}
}

func TestScoringRefusalsAndRescore(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		sc := newScored(t, w)
		s, coord := sc.s, sc.coord
		wantKey(t, s.Score(ctx, coord, sc.c.ID, sheet(sc.astana, sc.teams[0], 5, 5, 3)), "error.championship_state")
		c, err := s.SetState(ctx, coord, sc.c.ID, championship.Scoring, sc.c.Version)
		must(t, err)
		wantKey(t, s.Score(ctx, coord, c.ID, sheet(sc.almaty, sc.teams[0], 5, 5, 3)), "error.case_juror_own_region")
		wantKey(t, s.Score(ctx, coord, c.ID, sheet(sc.astana, sc.teams[0], 11, 5, 3)), "error.case_score_range")
		wantKey(t, s.Score(ctx, coord, c.ID, sheet(sc.astana, sc.teams[0], 5, 5, 0)), "error.case_score_range")
		bad := sheet(sc.astana, sc.teams[0], 5, 5, 3)
		bad.Scores["charisma"] = 4
		wantKey(t, s.Score(ctx, coord, c.ID, bad), "error.case_criterion_unknown")
		// The mentor finds the championship among their juries and enters
		// their own sheet, not another juror's.
		mentor := w.Principal(access.Mentor)
		if js, err := s.Juries(ctx, mentor); err != nil || len(js) != 1 || js[0].ID != c.ID {
			t.Fatalf("the mentor's juries: %v %+v", err, js)
		}
		if js, err := s.Juries(ctx, w.Principal(access.Operator)); err != nil || len(js) != 0 {
			t.Fatalf("an operator on no jury: %v %+v", err, js)
		}
		must(t, s.Score(ctx, mentor, c.ID, sheet(sc.mentor, sc.teams[0], 8, 6, 4)))
		wantKey(t, s.Score(ctx, mentor, c.ID, sheet(sc.astana, sc.teams[0], 8, 6, 4)), "error.forbidden")
		// A second sheet replaces the first, and the log keeps both.
		must(t, s.Score(ctx, coord, c.ID, sheet(sc.astana, sc.teams[0], 1, 1, 1)))
		must(t, s.Score(ctx, coord, c.ID, sheet(sc.astana, sc.teams[0], 6, 6, 4)))
		tm, err := s.Team(ctx, coord, sc.teams[0].ID)
		must(t, err)
		// (3·8+2·6+4 + 3·6+2·6+4) / (6·2) = 74/12.
		if tm.Jurors != 2 || tm.Num != 74 || tm.Den != 12 {
			t.Fatalf("totals %d %d/%d, want 2 jurors, 74/12", tm.Jurors, tm.Num, tm.Den)
		}
		entries, _, err := w.Services.Audit.Changes(ctx, access.System, audit.Filter{Entity: "championship_team"}, storePage())
		must(t, err)
		if len(entries) == 0 || entries[0].Action != "rescore" || len(entries[0].Before) == 0 {
			t.Fatalf("the log's last entry %+v, want a rescore with the old sheet", entries)
		}
		_, err = s.Results(ctx, coord, c.ID)
		wantKey(t, err, "error.championship_unfinished")
		c, err = s.SetState(ctx, coord, c.ID, championship.Finished, c.Version)
		must(t, err)
		wantKey(t, s.Score(ctx, coord, c.ID, sheet(sc.astana, sc.teams[1], 6, 6, 4)), "error.championship_state")
		rs, err := s.Results(ctx, coord, c.ID)
		must(t, err)
		// Aqsu's two members share first place; Bota and Dala, unscored,
		// follow in registration order.
		if len(rs) != 4 || rs[0].Rank != 1 || rs[1].Rank != 1 || rs[2].Rank != 2 || rs[3].Rank != 3 ||
			rs[0].Score != 74.0/12 || rs[3].Score != 0 || rs[0].RegionPath == "" {
			t.Fatalf("results %+v", rs)
		}
	})
}
