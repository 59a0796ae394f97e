package registry_test

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
	child := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	aunt := f.Child(t, "Серікова", "Гүлнар", day(1980, 1, 2), "")
	centre := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Алматы балалар орталығы", Type: orgs.SupportCentre,
		RegionCode: "KZ-75", ParentID: f.Org.ID}))
	c := f.Login(t, "coord@example.org")
	path := "/people/" + itoa(child.ID)
	if page := c.Get(path); !strings.Contains(page.Body, `href="`+path+`/guardians"`) {
		t.Fatal("the person's page has no link to manage guardians")
	}
	found := c.Get(path + "/guardians?q=Серікова")
	if found.Status != http.StatusOK || !strings.Contains(found.Body, `<input type="hidden" name="person" value="`+itoa(aunt.ID)+`">`) {
		t.Fatalf("the search does not offer the aunt: %d", found.Status)
	}
	if strings.Contains(c.Get(path+"/guardians?q=Ахметова").Body, `name="person" value="`+itoa(child.ID)+`"`) {
		t.Error("the child is offered as their own guardian")
	}
	r := c.Post(path+"/guardians", url.Values{"person": {itoa(aunt.ID)}, "relation": {"custody"}, "since": {"2030-01-01"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `<a href="#since">`) {
		t.Errorf("a date in the future: %d", r.Status)
	}
	r = c.Post(path+"/guardians", url.Values{"person": {itoa(child.ID)}, "relation": {"custody"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `<a href="#person">A person cannot be their own guardian.</a>`) {
		t.Errorf("own guardian: %d", r.Status)
	}
	if r := c.Post(path+"/guardians", url.Values{"relation": {"custody"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `<a href="#person">`) {
		t.Errorf("no guardian: %d", r.Status)
	}
	if r := c.Post(path+"/guardians", url.Values{"person": {itoa(aunt.ID)}, "relation": {"custody"}, "since": {"01.06.2024"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("add the aunt: %d %s", r.Status, r.Body)
	}
	r = c.Post(path+"/guardians", url.Values{"org": {itoa(centre.ID)}, "relation": {"nanny"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="org-relation-error"`) {
		t.Errorf("an unknown relation: %d", r.Status)
	}
	if r := c.Post(path+"/guardians", url.Values{"org": {itoa(centre.ID)}, "relation": {"institution"}}); r.Status != http.StatusSeeOther ||
		r.Location != path+"/guardians" {
		t.Fatalf("add the centre: %d %s", r.Status, r.Body)
	}
	page := c.Get(path)
	for _, want := range []string{"Серікова Гүлнар", "Guardianship", "since 1 Jun 2024", "Алматы балалар орталығы", "Institution"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("the person's page lacks %q", want)
		}
	}
	remove := regexp.MustCompile(`action="(`+path+`/guardians/\d+/remove)"`).FindAllStringSubmatch(c.Get(path+"/guardians").Body, -1)
	if len(remove) != 2 {
		t.Fatalf("%d remove buttons, want 2", len(remove))
	}
	if r := c.Post(remove[0][1], nil); r.Status != http.StatusSeeOther {
		t.Fatalf("remove: %d", r.Status)
	}
	if gs := must(f.Svc.People.Guardians(ctx, access.System, child.ID)); len(gs) != 1 {
		t.Errorf("%d guardians left, want 1", len(gs))
	}
	other := f.Child(t, "Бекова", "Ая", day(2016, 1, 1), "")
	if r := c.Post("/people/"+itoa(other.ID)+remove[1][1][len(path):], nil); r.Status != http.StatusNotFound {
		t.Errorf("removing another child's guardianship: %d", r.Status)
	}
	c.Post("/locale", url.Values{"lang": {"fa"}, "next": {path}})
	r = c.Post(path+"/guardians", url.Values{"person": {itoa(child.ID)}, "relation": {"custody"}})
	if !strings.Contains(r.Body, `dir="rtl"`) || !strings.Contains(r.Body, f.Svc.Catalog.Localizer("fa").T("error.own_guardian")) {
		t.Error("the refusal is not shown in Persian")
	}
}
