package matching_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
	"github.com/jolproject/jol/internal/youth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// cohort gives the fixture's organisation two mentors who finished the
// school, the first with a login (returned), and three young people: Asel
// who chose the second mentor, Dana who asked for an automatic match,
// and a minor without a guardian's consent.
func cohort(t *testing.T, f *webtest.Fixture) (mentorLogin accounts.User, first mentoring.Mentor) {
	t.Helper()
	ctx, sys, ms := context.Background(), access.System, f.Svc.Mentoring
	mod := webtest.Must(ms.AddModule(ctx, sys, mentoring.Module{Code: "how", Name: "How to mentor", Required: true}))
	c := webtest.Must(ms.CreateCohort(ctx, sys, mentoring.Cohort{Name: "Summer", OrgID: f.Org.ID,
		StartsOn: webtest.Day(2026, 8, 1), EndsOn: webtest.Day(2026, 8, 31)}))
	sess := webtest.Must(ms.AddSession(ctx, sys, mentoring.Session{CohortID: c.ID, ModuleID: mod.ID,
		HeldOn: webtest.Day(2026, 8, 10), Trainer: "B. Omarov"}))
	var ids []int64
	for i, name := range []string{"Aigerim Nurlanova", "Bolat Sapar"} {
		m := webtest.Must(ms.Create(ctx, sys, mentoring.Input{Name: name, Email: fmt.Sprintf("mentor%d@example.org", i),
			Background: mentoring.Coach, Fields: []string{"career"}, Languages: []string{"kk"}, OrgID: f.Org.ID,
			RegionCode: "KZ-75", InPerson: true, Capacity: 1}))
		webtest.Check(t, ms.Enrol(ctx, sys, c.ID, m.ID))
		ids = append(ids, m.ID)
		if i == 0 {
			first = m
		}
	}
	webtest.Check(t, ms.RecordAttendance(ctx, sys, sess.ID, ids))
	for _, id := range ids {
		webtest.Check(t, ms.RecordFinal(ctx, sys, c.ID, id, true, 90, webtest.Day(2026, 8, 31)))
	}
	mentorLogin = webtest.Must(f.Svc.Accounts.Create(ctx, sys, accounts.NewUser{Email: "mentor@example.org", Name: "Aigerim",
		Role: access.Mentor, OrgID: f.Org.ID, Region: "KZ-75", Locale: "en", Password: webtest.Password}))
	webtest.Check(t, ms.LinkUser(ctx, sys, first.ID, mentorLogin.ID))
	form := youth.FormPrincipal(f.Org.ID, f.Org.Path)
	for i, y := range []struct {
		first string
		birth time.Time
	}{{"Asel", webtest.Day(2000, 5, 1)}, {"Dana", webtest.Day(2001, 5, 1)}, {"Kamila", webtest.Day(2010, 5, 1)}} {
		r := webtest.Must(f.Svc.Youth.Register(ctx, form, f.Org.ID, youth.Input{LastName: "Seitkali", FirstName: y.first,
			Birth: y.birth, RegionCode: "KZ-75", Settlement: youth.Urban, Status: youth.NEET, Field: "career",
			Language: "kk", Contact: youth.Contact{Phone: fmt.Sprintf("+7 701 000 00 %02d", i)}, Channel: youth.Web,
			// A minor registering on the web names a guardian (an adult may).
			Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 11 22"}}))
		if y.first == "Asel" {
			_ = webtest.Must(f.DB.W.ExecContext(ctx, store.Rebind(f.DB.Engine,
				"INSERT INTO youth_choices (youth_id, choice, mentor_id, chosen_at) VALUES ($1, 1, $2, $3)"),
				r.ID, ids[1], webtest.Clock()))
		}
	}
	return mentorLogin, first
}

func TestRunAndReply(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	if r := c.Get("/matching"); r.Status != http.StatusOK || !strings.Contains(r.Body, `id="no-runs"`) {
		t.Fatalf("runs: %d %s", r.Status, r.Body)
	}
	_, first := cohort(t, f)
	if r := c.Get("/matching/new"); r.Status != http.StatusOK || !strings.Contains(r.Body, "Career and employment") {
		t.Fatalf("new: %d %s", r.Status, r.Body)
	}
	bad := url.Values{"deadline_days": {"99"}, "region": {"KZ-75"}, "limit": {"x"}}
	if r := c.Post("/matching", bad); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Enter a whole number") ||
		!strings.Contains(r.Body, `value="KZ-75"`) {
		t.Fatalf("bad limit: %d %s", r.Status, r.Body)
	}
	bad.Set("limit", "50")
	ru := f.User(t, "ru@example.org", access.Coordinator, "ru")
	if r := ru.Post("/matching", bad); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Срок ответа наставника — от 1 до 60 дней") {
		t.Fatalf("bad deadline in Russian: %d %s", r.Status, r.Body)
	}
	r := c.Post("/matching", url.Values{"deadline_days": {"7"}, "limit": {"50"}, "same_field": {"1"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("run: %d %s", r.Status, r.Body)
	}
	runs, _ := webtest.Must2(f.Svc.Matching.Runs(context.Background(), access.System, store.Page{}))
	page := c.Get("/matching/" + webtest.Itoa(runs[0].ID))
	for _, want := range []string{"your first choice; same field, same region, a shared language", "Seitkali Asel",
		"matched automatically, as you asked", "A guardian’s consent is missing", "Seitkali Kamila"} {
		if !strings.Contains(page.Body, want) {
			t.Fatalf("run page lacks %q: %s", want, page.Body)
		}
	}
	if r := c.Get("/matching"); !strings.Contains(r.Body, "Run №") {
		t.Fatalf("runs: %s", r.Body)
	}

	m := f.Login(t, "mentor@example.org")
	if r := m.Get("/matching"); r.Status != http.StatusForbidden {
		t.Errorf("a mentor reads the runs: %d", r.Status)
	}
	mine := m.Get("/my-proposals")
	if mine.Status != http.StatusOK || !strings.Contains(mine.Body, "Seitkali Dana") || strings.Contains(mine.Body, "Seitkali Asel") {
		t.Fatalf("my proposals: %d %s", mine.Status, mine.Body)
	}
	ps := webtest.Must(f.Svc.Matching.ForYouth(context.Background(), proposalYouth(t, f, first.ID)))
	id, version := webtest.Itoa(ps[0].ID), fmt.Sprint(ps[0].Version)
	if r := m.Post("/my-proposals/"+id+"/decline", url.Values{"version": {version}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "is required") {
		t.Fatalf("decline without a reason: %d %s", r.Status, r.Body)
	}
	if r := m.Post("/my-proposals/"+id+"/accept", url.Values{"version": {version}}); r.Status != http.StatusSeeOther {
		t.Fatalf("accept: %d %s", r.Status, r.Body)
	}
	if r := m.Post("/my-proposals/"+id+"/accept", url.Values{"version": {version}}); r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("second accept: %d %s", r.Status, r.Body)
	}
	if r := m.Get("/my-proposals"); !strings.Contains(r.Body, "accepted") {
		t.Fatalf("after accept: %s", r.Body)
	}
	if r := c.Get("/my-proposals"); r.Status != http.StatusForbidden {
		t.Errorf("a coordinator reads a mentor's proposals: %d", r.Status)
	}
	var ships int
	webtest.Check(t, f.DB.R.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM mentorships").Scan(&ships))
	if ships != 1 {
		t.Fatalf("%d mentorships, want 1", ships)
	}
}

// proposalYouth is the young person proposed to mentor id.
func proposalYouth(t *testing.T, f *webtest.Fixture, id int64) int64 {
	t.Helper()
	var y int64
	webtest.Check(t, f.DB.R.QueryRowContext(context.Background(), store.Rebind(f.DB.Engine,
		"SELECT youth_id FROM match_proposals WHERE mentor_id = $1 AND status = $2"), id, string(matching.Pending)).Scan(&y))
	return y
}
