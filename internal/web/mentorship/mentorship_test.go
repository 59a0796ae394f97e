package mentorship_test

import (
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/mentorship/mentorshiptest"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

// TestMain runs the tests on SQLite, or on PostgreSQL when asked.
func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func seed(t *testing.T) (*webtest.Fixture, mentorshiptest.Fixture) {
	f := webtest.New(t)
	return f, mentorshiptest.Build(t, mentorshiptest.Setup{Svc: f.Svc, DB: f.DB, OrgID: f.Org.ID, RegionCode: "KZ-75",
		Coord: f.Coord.Principal(), Now: webtest.Clock(), Password: webtest.Password})
}

func want(t *testing.T, what string, r webtest.Response, status int, texts ...string) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("%s: status %d, want %d\n%s", what, r.Status, status, r.Body)
	}
	for _, s := range texts {
		if !strings.Contains(r.Body, s) {
			t.Errorf("%s: no %q in the page", what, s)
		}
	}
}

// TestMentorWorksTheirMentorship walks a mentor through their list, a
// minor's page with the safeguarding rules, a session refused and logged,
// feedback, and a concern refused without text and reported.
func TestMentorWorksTheirMentorship(t *testing.T) {
	f, ms := seed(t)
	mentor := f.Login(t, "bolat@example.org")
	list := mentor.Get("/mentorships")
	want(t, "the mentor's list", list, http.StatusOK, "Aruzhan Seitkali", "Dana Seitkali")
	if strings.Contains(list.Body, "Erlan") {
		t.Error("the mentor's list shows another mentor's mentee")
	}
	page := "/mentorships/" + webtest.Itoa(ms.Minor)
	want(t, "a minor's page", mentor.Get(page), http.StatusOK, `id="safeguarding-rules"`, "Safeguarding rules")
	if strings.Contains(mentor.Get("/mentorships/"+webtest.Itoa(ms.Adult)).Body, `id="safeguarding-rules"`) {
		t.Error("an adult's mentorship shows the minors' rules")
	}

	bad := mentor.Post(page+"/sessions", url.Values{"held_on": {"2026-09-05"}, "minutes": {"0"}, "format": {"online"},
		"topic": {"Plans for college"}})
	want(t, "a session in the future", bad, http.StatusUnprocessableEntity, "cannot be after today",
		"A session lasts from 1 to 480 minutes", `value="Plans for college"`)
	want(t, "a session", mentor.Post(page+"/sessions", url.Values{"held_on": {"2026-08-28"}, "minutes": {"75"},
		"format": {"in_person"}, "topic": {"Plans for college"}}), http.StatusSeeOther)
	after := mentor.Get(page)
	want(t, "the page after", after, http.StatusOK, "Plans for college", "sessions: 1, hours: 1.3", "Give feedback")

	work, err := f.Svc.Mentorship.WorkOf(t.Context(), ms.MentorUser.Principal(), ms.Minor)
	webtest.Check(t, err)
	fb := page + "/sessions/" + webtest.Itoa(work.Sessions[0].ID) + "/feedback"
	want(t, "feedback", mentor.Post(fb, url.Values{"rating": {"4"}, "comment": {"Keen"}}), http.StatusSeeOther)
	want(t, "feedback twice", mentor.Post(fb, url.Values{"rating": {"4"}}), http.StatusUnprocessableEntity, "already been given")

	want(t, "a concern with no text", mentor.Post(page+"/concerns", url.Values{"body": {"  "}}), http.StatusUnprocessableEntity,
		"error-summary")
	want(t, "a concern", mentor.Post(page+"/concerns", url.Values{"body": {"Mentioned trouble at home"}}), http.StatusSeeOther)

	other := f.Login(t, "saule@example.org")
	if r := other.Get(page); r.Status != http.StatusForbidden {
		t.Errorf("another mentor opens it: %d", r.Status)
	}
	if r := other.Post(page+"/sessions", url.Values{"held_on": {"2026-08-28"}, "minutes": {"30"}, "format": {"online"},
		"topic": {"x"}}); r.Status != http.StatusForbidden {
		t.Errorf("another mentor logs a session: %d", r.Status)
	}
}

// TestCoordinatorEndsAndTheLeadWorksAConcern filters the list, reads the
// activity report, ends a mentorship early, designates a lead and works
// a concern that reached them.
func TestCoordinatorEndsAndTheLeadWorksAConcern(t *testing.T) {
	f, ms := seed(t)
	coord := f.Login(t, "coord@example.org")
	want(t, "the list", coord.Get("/mentorships"), http.StatusOK, "Erlan Seitkali", "Aruzhan Seitkali")
	want(t, "no completed ones", coord.Get("/mentorships?status=completed"), http.StatusOK, "No mentorships here yet")
	want(t, "an unknown region", coord.Get("/mentorships?region=XX-9"), http.StatusUnprocessableEntity)

	page := "/mentorships/" + webtest.Itoa(ms.Adult)
	want(t, "a session", coord.Post(page+"/sessions", url.Values{"held_on": {"2026-08-20"}, "minutes": {"60"},
		"format": {"online"}, "topic": {"CV"}}), http.StatusSeeOther)
	want(t, "the activity", coord.Get("/mentorships/activity?from=2026-08-01&to=2026-08-31"), http.StatusOK,
		"Bolat Nurlanov", "1.0")
	want(t, "a period backwards", coord.Get("/mentorships/activity?from=2026-08-31&to=2026-08-01"),
		http.StatusUnprocessableEntity, "Choose a period")

	want(t, "ending early with no reason", coord.Post(page+"/end", url.Values{"outcome": {"ended_early"}}),
		http.StatusUnprocessableEntity)
	want(t, "ending early", coord.Post(page+"/end", url.Values{"outcome": {"ended_early"}, "reason": {"Moved to Astana"}}),
		http.StatusSeeOther)
	want(t, "ending twice", coord.Post(page+"/end", url.Values{"outcome": {"completed"}}), http.StatusUnprocessableEntity,
		"has ended")
	want(t, "the ended page", coord.Get(page), http.StatusOK, "Moved to Astana", "ended early")

	want(t, "designating the lead", coord.Post("/safeguarding/leads", url.Values{"org_id": {webtest.Itoa(f.Org.ID)},
		"user_id": {webtest.Itoa(f.Coord.ID)}}), http.StatusSeeOther)
	c, err := f.Svc.Mentorship.ReportConcern(t.Context(), ms.MentorUser.Principal(), ms.Minor, "Late meetings")
	webtest.Check(t, err)
	want(t, "the lead's home", coord.Get("/"), http.StatusOK, `href="/safeguarding"`)
	want(t, "the lead's list", coord.Get("/safeguarding"), http.StatusOK, "Aruzhan Seitkali", "the mentor", "Coordinator")
	cp := "/safeguarding/" + webtest.Itoa(c.ID)
	want(t, "the concern", coord.Get(cp), http.StatusOK, "Late meetings")
	want(t, "closing without a note", coord.Post(cp, url.Values{"status": {"closed"}, "version": {"1"}}),
		http.StatusUnprocessableEntity)
	want(t, "taking it on", coord.Post(cp, url.Values{"status": {"in_progress"}, "version": {"1"}, "note": {"Called"}}),
		http.StatusSeeOther)
	want(t, "in progress", coord.Get(cp), http.StatusOK, "in progress")
	if r := f.Login(t, "bolat@example.org").Get(cp); r.Status != http.StatusForbidden {
		t.Errorf("the mentor opens the concern: %d", r.Status)
	}
}
