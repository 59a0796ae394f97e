package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
)

func TestAssessmentOnThePersonPage(t *testing.T) {
	f := newFixture(t)
	p := f.child(t, "Ахметова", "Мадина", day(2012, 3, 10), "")
	c := f.login(t, "coord@example.org")
	path := "/people/" + itoa(p.ID)
	r := c.get(path)
	for _, want := range []string{`id="assessments-title">Ability diagnostics and career guidance</h2>`, "No assessments recorded.",
		`id="score_4_max"`, `id="placements-title">Placements</h2>`, "Not placed on any offer."} {
		if !strings.Contains(r.body, want) {
			t.Errorf("person page lacks %q", want)
		}
	}
	form := url.Values{"instrument": {"Holland RIASEC"}, "taken_on": {"2026-08-20"}, "score_1_ability": {"Logic"},
		"score_1_score": {"17,5"}, "score_1_max": {"20"}, "score_2_ability": {"Verbal"}, "score_2_score": {"25"}, "score_2_max": {"20"}}
	r = c.post(path+"/assessments", form)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="score_2_score-error"`) ||
		!strings.Contains(r.body, "The score must be from 0 to 20.") || !strings.Contains(r.body, `value="Holland RIASEC"`) {
		t.Fatalf("a score above its maximum: %d", r.status)
	}
	form.Set("score_2_score", "12")
	if r = c.post(path+"/assessments", form); r.status != http.StatusSeeOther || r.location != path+"#assessments" {
		t.Fatalf("record: %d %s", r.status, r.location)
	}
	r = c.get(path)
	for _, want := range []string{"The assessment has been recorded.", "<bdi>Holland RIASEC</bdi>", "<bdi>Logic</bdi>: 17.5 of 20",
		"Coordinator", "20 Aug 2026"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("person page after recording lacks %q", want)
		}
	}
	r = c.get("/assessments?org=" + itoa(f.org.ID))
	if r.status != http.StatusOK || !strings.Contains(r.body, `<a href="/people/`+itoa(p.ID)+`"><bdi>Ахметова Мадина</bdi></a>`) {
		t.Fatalf("list at the foundation: %d", r.status)
	}
	if r = c.get("/assessments"); !strings.Contains(r.body, "Holland RIASEC") {
		t.Error("the list does not default to the user's own organisation")
	}
	// A user of another organisation sees neither the list nor the child.
	ctx := context.Background()
	other := must(f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Astana Centre", Type: orgs.SupportCentre, RegionCode: "KZ-71"}))
	must(f.svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "op@example.org", Name: "Operator",
		Role: access.Operator, OrgID: other.ID, Region: "KZ-71", Locale: "en", Password: password}))
	o := f.login(t, "op@example.org")
	if r = o.get("/assessments?org=" + itoa(f.org.ID)); r.status != http.StatusForbidden || strings.Contains(r.body, "Мадина") {
		t.Errorf("another organisation's list: %d", r.status)
	}
	if r = o.post(path+"/assessments", form); r.status != http.StatusForbidden {
		t.Errorf("another organisation records: %d", r.status)
	}
}
