package championship_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
	"github.com/jolproject/jol/internal/youth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var ctx = context.Background()

// youths registers n young people of Almaty and returns their ids.
func youths(t *testing.T, f *webtest.Fixture, n int) []int64 {
	t.Helper()
	var ids []int64
	for i := range n {
		r := webtest.Must(f.Svc.Youth.Register(ctx, f.Coord.Principal(), f.Org.ID, youth.Input{LastName: "Seitkali",
			FirstName: "Aru" + strconv.Itoa(i), Birth: webtest.Day(2006, 3, 1+i), RegionCode: "KZ-75",
			Settlement: youth.Urban, Status: youth.NEET, Field: "career", Language: "kk",
			Contact: youth.Contact{Email: "aru" + strconv.Itoa(i) + "@example.org"}, Channel: youth.Web, Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 00 00"}}))
		ids = append(ids, r.ID)
	}
	return ids
}

// follow posts form to path and opens the page it sends the browser on
// to, or returns the refusal.
func follow(c *webtest.Client, path string, form url.Values) webtest.Response {
	r := c.Post(path, form)
	if r.Status != http.StatusSeeOther {
		return r
	}
	return c.Get(r.Location)
}

func TestOpenRegisterScoreAndRank(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	if r := c.Get("/championships"); r.Status != http.StatusOK || !strings.Contains(r.Body, "No case championship yet") {
		t.Fatalf("empty list: %d %s", r.Status, r.Body)
	}
	form := url.Values{"org_id": {webtest.Itoa(f.Org.ID)}, "name": {"Youth problems"}, "region": {"KZ-75"},
		"starts_on": {"2026-10-01"}, "ends_on": {"2026-09-30"},
		"code_0": {"analysis"}, "cname_0": {"Analysis"}, "weight_0": {"0"}, "min_0": {"0"}, "max_0": {"10"}}
	r := c.Post("/championships", form)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "a weight from 1 to 100") ||
		!strings.Contains(r.Body, "a last day not before it") || !strings.Contains(r.Body, `value="Youth problems"`) {
		t.Fatalf("bad championship: %d %s", r.Status, r.Body)
	}
	form.Set("ends_on", "2026-10-03")
	form.Set("weight_0", "3")
	form.Set("code_1", "delivery")
	form.Set("cname_1", "Delivery")
	form.Set("weight_1", "1")
	form.Set("min_1", "1")
	form.Set("max_1", "5")
	r = follow(c, "/championships", form)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Tie-break:") || !strings.Contains(r.Body, "Analysis → Delivery") {
		t.Fatalf("created: %d %s", r.Status, r.Body)
	}
	list, _ := webtest.Must2(f.Svc.Championship.List(ctx, f.Coord.Principal(), storePage()))
	id := webtest.Itoa(list[0].ID)
	ys := youths(t, f, 3)
	r = follow(c, "/championships/"+id+"/teams", url.Values{"team_name": {"Aqsu"}, "team_region": {"KZ-75"},
		"members": {webtest.Itoa(ys[0]) + ", " + webtest.Itoa(ys[1])}})
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Aqsu") {
		t.Fatalf("team: %d %s", r.Status, r.Body)
	}
	r = follow(c, "/championships/"+id+"/teams", url.Values{"team_name": {"Bota"}, "team_region": {"KZ-75"},
		"members": {webtest.Itoa(ys[1])}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "is already in a team of this championship") {
		t.Fatalf("second team: %d %s", r.Status, r.Body)
	}
	follow(c, "/championships/"+id+"/teams", url.Values{"team_name": {"Bota"}, "team_region": {"KZ-75"},
		"members": {webtest.Itoa(ys[2])}})
	for _, j := range [][2]string{{"Almaty juror", "KZ-75"}, {"Astana juror", "KZ-71"}} {
		if r := follow(c, "/championships/"+id+"/jurors", url.Values{"juror_name": {j[0]}, "juror_region": {j[1]}}); r.Status != http.StatusOK {
			t.Fatalf("juror: %d %s", r.Status, r.Body)
		}
	}
	ch := list[0]
	r = follow(c, "/championships/"+id+"/state", url.Values{"state": {"scoring"}, "version": {strconv.Itoa(ch.Version)}})
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Finish the championship") {
		t.Fatalf("to scoring: %d %s", r.Status, r.Body)
	}
	jurors := webtest.Must(f.Svc.Championship.Jurors(ctx, f.Coord.Principal(), ch.ID))
	board, _ := webtest.Must2(f.Svc.Championship.Leaderboard(ctx, f.Coord.Principal(), ch.ID, "", 10))
	team := webtest.Itoa(board[0].TeamID)
	if r := c.Get("/championships/" + id + "/score?team=" + team); r.Status != http.StatusOK || !strings.Contains(r.Body, "from 1 to 5") {
		t.Fatalf("score form: %d %s", r.Status, r.Body)
	}
	// The Almaty juror may not score an Almaty team; out of range.
	r = follow(c, "/championships/"+id+"/score", url.Values{"team": {team}, "juror": {webtest.Itoa(jurors[0].ID)},
		"c_analysis": {"7"}, "c_delivery": {"4"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "own region") {
		t.Fatalf("own region: %d %s", r.Status, r.Body)
	}
	r = follow(c, "/championships/"+id+"/score", url.Values{"team": {team}, "juror": {webtest.Itoa(jurors[1].ID)},
		"c_analysis": {"7"}, "c_delivery": {"9"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "from 1 to 5; 9 is outside") ||
		!strings.Contains(r.Body, `value="7"`) {
		t.Fatalf("out of range: %d %s", r.Status, r.Body)
	}
	r = follow(c, "/championships/"+id+"/score", url.Values{"team": {team}, "juror": {webtest.Itoa(jurors[1].ID)},
		"c_analysis": {"7"}, "c_delivery": {"4"}})
	// (3·7 + 4) / 4 = 6.25, first of the board.
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "6.25") {
		t.Fatalf("scored: %d %s", r.Status, r.Body)
	}
	// A mentor on the jury finds the championship among their juries,
	// picks the team and enters their own sheet.
	m := f.User(t, "mentor@example.org", access.Mentor, "en")
	mu := webtest.Must(f.Svc.Accounts.LookupEmail(ctx, "mentor@example.org"))
	mj := webtest.Must(f.Svc.Championship.AddJuror(ctx, f.Coord.Principal(), ch.ID,
		championship.JurorInput{UserID: mu.ID, RegionCode: "KZ-79"}))
	if r := m.Get("/my/juries"); r.Status != http.StatusOK || !strings.Contains(r.Body, "/championships/"+id+"/score") {
		t.Fatalf("my juries: %d %s", r.Status, r.Body)
	}
	if r := m.Get("/championships/" + id + "/score"); r.Status != http.StatusOK || !strings.Contains(r.Body, "score?team="+team) {
		t.Fatalf("team picker: %d %s", r.Status, r.Body)
	}
	if r := m.Get("/championships/" + id); r.Status != http.StatusForbidden {
		t.Fatalf("a mentor opened the championship's page: %d", r.Status)
	}
	r = m.Post("/championships/"+id+"/score", url.Values{"team": {team}, "juror": {webtest.Itoa(mj.ID)},
		"c_analysis": {"5"}, "c_delivery": {"3"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("the mentor's sheet: %d %s", r.Status, r.Body)
	}
	r = m.Post("/championships/"+id+"/score", url.Values{"team": {team}, "juror": {webtest.Itoa(jurors[1].ID)},
		"c_analysis": {"5"}, "c_delivery": {"3"}})
	if r.Status != http.StatusForbidden {
		t.Fatalf("the mentor entered another juror's sheet: %d", r.Status)
	}
	// The organiser gives the team a case; a case without a title is
	// refused, what was typed kept.
	r = follow(c, "/championship-teams/"+team+"/cases", url.Values{"title": {""}, "description": {"Village jobs"},
		"origin": {"submitted"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Village jobs") {
		t.Fatalf("case without a title: %d %s", r.Status, r.Body)
	}
	r = follow(c, "/championship-teams/"+team+"/cases", url.Values{"title": {"Rural unemployment"},
		"description": {"Village jobs"}, "origin": {"submitted"}})
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Rural unemployment") ||
		!strings.Contains(r.Body, "submitted by the team") || !strings.Contains(r.Body, "Seitkali Aru0") {
		t.Fatalf("team page: %d %s", r.Status, r.Body)
	}
	// An auditor reads the board; a sponsor may not open it.
	if r := f.User(t, "auditor@example.org", access.Auditor, "ru").Get("/championships/" + id); r.Status != http.StatusOK ||
		!strings.Contains(r.Body, "Таблица лидеров") || strings.Contains(r.Body, "Seitkali") {
		t.Fatalf("auditor: %d %s", r.Status, r.Body)
	}
	if r := f.User(t, "sponsor@example.org", access.Sponsor, "en").Get("/championships/" + id); r.Status != http.StatusForbidden {
		t.Fatalf("sponsor: %d", r.Status)
	}
}

func storePage() store.Page { return store.Page{Limit: 50} }
