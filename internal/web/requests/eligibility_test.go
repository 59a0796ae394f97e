package requests_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A request is evaluated after it is submitted; its page explains the
// result in the reader's language, evaluates it again on demand and keeps
// the earlier result when the new one differs; a child outside the
// campaign's ages is refused with the reason.
func TestRequestPageExplainsEligibility(t *testing.T) {
	f := webtest.New(t)
	ctx := t.Context()
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	coord := access.Principal{UserID: f.Coord.ID, Name: "Coordinator", Role: access.Coordinator, OrgID: f.Org.ID, OrgPath: f.Org.Path}
	webtest.Must(f.Svc.Eligibility.SaveRuleSet(ctx, coord, c.ID,
		eligibility.Rules{All: eligibility.Criteria{Age: &eligibility.Range{Min: 6, Max: 10}}},
		eligibility.Weights{SingleGuardian: 10}))
	op := f.User(t, "op@example.org", access.Operator, "ru")
	form := url.Values{"campaign": {itoa(c.ID)}, "applicant_kind": {"parent"}, "applicant_name": {"Ахметова Айгуль"},
		"applicant_phone": {"+7 701 123 45 67"}, "channel": {"hotline"}, "locale": {"kk"}, "qty-" + itoa(c.Kit): {"1"}}

	old := f.Child(t, "Ахметов", "Ерлан", webtest.Day(2012, 3, 10), "")
	r := op.Post("/people/"+itoa(old.ID)+"/requests", form)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "от 6 до 10 лет") {
		t.Fatalf("a 14-year-old in a campaign for ages 6–10: %d", r.Status)
	}

	child := f.Child(t, "Ахметова", "Мадина", webtest.Day(2017, 3, 10), "")
	r = op.Post("/people/"+itoa(child.ID)+"/requests", form)
	if r.Status != http.StatusSeeOther {
		t.Fatalf("create: %d", r.Status)
	}
	if failed := f.Svc.Eligibility.Settle(); failed != 0 {
		t.Fatalf("%d evaluations failed", failed)
	}
	page := r.Location
	r = op.Get(page)
	for _, want := range []string{`id="eligibility"`, "возраст: 9 лет — в пределах 6–10", "итого 0, место 1 из 1 (Алматы)", "версия правил 1", `action="` + page + `/evaluate"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("request page lacks %q", want)
		}
	}
	if strings.Contains(r.Body, "Прежние результаты") {
		t.Error("history before a second evaluation")
	}
	// Evaluated again with nothing changed, the result stays as it was;
	// under new rules it changes, and the earlier one goes to the history.
	if r := op.Post(page+"/evaluate", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("evaluate again: %d", r.Status)
	}
	if r = op.Get(page); strings.Contains(r.Body, "Прежние результаты") {
		t.Error("an unchanged result went to the history")
	}
	webtest.Must(f.Svc.Eligibility.SaveRuleSet(ctx, coord, c.ID,
		eligibility.Rules{All: eligibility.Criteria{Age: &eligibility.Range{Min: 6, Max: 11}}},
		eligibility.Weights{SingleGuardian: 10}))
	if r := op.Post(page+"/evaluate", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("evaluate under new rules: %d", r.Status)
	}
	r = op.Get(page)
	for _, want := range []string{"Прежние результаты", "в пределах 6–11", "версия правил 2"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("after new rules, the request page lacks %q", want)
		}
	}
	school := f.User(t, "warehouse@example.org", access.Warehouse, "en")
	if r := school.Post(page+"/evaluate", nil); r.Status != http.StatusForbidden {
		t.Errorf("warehouse evaluates: %d", r.Status)
	}
}
