package mentors_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/web/webtest"
)

// The school on its pages: modules, a cohort (bad dates refused), its
// members, a session (outside the cohort's dates refused), a register
// naming a mentor not of the cohort (refused, nothing recorded), the
// final check (a score out of range refused), and the cohort's progress:
// who finished and who misses what.
func TestSchoolPages(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	admin, coord := f.Login(t, "admin@example.org"), f.Login(t, f.Coord.Email)
	for _, m := range []url.Values{{"code": {"state"}, "name": {"State programmes for young people"}, "required": {"1"}, "position": {"1"}},
		{"code": {"safe"}, "name": {"Safeguarding"}, "required": {"1"}, "position": {"2"}}} {
		if r := admin.Post("/mentors/school/modules", m); r.Status != http.StatusSeeOther {
			t.Fatalf("adding a module = %d: %s", r.Status, r.Body)
		}
	}
	wantIn(t, "a module twice", admin.Post("/mentors/school/modules", url.Values{"code": {"safe"}, "name": {"Again"}}),
		http.StatusUnprocessableEntity, "already has a module with this code")
	mods := webtest.Must(f.Svc.Mentoring.Modules(ctx))

	cohort := url.Values{"name": {"Autumn 2026"}, "org": {webtest.Itoa(f.Org.ID)}, "starts_on": {"2026-09-30"},
		"ends_on": {"2026-09-01"}}
	wantIn(t, "a cohort ending before it starts", coord.Post("/mentors/school/cohorts", cohort),
		http.StatusUnprocessableEntity, "must end on or after", `value="Autumn 2026"`)
	cohort.Set("starts_on", "2026-09-01")
	cohort.Set("ends_on", "2026-09-30")
	r := coord.Post("/mentors/school/cohorts", cohort)
	if r.Status != http.StatusSeeOther {
		t.Fatalf("opening a cohort = %d: %s", r.Status, r.Body)
	}
	page := r.Location
	cid := scalar(t, f, "SELECT id FROM mentor_cohorts")

	mentor := func(name, email string) int64 {
		m := webtest.Must(f.Svc.Mentoring.Create(ctx, access.System, mentoring.Input{Name: name, Email: email,
			Background: mentoring.Coach, Fields: []string{"sport"}, Languages: []string{"kk"}, OrgID: f.Org.ID,
			RegionCode: "KZ-75", Online: true, Capacity: 2}))
		return m.ID
	}
	a, b, outsider := mentor("Aigerim", "a@example.org"), mentor("Bolat", "b@example.org"), mentor("Dana", "d@example.org")
	for _, id := range []int64{a, b} {
		if r := coord.Post(page+"/members", url.Values{"mentor": {webtest.Itoa(id)}}); r.Status != http.StatusSeeOther {
			t.Fatalf("adding a member = %d: %s", r.Status, r.Body)
		}
	}
	wantIn(t, "a member twice", coord.Post(page+"/members", url.Values{"mentor": {webtest.Itoa(a)}}),
		http.StatusUnprocessableEntity, "already in this cohort")

	wantIn(t, "a session outside the cohort", coord.Post(page+"/sessions", url.Values{"module": {webtest.Itoa(mods[0].ID)},
		"held_on": {"2026-10-05"}, "trainer": {"B. Omarov"}}), http.StatusUnprocessableEntity, "within the cohort")
	var sessions []string
	for i, m := range mods {
		r := coord.Post(page+"/sessions", url.Values{"module": {webtest.Itoa(m.ID)},
			"held_on": {[]string{"2026-09-05", "2026-09-12"}[i]}, "trainer": {"B. Omarov"}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("planning a session = %d: %s", r.Status, r.Body)
		}
		sessions = append(sessions, r.Location)
	}
	wantIn(t, "a register naming an outsider", coord.Post(sessions[0], url.Values{"present": {webtest.Itoa(a),
		webtest.Itoa(outsider)}}), http.StatusUnprocessableEntity, "is not in this cohort")
	if n := scalar(t, f, "SELECT COUNT(*) FROM mentor_attendance"); n != 0 {
		t.Fatalf("%d marks recorded from a refused register", n)
	}
	for i, present := range []url.Values{{"present": {webtest.Itoa(a), webtest.Itoa(b)}}, {"present": {webtest.Itoa(a)}}} {
		if r := coord.Post(sessions[i], present); r.Status != http.StatusSeeOther {
			t.Fatalf("the register = %d: %s", r.Status, r.Body)
		}
	}
	wantIn(t, "a session", coord.Get(sessions[1]), http.StatusOK, "Safeguarding", `value="`+webtest.Itoa(a)+`" checked`)

	final := url.Values{"mentor": {webtest.Itoa(a)}, "result": {"passed"}, "score": {"101"}, "checked_on": {"2026-09-30"}}
	wantIn(t, "a score out of range", coord.Post(page+"/finals", final), http.StatusUnprocessableEntity, "from 0 to 100")
	final.Set("score", "88")
	if r := coord.Post(page+"/finals", final); r.Status != http.StatusSeeOther {
		t.Fatalf("the final check = %d: %s", r.Status, r.Body)
	}
	wantIn(t, "the progress", coord.Get(page), http.StatusOK, "2 members; 1 finished the school", "passed (88)")
	rep := webtest.Must(f.Svc.Mentoring.Report(ctx, access.System, cid))
	if !rep.Finished[a] || rep.Finished[b] || len(rep.Missing[b]) != 1 {
		t.Fatalf("report %+v", rep)
	}
	// The mentor who finished may take adults; the other is told what is missing.
	wantIn(t, "the finished mentor", coord.Get("/mentors/"+webtest.Itoa(a)), http.StatusOK,
		"Young people of 18 and over: yes", "The mentors’ school is finished")
	wantIn(t, "the other", coord.Get("/mentors/"+webtest.Itoa(b)), http.StatusOK, "not attended Safeguarding")
	if r := f.User(t, "aud@example.org", access.Auditor, "en").Post(page+"/members", url.Values{"mentor": {webtest.Itoa(outsider)}}); r.Status != http.StatusForbidden {
		t.Errorf("an auditor added a member: %d", r.Status)
	}
}
