package selection_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var ctx = context.Background()

// youngPerson inserts a young person of the fixture's organisation in
// region code.
func youngPerson(t *testing.T, f *webtest.Fixture, code, last string, consent bool) int64 {
	t.Helper()
	var id int64
	webtest.Check(t, f.DB.W.QueryRowContext(ctx, store.Rebind(f.DB.Engine, `INSERT INTO youth (identity, last_name,
		first_name, birth_date, age_group, region_id, region_path, settlement, status, field, language, channel,
		shortlist_consent, org_id, org_path, registered_on, created_at, updated_at)
		SELECT $1, $1, 'Aru', $2, '18-24', r.id, r.path, 'rural', 'neet', 'media', 'kk', 'web', $3, $4, $5, $2, $7, $7
		FROM regions r WHERE r.code = $6 RETURNING id`), last, webtest.Day(2004, 5, 1), consent, f.Org.ID, f.Org.Path,
		code, webtest.Day(2004, 5, 1)).Scan(&id))
	return id
}

func TestASelectionThroughItsPages(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	if r := c.Get("/selections"); r.Status != http.StatusOK || !strings.Contains(r.Body, "No selection yet") {
		t.Fatalf("list: %d %s", r.Status, r.Body)
	}
	if r := c.Get("/selections/new"); r.Status != http.StatusOK || !strings.Contains(r.Body, `value="400"`) {
		t.Fatalf("new: %d %s", r.Status, r.Body)
	}
	form := url.Values{"name": {"Young leaders 2026"}, "org_id": {webtest.Itoa(f.Org.ID)}, "places": {"3"},
		"quota_mode": {"fixed"}, "tie_rule": {"registered_first"}, "appeal_days": {"2"},
		"quota_south": {"2"}, "quota_north": {"0"}, "quota_west": {"0"}, "quota_centre": {"0"}, "quota_east": {"0"}}
	if r := c.Post("/selections", form); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "The quotas sum to 2, not to the 3 places.") || !strings.Contains(r.Body, `value="Young leaders 2026"`) {
		t.Fatalf("quotas not summing: %d %s", r.Status, r.Body)
	}
	form.Set("quota_south", "3")
	if r := c.Post("/selections", form); r.Status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	sels, _ := webtest.Must2(f.Svc.Selection.List(ctx, access.System, store.Page{}))
	page := "/selections/" + webtest.Itoa(sels[0].ID)
	a := youngPerson(t, f, "KZ-75", "Abenova", true)
	b := youngPerson(t, f, "KZ-75", "Bekova", false)
	score := url.Values{"round": {"Almaty cases"}, "youth_id": {webtest.Itoa(a)}, "score": {"88"}}
	if r := c.Post(page+"/scores", score); r.Status != http.StatusSeeOther {
		t.Fatalf("score: %d %s", r.Status, r.Body)
	}
	if r := c.Post(page+"/scores", score); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "already has a score") {
		t.Fatalf("twice: %d %s", r.Status, r.Body)
	}
	score.Set("youth_id", webtest.Itoa(b))
	score.Set("score", "70")
	if r := c.Post(page+"/scores", score); r.Status != http.StatusSeeOther {
		t.Fatalf("score: %d %s", r.Status, r.Body)
	}
	if r := c.Post(page+"/publish", nil); r.Status != http.StatusConflict {
		t.Fatalf("publish while collecting: %d %s", r.Status, r.Body)
	}
	if r := c.Post(page+"/rank", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("rank: %d %s", r.Status, r.Body)
	}
	r := c.Get(page)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "No. 1 in the South, within its quota of 3") {
		t.Fatalf("ranking: %d %s", r.Status, r.Body)
	}
	ru := f.User(t, "ru@example.org", access.Coordinator, "ru")
	if r := ru.Get(page); !strings.Contains(r.Body, "в макрорегионе «Юг»") {
		t.Errorf("the ranking in Russian: %s", r.Body)
	}
	if r := c.Post(page+"/open-appeals", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("open appeals: %d %s", r.Status, r.Body)
	}
	if r := c.Post(page+"/appeals", url.Values{"youth_id": {webtest.Itoa(b)}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Reason is required") {
		t.Fatalf("an appeal without reason: %d %s", r.Status, r.Body)
	}
	if r := c.Post(page+"/appeals", url.Values{"youth_id": {webtest.Itoa(b)}, "reason": {"A round was missed"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("appeal: %d %s", r.Status, r.Body)
	}
	appeals := webtest.Must(f.Svc.Selection.Appeals(ctx, access.System, sels[0].ID))
	decide := page + "/appeals/" + webtest.Itoa(appeals[0].ID) + "/decide"
	if r := c.Post(decide, url.Values{"upheld": {"0"}}); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Decision is required") {
		t.Fatalf("a rejection without reason: %d %s", r.Status, r.Body)
	}
	if r := c.Post(decide, url.Values{"upheld": {"0"}, "decision": {"Both rounds were counted"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("reject: %d %s", r.Status, r.Body)
	}
	if r := c.Post(page+"/publish", nil); r.Status != http.StatusConflict || !strings.Contains(r.Body, "publish after that") {
		t.Fatalf("publish during appeals: %d %s", r.Status, r.Body)
	}
	_, err := f.DB.W.ExecContext(ctx, store.Rebind(f.DB.Engine, "UPDATE selections SET appeals_close_on = $1"), webtest.Day(2026, 8, 31))
	webtest.Check(t, err)
	if r := c.Post(page+"/publish", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("publish: %d %s", r.Status, r.Body)
	}
	r = f.Login(t, "admin@example.org").Get("/shortlists/" + webtest.Itoa(sels[0].ID))
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Aru Abenova") || strings.Contains(r.Body, "Bekova") ||
		!strings.Contains(r.Body, "A participant from Almaty") {
		t.Fatalf("shortlist: %d %s", r.Status, r.Body)
	}
	if sel := webtest.Must(f.Svc.Selection.Get(ctx, access.System, sels[0].ID)); sel.State != selection.Published {
		t.Errorf("state %s", sel.State)
	}
}

func TestTheMacroRegionTableIsTheAdministrators(t *testing.T) {
	f := webtest.New(t)
	if r := f.Login(t, "coord@example.org").Get("/admin/macro-regions"); r.Status != http.StatusForbidden {
		t.Errorf("coordinator: %d", r.Status)
	}
	adm := f.Login(t, "admin@example.org")
	if r := adm.Post("/admin/macro-regions", url.Values{"region": {"KZ-75-01"}, "macro": {"west"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "is not a top-level region") {
		t.Fatalf("a district: %d %s", r.Status, r.Body)
	}
	if r := adm.Post("/admin/macro-regions", url.Values{"region": {"KZ-43"}, "macro": {"west"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("save: %d %s", r.Status, r.Body)
	}
	if r := adm.Get("/admin/macro-regions"); !strings.Contains(r.Body, "Kyzylorda Region</bdi> <span class=\"muted small\" dir=\"ltr\">KZ-43</span></td><td>West") {
		t.Errorf("table: %s", r.Body)
	}
}

func TestAListOfScores(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	sel := webtest.Must(f.Svc.Selection.Create(ctx, access.System, selection.Input{Name: "Leaders", OrgID: f.Org.ID, Places: 5,
		QuotaMode: selection.ProportionalQuotas, TieRule: selection.RegisteredFirst}))
	a := youngPerson(t, f, "KZ-75", "Abenova", true)
	b := youngPerson(t, f, "KZ-75", "Bekova", false)
	page := "/selections/" + webtest.Itoa(sel.ID)
	if r := c.Upload(page+"/scores/import", "scores.csv", []byte("name,score\nA,1\n")); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "The list needs the columns youth_id, round, score.") {
		t.Fatalf("no youth_id column: %d %s", r.Status, r.Body)
	}
	list := "youth_id,round,score,rank\n" + webtest.Itoa(a) + ",Almaty,\"87,5\",1\n" + webtest.Itoa(b) + ",Almaty,x,2\n" +
		webtest.Itoa(a) + ",Almaty,80,3\n999999,Almaty,50,4\n"
	r := c.Upload(page+"/scores/import", "scores.csv", []byte(list))
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "1 scores entered, 3 lines refused.") ||
		!strings.Contains(r.Body, "Line 3: Give a score from 0 to") || !strings.Contains(r.Body, "Line 4: Young person "+webtest.Itoa(a)+" already has a score") ||
		!strings.Contains(r.Body, "Line 5: No young person is registered under number 999999.") {
		t.Fatalf("import: %d %s", r.Status, r.Body)
	}
	if got := webtest.Must(f.Svc.Selection.Get(ctx, access.System, sel.ID)); got.Candidates != 1 {
		t.Errorf("%d candidates", got.Candidates)
	}
}

func TestPullingAFinishedChampionship(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	sel := webtest.Must(f.Svc.Selection.Create(ctx, access.System, selection.Input{Name: "Leaders", OrgID: f.Org.ID, Places: 5,
		QuotaMode: selection.ProportionalQuotas, TieRule: selection.RegisteredFirst}))
	page := "/selections/" + webtest.Itoa(sel.ID)
	if r := c.Get(page); !strings.Contains(r.Body, "No finished competition to take results from.") {
		t.Fatalf("no competition: %s", r.Body)
	}
	a := youngPerson(t, f, "KZ-75", "Abenova", true)
	b := youngPerson(t, f, "KZ-75", "Bekova", false)
	cs := f.Svc.Championship
	ch := webtest.Must(cs.Create(ctx, access.System, championship.Input{OrgID: f.Org.ID, RegionCode: "KZ-75", Name: "Almaty cases",
		Starts: webtest.Day(2026, 10, 1), Ends: webtest.Day(2026, 10, 2),
		Rubric: []championship.Criterion{{Code: "analysis", Name: "Analysis", Weight: 1, Min: 0, Max: 10}}}))
	team := webtest.Must(cs.RegisterTeam(ctx, access.System, ch.ID, championship.TeamInput{Name: "Aru", RegionCode: "KZ-75", Members: []int64{a, b}}))
	j := webtest.Must(cs.AddJuror(ctx, access.System, ch.ID, championship.JurorInput{Name: "A. Juror", RegionCode: "KZ-71"}))
	ch = webtest.Must(cs.SetState(ctx, access.System, ch.ID, championship.Scoring, ch.Version))
	webtest.Check(t, cs.Score(ctx, access.System, ch.ID, championship.Sheet{JurorID: j.ID, TeamID: team.ID, Scores: map[string]int{"analysis": 7}}))
	if r := c.Get(page); !strings.Contains(r.Body, "No finished competition") {
		t.Fatalf("a championship still scoring is offered: %s", r.Body)
	}
	webtest.Must(cs.SetState(ctx, access.System, ch.ID, championship.Finished, ch.Version))
	value := "championship:" + webtest.Itoa(ch.ID)
	if r := c.Get(page); !strings.Contains(r.Body, `<option value="`+value+`">Case championship: Almaty cases</option>`) {
		t.Fatalf("the finished championship is not offered: %s", r.Body)
	}
	if r := c.Post(page+"/scores/pull", url.Values{"competition": {value}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Regional round is required") {
		t.Fatalf("no round: %d %s", r.Status, r.Body)
	}
	if r := c.Post(page+"/scores/pull", url.Values{"competition": {"cup:1"}, "round": {"Cases"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "No source of results named cup.") {
		t.Fatalf("an unknown source: %d %s", r.Status, r.Body)
	}
	if r := c.Post(page+"/scores/pull", url.Values{"competition": {value}, "round": {"Cases"}}); r.Status != http.StatusOK ||
		!strings.Contains(r.Body, "2 results entered, 0 refused.") {
		t.Fatalf("pull: %d %s", r.Status, r.Body)
	}
	if got := webtest.Must(f.Svc.Selection.Get(ctx, access.System, sel.ID)); got.Candidates != 2 {
		t.Errorf("%d candidates", got.Candidates)
	}
	if r := c.Post(page+"/scores/pull", url.Values{"competition": {value}, "round": {"Cases again"}}); r.Status != http.StatusOK ||
		!strings.Contains(r.Body, "0 results entered, 2 refused.") || !strings.Contains(r.Body, "already has a score") {
		t.Fatalf("pulled twice: %d %s", r.Status, r.Body)
	}
}
