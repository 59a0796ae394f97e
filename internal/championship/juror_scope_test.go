package championship_test

import (
	"testing"

	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
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

// The organisers register as members only young people they may read: a
// young person of another organisation of the same city is unknown to
// them, and so is not shown on the team page.
func TestMembersOnlyFromTheOrganisersScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := newFixture(t, w)
		other := w.Org(t, orgs.Input{Name: "Another foundation", Type: orgs.Foundation, RegionCode: "KZ-75"})
		ys, err := youth.New(w.DB, w.Services.Audit, nil, w.Clock.Now)
		must(t, err)
		y, err := ys.Register(ctx, youth.FormPrincipal(other.ID, other.Path), other.ID, youth.Input{LastName: "Other",
			FirstName: "Dana", Birth: testworld.Day(2006, 1, 1), RegionCode: "KZ-75", Settlement: youth.Urban,
			Status: youth.NEET, Field: "media", Language: "kk", Contact: youth.Contact{Email: "dana@example.org"}, Channel: youth.Web})
		must(t, err)
		_, err = f.s.RegisterTeam(ctx, f.coord, f.c.ID, championship.TeamInput{Name: "Aqsu", RegionCode: "KZ-75",
			Members: []int64{y.ID}})
		wantKey(t, err, "error.championship_member_unknown")
	})
}
