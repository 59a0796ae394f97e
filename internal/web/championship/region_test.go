package championship_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/web/webtest"
)

// Every page of a championship names its regions in the reader's
// language, never by their codes.
func TestPagesNameRegions(t *testing.T) {
	f := webtest.New(t)
	coord := f.Coord.Principal()
	c := webtest.Must(f.Svc.Championship.Create(ctx, coord, championship.Input{OrgID: f.Org.ID, RegionCode: "KZ-75",
		Name: "Cases", Starts: webtest.Day(2026, 10, 1), Ends: webtest.Day(2026, 10, 3),
		Rubric: []championship.Criterion{{Code: "analysis", Name: "Analysis", Weight: 1, Min: 0, Max: 10}}}))
	team := webtest.Must(f.Svc.Championship.RegisterTeam(ctx, coord, c.ID, championship.TeamInput{Name: "Aqsu",
		RegionCode: "KZ-75", Members: youths(t, f, 1)}))
	webtest.Must(f.Svc.Championship.AddJuror(ctx, coord, c.ID, championship.JurorInput{Name: "Astana juror", RegionCode: "KZ-71"}))
	auditor := f.User(t, "auditor@example.org", access.Auditor, "kk")
	mentor := f.User(t, "mentor@example.org", access.Mentor, "kk")
	mu := webtest.Must(f.Svc.Accounts.LookupEmail(ctx, "mentor@example.org"))
	webtest.Must(f.Svc.Championship.AddJuror(ctx, coord, c.ID, championship.JurorInput{UserID: mu.ID, RegionCode: "KZ-79"}))
	webtest.Must(f.Svc.Championship.SetState(ctx, coord, c.ID, championship.Scoring, c.Version))
	id := webtest.Itoa(c.ID)
	for _, tc := range []struct {
		who   *webtest.Client
		path  string
		names []string
	}{
		{auditor, "/championships", []string{"Алматы"}},
		{auditor, "/championships/" + id, []string{"Алматы", "Астана", "Шымкент"}},
		{auditor, "/championship-teams/" + webtest.Itoa(team.ID), []string{"Алматы"}},
		{mentor, "/my/juries", []string{"Алматы"}},
		{mentor, "/championships/" + id + "/score", []string{"Алматы"}},
		{mentor, "/championships/" + id + "/score?team=" + webtest.Itoa(team.ID), []string{"Шымкент"}},
	} {
		r := tc.who.Get(tc.path)
		if r.Status != http.StatusOK {
			t.Fatalf("%s: %d %s", tc.path, r.Status, r.Body)
		}
		for _, n := range tc.names {
			if !strings.Contains(r.Body, n) {
				t.Errorf("%s does not name %s", tc.path, n)
			}
		}
		if strings.Contains(r.Body, "KZ-7") {
			t.Errorf("%s shows a region code: %s", tc.path, r.Body)
		}
	}
}
