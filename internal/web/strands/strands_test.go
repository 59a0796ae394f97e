package strands_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/web/webtest"
	"github.com/jolproject/jol/internal/youth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// young registers a young person of the fixture's organisation in Almaty.
func young(t *testing.T, f *webtest.Fixture, first string, age int) int64 {
	t.Helper()
	r := webtest.Must(f.Svc.Youth.Register(context.Background(), youth.FormPrincipal(f.Org.ID, f.Org.Path), f.Org.ID,
		youth.Input{LastName: "Seitkali", FirstName: first, Birth: webtest.Clock().AddDate(-age, 0, -3), RegionCode: "KZ-75",
			Settlement: youth.Urban, Status: youth.NEET, Field: "it", Language: "kk",
			Contact: youth.Contact{Telegram: "user_" + strings.ToLower(first)}, Channel: youth.Web,
			// A minor registering on the web names a guardian (an adult may).
			Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}}))
	return r.ID
}

// TestActivityWalk adds an activity through its form, enrols young
// people (refusing one over capacity and one enrolled twice), adds a
// session, records who came and a participant's progress.
func TestActivityWalk(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	if r := c.Get("/activities"); r.Status != http.StatusOK || !strings.Contains(r.Body, "No activity yet") {
		t.Fatalf("empty list: %d %s", r.Status, r.Body)
	}
	form := url.Values{"name": {""}, "strand": {"leaders"}, "org_id": {webtest.Itoa(f.Org.ID)}, "region_code": {"KZ-75"},
		"starts_on": {"2026-09-10"}, "ends_on": {"2026-09-01"}, "capacity": {"0"}}
	r := c.Post("/activities", form)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "The activity cannot end before it starts") ||
		!strings.Contains(r.Body, "Give the number of places") || !strings.Contains(r.Body, `value="KZ-75"`) {
		t.Fatalf("bad activity: %d %s", r.Status, r.Body)
	}
	ru := f.User(t, "ru@example.org", access.Coordinator, "ru")
	if r := ru.Post("/activities", form); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Занятие не может закончиться") {
		t.Fatalf("bad activity in Russian: %d %s", r.Status, r.Body)
	}
	form.Set("name", "Dombra for beginners")
	form.Set("strand", "creative")
	form.Set("ends_on", "2026-12-20")
	form.Set("capacity", "2")
	if r = c.Post("/activities", form); r.Status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	page := r.Location
	a, b, d := young(t, f, "Aruzhan", 18), young(t, f, "Dana", 19), young(t, f, "Madina", 22)
	for _, id := range []int64{a, b} {
		if r := c.Post(page+"/enrol", url.Values{"youth_id": {webtest.Itoa(id)}}); r.Status != http.StatusSeeOther {
			t.Fatalf("enrol %d: %d %s", id, r.Status, r.Body)
		}
	}
	if r := c.Post(page+"/enrol", url.Values{"youth_id": {webtest.Itoa(a)}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "enrolled on the activity already") {
		t.Errorf("enrolled twice: %d %s", r.Status, r.Body)
	}
	if r := c.Post(page+"/enrol", url.Values{"youth_id": {webtest.Itoa(d)}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "All 2 places of this activity are taken") || !strings.Contains(r.Body, `value="`+webtest.Itoa(d)+`"`) {
		t.Errorf("over capacity: %d %s", r.Status, r.Body)
	}
	r = c.Post(page+"/sessions", url.Values{"held_on": {"2026-09-12"}, "topic": {"Kui of Kurmangazy"}, "leader": {"Erlan Nurpeisov"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("session: %d %s", r.Status, r.Body)
	}
	session := r.Location
	if r := c.Get(session); r.Status != http.StatusOK || !strings.Contains(r.Body, "Seitkali Aruzhan") || !strings.Contains(r.Body, "not marked yet") {
		t.Fatalf("register: %d %s", r.Status, r.Body)
	}
	marks := url.Values{"youth": {webtest.Itoa(a), webtest.Itoa(b)}, "present-" + webtest.Itoa(a): {"1"}}
	if r := c.Post(session, marks); r.Status != http.StatusSeeOther {
		t.Fatalf("attendance: %d %s", r.Status, r.Body)
	}
	if r := c.Post(session, url.Values{"youth": {webtest.Itoa(d)}, "present-" + webtest.Itoa(d): {"1"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "is not enrolled on this activity") {
		t.Errorf("attendance of someone not enrolled: %d %s", r.Status, r.Body)
	}
	if r := c.Post(page+"/progress", url.Values{"youth_id": {webtest.Itoa(a)}, "progress": {"60"}, "note": {"Plays two kuis"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("progress: %d %s", r.Status, r.Body)
	}
	r = c.Get(page)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "Plays two kuis") || !strings.Contains(r.Body, "1 came of 2 marked") ||
		!strings.Contains(r.Body, "2 of 2") {
		t.Errorf("activity page: %d %s", r.Status, r.Body)
	}
	if r := c.Get("/activities?strand=creative&region=KZ-75"); r.Status != http.StatusOK || !strings.Contains(r.Body, "Dombra for beginners") {
		t.Errorf("list by region: %d %s", r.Status, r.Body)
	}
	if r := c.Get("/activities?region=KZ-71"); r.Status != http.StatusOK || strings.Contains(r.Body, "Dombra for beginners") {
		t.Errorf("another region's list: %d %s", r.Status, r.Body)
	}
	sponsor := f.User(t, "sponsor@example.org", access.Sponsor, "en")
	for _, path := range []string{"/activities", page, "/coverage", "/outcomes/" + webtest.Itoa(a)} {
		if r := sponsor.Get(path); r.Status != http.StatusForbidden {
			t.Errorf("sponsor on %s: %d", path, r.Status)
		}
	}
}

// TestOutcomeAndCoverage records an outcome (refusing an unknown code),
// logs the opening of a young person's outcome, and shows and exports the
// coverage.
func TestOutcomeAndCoverage(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	if r := c.Get("/coverage"); r.Status != http.StatusOK || !strings.Contains(r.Body, "No young person is registered") {
		t.Fatalf("empty coverage: %d %s", r.Status, r.Body)
	}
	ctx := context.Background()
	act := webtest.Must(f.Svc.Strands.Create(ctx, f.Coord.Principal(), strands.Input{Name: "Young leaders' school",
		Strand: strands.Leaders, OrgID: f.Org.ID, RegionCode: "KZ-75", StartsOn: webtest.Day(2026, 9, 1),
		EndsOn: webtest.Day(2026, 12, 1), Capacity: 40}))
	a, _ := young(t, f, "Aruzhan", 16), young(t, f, "Dana", 26)
	webtest.Must(f.Svc.Strands.Join(ctx, a, act.ID))
	page := "/outcomes/" + webtest.Itoa(a)
	var before, after int
	count := func(n *int) {
		webtest.Check(t, f.DB.R.QueryRowContext(ctx, "SELECT count(*) FROM access_log WHERE subject_kind = 'youth'").Scan(n))
	}
	count(&before)
	if r := c.Get(page); r.Status != http.StatusOK || !strings.Contains(r.Body, "No outcome recorded yet") || !strings.Contains(r.Body, "Young leaders") {
		t.Fatalf("outcome page: %d %s", r.Status, r.Body)
	}
	if count(&after); after != before+1 {
		t.Errorf("access log: %d then %d", before, after)
	}
	r := c.Post(page, url.Values{"outcome": {"married"}, "outcome_on": {"2026-08-30"}, "note": {"keep me"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "keep me") || !strings.Contains(r.Body, "not_reached") {
		t.Errorf("unknown outcome: %d %s", r.Status, r.Body)
	}
	if r := c.Post(page, url.Values{"outcome": {"education"}, "outcome_on": {"2026-08-30"}, "note": {"College"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("record: %d %s", r.Status, r.Body)
	}
	if r := c.Get(page); !strings.Contains(r.Body, "Enrolled in education") || !strings.Contains(r.Body, "recorded by Coordinator") {
		t.Errorf("recorded: %s", r.Body)
	}
	r = c.Get("/coverage")
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "1 of the 20,000 young people targeted are reached") ||
		!strings.Contains(r.Body, "<svg") || !strings.Contains(r.Body, `id="by-region"`) {
		t.Errorf("coverage: %d %s", r.Status, r.Body)
	}
	d := c.Download("/coverage/export?format=csv")
	if d.Status != http.StatusOK || !strings.Contains(string(d.Body), "Age group,14-17,1,1,0,1,0,1,0,0,0,0") ||
		!strings.Contains(string(d.Body), "Age group,25-29,1,0,0,0,0,0,0,0,0,0") {
		t.Errorf("export: %d %s", d.Status, d.Body)
	}
	if x := c.Download("/coverage/export?format=xlsx"); x.Status != http.StatusOK || !strings.HasPrefix(string(x.Body), "PK") ||
		!strings.Contains(x.Header.Get("Content-Disposition"), "coverage-2026-09-01.xlsx") {
		t.Errorf("Excel export: %d %v", x.Status, x.Header)
	}
}
