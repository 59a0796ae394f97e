package guidance_test

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
	p := f.Child(t, "Ахметова", "Мадина", day(2012, 3, 10), "")
	c := f.Login(t, "coord@example.org")
	path := "/people/" + itoa(p.ID)
	r := c.Get(path)
	for _, want := range []string{`id="assessments-title">Ability diagnostics and career guidance</h2>`, "No assessments recorded.",
		`id="score_4_max"`, `id="placements-title">Placements</h2>`, "Not placed on any offer."} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("person page lacks %q", want)
		}
	}
	form := url.Values{"instrument": {"Holland RIASEC"}, "taken_on": {"2026-08-20"}, "score_1_ability": {"Logic"},
		"score_1_score": {"17,5"}, "score_1_max": {"20"}, "score_2_ability": {"Verbal"}, "score_2_score": {"25"}, "score_2_max": {"20"}}
	r = c.Post(path+"/assessments", form)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="score_2_score-error"`) ||
		!strings.Contains(r.Body, "The score must be from 0 to 20.") || !strings.Contains(r.Body, `value="Holland RIASEC"`) {
		t.Fatalf("a score above its maximum: %d", r.Status)
	}
	form.Set("score_2_score", "12")
	if r = c.Post(path+"/assessments", form); r.Status != http.StatusSeeOther || r.Location != path+"#assessments" {
		t.Fatalf("record: %d %s", r.Status, r.Location)
	}
	r = c.Get(path)
	for _, want := range []string{"The assessment has been recorded.", "<bdi>Holland RIASEC</bdi>", "<bdi>Logic</bdi>: 17.5 of 20",
		"Coordinator", "20 Aug 2026"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("person page after recording lacks %q", want)
		}
	}
	r = c.Get("/assessments?org=" + itoa(f.Org.ID))
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `<a href="/people/`+itoa(p.ID)+`"><bdi>Ахметова Мадина</bdi></a>`) {
		t.Fatalf("list at the foundation: %d", r.Status)
	}
	if r = c.Get("/assessments"); !strings.Contains(r.Body, "Holland RIASEC") {
		t.Error("the list does not default to the user's own organisation")
	}
	// A user of another organisation sees neither the list nor the child.
	ctx := context.Background()
	other := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Astana Centre", Type: orgs.SupportCentre, RegionCode: "KZ-71"}))
	must(f.Svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "op@example.org", Name: "Operator",
		Role: access.Operator, OrgID: other.ID, Region: "KZ-71", Locale: "en", Password: password}))
	o := f.Login(t, "op@example.org")
	if r = o.Get("/assessments?org=" + itoa(f.Org.ID)); r.Status != http.StatusForbidden || strings.Contains(r.Body, "Мадина") {
		t.Errorf("another organisation's list: %d", r.Status)
	}
	if r = o.Post(path+"/assessments", form); r.Status != http.StatusForbidden {
		t.Errorf("another organisation records: %d", r.Status)
	}
}
