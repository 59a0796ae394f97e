package championship_test

import (
	"testing"

	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/testworld"
)

// A coordinator of another organisation who sits on the jury opens the
// championship and its teams to score them, but reads none of the young
// people's names: those are for the staff of the championship's scope.
func TestJurorFromElsewhereReadsNoMembers(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := newFixture(t, w)
		ys := f.youths(t, 2)
		team, err := f.s.RegisterTeam(ctx, f.coord, f.c.ID, championship.TeamInput{Name: "Aqsu", RegionCode: "KZ-75",
			Members: ys})
		must(t, err)
		_, err = f.s.AddJuror(ctx, f.coord, f.c.ID, championship.JurorInput{UserID: w.Stranger.ID, RegionCode: "KZ-71"})
		must(t, err)
		got, err := f.s.Team(ctx, w.Stranger.Principal(), team.ID)
		must(t, err)
		if len(got.Members) != 0 {
			t.Errorf("the juror from Tehran reads %+v", got.Members)
		}
		if got, err := f.s.Team(ctx, f.coord, team.ID); err != nil || len(got.Members) != 2 {
			t.Errorf("the organiser's team: %+v, %v", got.Members, err)
		}
	})
}
