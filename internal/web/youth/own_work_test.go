package youth_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/mentorship/mentorshiptest"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/web/webtest"
)

// wantPage fails unless r has status and every text.
func wantPage(t *testing.T, what string, r webtest.Response, status int, texts ...string) {
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

// TestOwnPageWork walks a minor through their own page in Kazakh: the
// safeguarding rules, their mentorship with its session and goal,
// feedback refused then given, a concern refused then reported, an
// activity joined and an appeal filed before its deadline; another's
// session is not found through their link.
func TestOwnPageWork(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	coord := f.Coord.Principal()
	ms := mentorshiptest.Build(t, mentorshiptest.Setup{Svc: f.Svc, DB: f.DB, OrgID: f.Org.ID, RegionCode: "KZ-75",
		Coord: coord, Now: webtest.Clock(), Password: webtest.Password})
	x := webtest.Must(f.Svc.Mentorship.LogSession(ctx, coord, ms.Minor, mentorship.SessionInput{
		HeldOn: webtest.Day(2026, 8, 28), Minutes: 90, Format: mentorship.InPerson, Topic: "Колледж таңдау"}))
	other := webtest.Must(f.Svc.Mentorship.LogSession(ctx, coord, ms.Adult, mentorship.SessionInput{
		HeldOn: webtest.Day(2026, 8, 29), Minutes: 30, Format: mentorship.Online, Topic: "Another's"}))
	webtest.Must(f.Svc.Mentorship.AddGoal(ctx, coord, ms.Minor, mentorship.GoalInput{Title: "Құжат тапсыру",
		Steps: 4, StepsDone: 2, Status: mentorship.GoalOpen}))
	act := webtest.Must(f.Svc.Strands.Create(ctx, coord, strands.Input{Name: "Домбыра үйірмесі", Strand: strands.Creative,
		OrgID: f.Org.ID, RegionCode: "KZ-75", StartsOn: webtest.Day(2026, 9, 10), EndsOn: webtest.Day(2026, 12, 20), Capacity: 10}))
	sel := webtest.Must(f.Svc.Selection.Create(ctx, coord, selection.Input{Name: "Жас көшбасшылар мектебі", OrgID: f.Org.ID,
		Places: 1, QuotaMode: selection.ProportionalQuotas, TieRule: selection.RegisteredFirst, AppealDays: 3}))
	webtest.Check(t, f.Svc.Selection.Enter(ctx, coord, sel.ID, selection.Score{Round: "Алматы", YouthID: ms.MinorYouth, Score: 71.5, Rank: 1}))
	webtest.Check(t, f.Svc.Selection.Enter(ctx, coord, sel.ID, selection.Score{Round: "Алматы", YouthID: ms.AdultYouth, Score: 80, Rank: 2}))
	webtest.Must(f.Svc.Selection.Rank(ctx, coord, sel.ID))
	webtest.Must(f.Svc.Selection.OpenAppeals(ctx, coord, sel.ID))
	token := webtest.Must(f.Svc.Youth.Link(ctx, coord, ms.MinorYouth))
	own := "/y/" + token
	v := anonymous(t, f, "kk")

	wantPage(t, "own page", v.Get(own), http.StatusOK, `id="safeguarding-rules"`, "Қауіпсіздік ережелері",
		"Сіздің тәлімгеріңіз: Bolat", "Колледж таңдау", "Құжат тапсыру", `value="50"`, "Домбыра үйірмесі",
		"Жас көшбасшылар мектебі", "71.5", "Орныңызға")
	if r := v.Get(own); strings.Contains(r.Body, "Nurlanov") {
		t.Error("the mentor's last name shows on the young person's page")
	}

	fb := own + "/sessions/" + webtest.Itoa(x.ID) + "/feedback"
	wantPage(t, "feedback without a rating", v.Post(fb, url.Values{"rating": {"9"}, "comment": {"Жақсы"}}),
		http.StatusUnprocessableEntity, `role="alert"`, `value="Жақсы"`)
	r := v.Post(fb, url.Values{"rating": {"5"}, "comment": {"Жақсы"}})
	if r.Status != http.StatusSeeOther || !strings.Contains(r.Location, "done=feedback") {
		t.Fatalf("feedback: %d %s", r.Status, r.Location)
	}
	wantPage(t, "after feedback", v.Get(own+"?done=feedback"), http.StatusOK, "Рақмет: пікіріңіз сақталды.", "пікір қалдырылды")
	wantPage(t, "another's session", v.Post(own+"/sessions/"+webtest.Itoa(other.ID)+"/feedback",
		url.Values{"rating": {"1"}}), http.StatusNotFound)

	concern := own + "/mentorships/" + webtest.Itoa(ms.Minor) + "/concern"
	wantPage(t, "an empty concern", v.Post(concern, url.Values{"body": {" "}}), http.StatusUnprocessableEntity,
		`role="alert"`, "<details class=\"concern\" open>")
	if r := v.Post(concern, url.Values{"body": {"Кездесу кешке ауыстырылды"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("concern: %d %s", r.Status, r.Body)
	}
	var n int
	webtest.Check(t, f.DB.R.QueryRowContext(ctx, "SELECT count(*) FROM safeguarding_concerns WHERE reporter = 'youth'").Scan(&n))
	if n != 1 {
		t.Errorf("%d concerns from the young person", n)
	}
	wantPage(t, "another's mentorship", v.Post(own+"/mentorships/"+webtest.Itoa(ms.Adult)+"/concern",
		url.Values{"body": {"x"}}), http.StatusNotFound)

	if r := v.Post(own+"/activities/"+webtest.Itoa(act.ID)+"/join", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("join: %d %s", r.Status, r.Body)
	}
	wantPage(t, "joined twice", v.Post(own+"/activities/"+webtest.Itoa(act.ID)+"/join", nil),
		http.StatusUnprocessableEntity, `role="alert"`)
	wantPage(t, "after joining", v.Get(own), http.StatusOK, "Сіз қатысасыз")

	appeal := own + "/selections/" + webtest.Itoa(sel.ID) + "/appeal"
	wantPage(t, "an appeal without a reason", v.Post(appeal, url.Values{"reason": {""}}), http.StatusUnprocessableEntity, `role="alert"`)
	if r := v.Post(appeal, url.Values{"reason": {"Екінші кейс есептелмеді"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("appeal: %d %s", r.Status, r.Body)
	}
	wantPage(t, "after appealing", v.Get(own), http.StatusOK, "Апелляцияңыз:")
}
