package championship_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/testworld"
)

func TestCreateRefusesBadRubricAndDates(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, coord := w.Services.Championship, w.Principal(access.Coordinator)
		in := championship.Input{OrgID: w.Foundation.ID, RegionCode: "KZ-75", Name: "Cases",
			Starts: testworld.Day(2026, 10, 3), Ends: testworld.Day(2026, 10, 1),
			Rubric: []championship.Criterion{{Code: "analysis", Weight: 0, Min: 0, Max: 10}}}
		_, err := s.Create(ctx, coord, in)
		wantKey(t, err, "error.championship_dates")
		wantKey(t, err, "error.case_criterion_invalid")
		in.Ends, in.Rubric = in.Starts, []championship.Criterion{{Code: "analysis", Weight: 1, Min: 0, Max: 5000}}
		wantKey(t, func() error { _, err := s.Create(ctx, coord, in); return err }(), "error.championship_criterion")
		in.Rubric = nil
		wantKey(t, func() error { _, err := s.Create(ctx, coord, in); return err }(), "error.case_rubric_empty")
		in.Rubric = rubric()
		if _, err := s.Create(ctx, w.Principal(access.Operator), in); err == nil {
			t.Fatal("an operator organised a championship")
		}
		c, err := s.Create(ctx, coord, in)
		must(t, err)
		got, err := s.Get(ctx, w.Principal(access.Auditor), c.ID)
		must(t, err)
		if got.State != championship.Open || len(got.Rubric) != 3 || got.Rubric[2].Min != 1 || got.Name != "Cases" {
			t.Fatalf("read back %+v", got)
		}
		if _, err := s.Get(ctx, w.Stranger.Principal(), c.ID); err == nil {
			t.Fatal("a coordinator of another tree read the championship")
		}
		list, _, err := s.List(ctx, coord, storePage())
		must(t, err)
		if len(list) != 1 || list[0].ID != c.ID {
			t.Fatalf("list %+v", list)
		}
	})
}

func TestTeamsKeepOneTeamPerYoungPerson(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := newFixture(t, w)
		ys := f.youths(t, 3)
		a, err := f.s.RegisterTeam(ctx, f.coord, f.c.ID, championship.TeamInput{Name: "Aqsu", RegionCode: "KZ-75",
			Members: []int64{ys[0], ys[1]}})
		must(t, err)
		_, err = f.s.RegisterTeam(ctx, f.coord, f.c.ID, championship.TeamInput{Name: "Bota", RegionCode: "KZ-75",
			Members: []int64{ys[2], ys[1]}})
		wantKey(t, err, "error.championship_member_taken")
		_, err = f.s.RegisterTeam(ctx, f.coord, f.c.ID, championship.TeamInput{Name: "Bota", RegionCode: "KZ-71",
			Members: []int64{ys[2]}})
		wantKey(t, err, "error.championship_outside")
		_, err = f.s.RegisterTeam(ctx, f.coord, f.c.ID, championship.TeamInput{Name: "Aqsu", RegionCode: "KZ-75",
			Members: []int64{ys[2]}})
		wantKey(t, err, "error.championship_team_taken")
		_, err = f.s.RegisterTeam(ctx, f.coord, f.c.ID, championship.TeamInput{Name: "Ghost", RegionCode: "KZ-75",
			Members: []int64{999999}})
		wantKey(t, err, "error.championship_member_unknown")
		_, err = f.s.AddCase(ctx, f.coord, a.ID, championship.Case{Title: "Rural unemployment",
			Description: "Why young people leave the village", Origin: championship.Submitted})
		must(t, err)
		got, err := f.s.Team(ctx, f.coord, a.ID)
		must(t, err)
		if len(got.Members) != 2 || len(got.Cases) != 1 || got.Cases[0].Origin != championship.Submitted {
			t.Fatalf("team %+v", got)
		}
		// The failed registrations left nothing behind: the young person
		// refused with Bota is free for another team.
		_, err = f.s.RegisterTeam(ctx, f.coord, f.c.ID, championship.TeamInput{Name: "Bota", RegionCode: "KZ-75",
			Members: []int64{ys[2]}})
		must(t, err)
	})
}
