package tournament_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/web/webtest"
	"github.com/jolproject/jol/internal/youth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// youngPeople registers n young people in Almaty through the public form
// of the fixture's organisation.
func youngPeople(t *testing.T, f *webtest.Fixture, n int) []string {
	t.Helper()
	form := youth.FormPrincipal(f.Org.ID, f.Org.Path)
	var ids []string
	for i := range n {
		r := webtest.Must(f.Svc.Youth.Register(context.Background(), form, f.Org.ID, youth.Input{LastName: "Debater",
			FirstName: fmt.Sprintf("No%d", i+1), Birth: webtest.Day(2007, 1, 1+i), RegionCode: "KZ-75", Settlement: youth.Urban,
			Status: youth.InEducation, Field: "media", Language: "kk", Contact: youth.Contact{Phone: fmt.Sprintf("+7 701 %07d", i+1)},
			Channel: youth.Web, Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 00 00"}}))
		ids = append(ids, webtest.Itoa(r.ID))
	}
	return ids
}

func want(t *testing.T, r webtest.Response, status int, texts ...string) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	for _, s := range texts {
		if !strings.Contains(r.Body, s) {
			t.Fatalf("no %q in %s", s, r.Body)
		}
	}
}

// A coordinator runs a tournament of five teams (a bye each round)
// through the pages: refusals are shown on the form, in the user's
// language.
func TestPagesRunATournament(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	ctx := context.Background()
	want(t, c.Get("/tournaments"), http.StatusOK, "No tournaments yet.")
	want(t, c.Get("/tournaments/new"), http.StatusOK, `name="break_size"`)
	form := url.Values{"name": {"Almaty cup"}, "org_id": {webtest.Itoa(f.Org.ID)}, "prelims": {"2"}, "break_size": {"3"},
		"qualifiers": {"1"}, "speakers": {"2"}, "min_score": {"60"}, "max_score": {"80"}, "panel_size": {"1"}}
	want(t, c.Post("/tournaments", form), http.StatusUnprocessableEntity, "power of two", `value="Almaty cup"`)
	form.Set("break_size", "4")
	r := c.Post("/tournaments", form)
	want(t, r, http.StatusSeeOther)
	page := r.Location
	ys := youngPeople(t, f, 10)
	want(t, c.Post(page+"/teams", url.Values{"team_name": {"Bad"}, "members": {"one, two"}}), http.StatusUnprocessableEntity,
		"registration numbers")
	for i := range 5 {
		want(t, c.Post(page+"/teams", url.Values{"team_name": {fmt.Sprintf("Team %c", 'A'+i)}, "team_school": {fmt.Sprint("School ", i%3)},
			"team_region": {"KZ-75"}, "members": {ys[2*i] + ", " + ys[2*i+1]}}), http.StatusSeeOther)
	}
	want(t, c.Post(page+"/judges", url.Values{"judge_name": {"Judge Dana"}, "judge_school": {"School 0"}}), http.StatusSeeOther)
	want(t, c.Get(page), http.StatusOK, "Team E", "Debater No1", "Judge Dana")
	r = c.Post(page+"/rounds", nil)
	want(t, r, http.StatusSeeOther)
	round := r.Location
	want(t, c.Get(round), http.StatusOK, "This draw is a draft", "has a bye this round")
	want(t, c.Post(page+"/rounds", nil), http.StatusConflict, "Round 1 is not finished")
	want(t, c.Post(round+"/publish", nil), http.StatusSeeOther)
	book := func() *tournament.Book {
		id := webtest.Must(strconv.ParseInt(strings.TrimPrefix(page, "/tournaments/"), 10, 64))
		return webtest.Must(f.Svc.Tournaments.Book(ctx, f.Coord.Principal(), id))
	}
	decide := func(round string) {
		t.Helper()
		b := book()
		last := b.Latest()
		d := last.Debates[0]
		bad := url.Values{"winner": {"prop"}, "prop_1": {"75"}, "prop_2": {"99"}, "opp_1": {"70"}, "opp_2": {"70"}}
		want(t, c.Post(fmt.Sprintf("%s/debates/%d/ballot", round, d.ID), bad), http.StatusUnprocessableEntity,
			"A speaker score is from 60 to 80; 99 is outside that range.", `value="99"`)
		for _, d := range last.Debates {
			good := url.Values{"winner": {"prop"}, "prop_1": {"75"}, "prop_2": {"75"}, "opp_1": {"70"}, "opp_2": {"70"}}
			want(t, c.Post(fmt.Sprintf("%s/debates/%d/ballot", round, d.ID), good), http.StatusSeeOther)
		}
	}
	decide(round)
	want(t, c.Get(round), http.StatusOK, "won, 150 – 140")
	r = c.Post(page+"/rounds", nil)
	want(t, r, http.StatusSeeOther)
	round = r.Location
	want(t, c.Post(page+"/break", nil), http.StatusConflict, "after all 2 preliminary rounds")
	want(t, c.Post(round+"/publish", nil), http.StatusSeeOther)
	decide(round)
	r = c.Post(page+"/break", nil)
	want(t, r, http.StatusSeeOther)
	want(t, c.Get(page+"/standings"), http.StatusOK, "seed 1", "seed 4", "Ranked by wins", "2 of 2 preliminary rounds decided")
	ru := f.User(t, "ru@example.org", "coordinator", "ru")
	want(t, ru.Get(page+"/standings"), http.StatusOK, "Турнирная таблица", "посев 1")
}
