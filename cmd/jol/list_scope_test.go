package main

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring/match"
	"github.com/jolproject/jol/internal/mentorship/mentorshiptest"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/tournament"
)

// Every list page of the mentoring programme and the youth strands shows
// a coordinator only their own branch's records: one record of each kind
// is made in the foundation's branch, and the coordinator of the Tehran
// organisation finds none of them on the list, by name or by link, while
// the foundation's coordinator finds each (so the record is there to
// leak).
func TestListsShowNothingOfAnotherBranch(t *testing.T) {
	s := startServer(t)
	ctx := context.Background()
	coordUser, err := s.app.Accounts.LookupEmail(ctx, demo.Email("coordinator"))
	if err != nil {
		t.Fatal(err)
	}
	p := coordUser.Principal()
	ms := mentorshiptest.Build(t, mentorshiptest.Setup{Svc: s.app.Services, DB: s.app.db, OrgID: coordUser.OrgID,
		RegionCode: "KZ-75", Coord: p, Now: time.Now(), Password: "mentor password 1"})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	run, err := s.app.Matching.Run(ctx, p, matching.Params{OrgID: coordUser.OrgID, Rule: match.Rule{}})
	must(err)
	today := time.Now().UTC().Truncate(24 * time.Hour)
	act, err := s.app.Strands.Create(ctx, p, strands.Input{Name: "Leaders' debate club", Strand: strands.Leaders,
		OrgID: coordUser.OrgID, RegionCode: "KZ-75", StartsOn: today, EndsOn: today.AddDate(0, 1, 0), Capacity: 20})
	must(err)
	champ, err := s.app.Championship.Create(ctx, p, championship.Input{OrgID: coordUser.OrgID, RegionCode: "KZ-75",
		Name: "Youth problems through the eyes of youth", Starts: today, Ends: today.AddDate(0, 0, 2),
		Rubric: []championship.Criterion{{Code: "analysis", Name: "Analysis", Weight: 1, Min: 0, Max: 10}}})
	must(err)
	tour, err := s.app.Tournaments.Create(ctx, p, tournament.Input{OrgID: coordUser.OrgID, Name: "Almaty debate cup",
		Prelims: 2, BreakSize: 4, Qualifiers: 2, Rules: tournament.Rules{Speakers: 2, MinScore: 60, MaxScore: 80, PanelSize: 1}})
	must(err)
	sel, err := s.app.Selection.Create(ctx, p, selection.Input{Name: "School of young leaders", OrgID: coordUser.OrgID,
		Places: 5, QuotaMode: selection.ProportionalQuotas, TieRule: selection.RegisteredFirst})
	must(err)

	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	lists := []struct {
		page, api string
		name      string // the record's name as both surfaces show it
		link      string // its link on the page
	}{
		{"/mentors", "/api/v1/mentors", "Bolat Nurlanov", "/mentors/" + id(ms.Mentor.ID)},
		{"/youth", "/api/v1/youth", "Dana", "/youth/" + id(ms.AdultYouth)},
		{"/matching", "/api/v1/matching/runs", coordUser.Name, "/matching/" + id(run.ID)},
		{"/mentorships", "/api/v1/mentorships", "Aruzhan", "/mentorships/" + id(ms.Minor)},
		{"/activities", "/api/v1/activities", "debate club", "/activities/" + id(act.ID)},
		{"/championships", "/api/v1/championships", "eyes of youth", "/championships/" + id(champ.ID)},
		{"/tournaments", "/api/v1/tournaments", "Almaty debate cup", "/tournaments/" + id(tour.ID)},
		{"/selections", "/api/v1/selections", "School of young leaders", "/selections/" + id(sel.ID)},
	}
	own, outsider := s.caller(t, "coordinator"), s.caller(t, "coordinator.ir")
	for _, l := range lists {
		t.Run(strings.TrimPrefix(l.page, "/"), func(t *testing.T) {
			for _, c := range []struct {
				who    *caller
				inside bool
			}{{own, true}, {outsider, false}} {
				code, page := get(t, c.who.web, s.url+l.page)
				code2, list := get(t, http.DefaultClient, s.url+l.api, "Authorization", "Bearer "+c.who.token)
				if code != http.StatusOK || code2 != http.StatusOK {
					t.Fatalf("%s: %s = %d, %s = %d, want their list", c.who.local, l.page, code, l.api, code2)
				}
				shown := map[string]bool{"the page's name": strings.Contains(page, l.name),
					"the page's link": strings.Contains(page, `href="`+l.link+`"`), "the API's name": strings.Contains(list, l.name)}
				for what, ok := range shown {
					if ok != c.inside {
						t.Errorf("%s: %s of the branch's record shown: %v", c.who.local, what, ok)
					}
				}
			}
		})
	}
}
