package championship_test

import (
	"net/url"
	"testing"

	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A case's description past its length is refused beside its field in
// every language, a megabyte of one before it is read, and no case is
// stored.
func TestALongCaseDescriptionIsRefused(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	ch := webtest.Must(f.Svc.Championship.Create(ctx, f.Coord.Principal(), championship.Input{OrgID: f.Org.ID,
		RegionCode: "KZ-75", Name: "Youth problems", Starts: webtest.Day(2026, 10, 1), Ends: webtest.Day(2026, 10, 3),
		Rubric: []championship.Criterion{{Code: "analysis", Name: "Analysis", Weight: 1, Min: 0, Max: 10}}}))
	tm := webtest.Must(f.Svc.Championship.RegisterTeam(ctx, f.Coord.Principal(), ch.ID, championship.TeamInput{
		Name: "Aqsu", RegionCode: "KZ-75", Members: youths(t, f, 1)}))
	c.RefusesLongText("coord@example.org", "/championship-teams/"+webtest.Itoa(tm.ID)+"/cases",
		url.Values{"title": {"Unemployment in small towns"}, "origin": {"assigned"}}, "description", championship.MaxCaseText)
	var cases int64
	webtest.Check(t, f.DB.R.QueryRow("SELECT COUNT(*) FROM championship_cases").Scan(&cases))
	if cases != 0 {
		t.Errorf("%d cases stored from descriptions too long", cases)
	}
}
