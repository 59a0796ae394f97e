package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
)

func TestGuardiansAddedAndRemoved(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	child := f.child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	aunt := f.child(t, "Серікова", "Гүлнар", day(1980, 1, 2), "")
	centre := must(f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Алматы балалар орталығы", Type: orgs.SupportCentre,
		RegionCode: "KZ-75", ParentID: f.org.ID}))
	c := f.login(t, "coord@example.org")
	path := "/people/" + itoa(child.ID)
	if page := c.get(path); !strings.Contains(page.body, `href="`+path+`/guardians"`) {
		t.Fatal("the person's page has no link to manage guardians")
	}
	found := c.get(path + "/guardians?q=Серікова")
	if found.status != http.StatusOK || !strings.Contains(found.body, `<input type="hidden" name="person" value="`+itoa(aunt.ID)+`">`) {
		t.Fatalf("the search does not offer the aunt: %d", found.status)
	}
	if strings.Contains(c.get(path+"/guardians?q=Ахметова").body, `name="person" value="`+itoa(child.ID)+`"`) {
		t.Error("the child is offered as their own guardian")
	}
	r := c.post(path+"/guardians", url.Values{"person": {itoa(aunt.ID)}, "relation": {"custody"}, "since": {"2030-01-01"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="since-error"`) {
		t.Errorf("a date in the future: %d", r.status)
	}
	r = c.post(path+"/guardians", url.Values{"person": {itoa(child.ID)}, "relation": {"custody"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="person-error">A person cannot be their own guardian.`) {
		t.Errorf("own guardian: %d", r.status)
	}
	if r := c.post(path+"/guardians", url.Values{"relation": {"custody"}}); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, `id="person-error"`) {
		t.Errorf("no guardian: %d", r.status)
	}
	if r := c.post(path+"/guardians", url.Values{"person": {itoa(aunt.ID)}, "relation": {"custody"}, "since": {"01.06.2024"}}); r.status != http.StatusSeeOther {
		t.Fatalf("add the aunt: %d %s", r.status, r.body)
	}
	r = c.post(path+"/guardians", url.Values{"org": {itoa(centre.ID)}, "relation": {"nanny"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="org-relation-error"`) {
		t.Errorf("an unknown relation: %d", r.status)
	}
	if r := c.post(path+"/guardians", url.Values{"org": {itoa(centre.ID)}, "relation": {"institution"}}); r.status != http.StatusSeeOther ||
		r.location != path+"/guardians" {
		t.Fatalf("add the centre: %d %s", r.status, r.body)
	}
	page := c.get(path)
	for _, want := range []string{"Серікова Гүлнар", "Guardianship", "since 1 Jun 2024", "Алматы балалар орталығы", "Institution"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the person's page lacks %q", want)
		}
	}
	remove := regexp.MustCompile(`action="(`+path+`/guardians/\d+/remove)"`).FindAllStringSubmatch(c.get(path+"/guardians").body, -1)
	if len(remove) != 2 {
		t.Fatalf("%d remove buttons, want 2", len(remove))
	}
	if r := c.post(remove[0][1], nil); r.status != http.StatusSeeOther {
		t.Fatalf("remove: %d", r.status)
	}
	if gs := must(f.svc.People.Guardians(ctx, access.System, child.ID)); len(gs) != 1 {
		t.Errorf("%d guardians left, want 1", len(gs))
	}
	other := f.child(t, "Бекова", "Ая", day(2016, 1, 1), "")
	if r := c.post("/people/"+itoa(other.ID)+remove[1][1][len(path):], nil); r.status != http.StatusNotFound {
		t.Errorf("removing another child's guardianship: %d", r.status)
	}
	c.post("/locale", url.Values{"lang": {"fa"}, "next": {path}})
	r = c.post(path+"/guardians", url.Values{"person": {itoa(child.ID)}, "relation": {"custody"}})
	if !strings.Contains(r.body, `dir="rtl"`) || !strings.Contains(r.body, f.svc.Catalog.Localizer("fa").T("error.own_guardian")) {
		t.Error("the refusal is not shown in Persian")
	}
}
