package registry_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// household creates a household through its form and returns its path.
func household(c *client, address string) string {
	c.T.Helper()
	r := c.Post("/households", url.Values{"org_id": {itoa(c.F.Org.ID)}, "region_code": {"kz-75"}, "address": {address},
		"phone": {"+7 701 123 45 67"}, "low_income": {"on"}})
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/households/") {
		c.T.Fatalf("create household: %d %s", r.Status, r.Body)
	}
	return r.Location
}

func TestLargeFamily(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "coord@example.org")
	path := household(c, "Абай даңғылы 10")
	mother := f.Child(t, "Ахметова", "Айгуль", day(1985, 5, 1), "")
	r := c.Post(path+"/members", url.Values{"person": {itoa(mother.ID)}, "relation": {"mother"}, "is_head": {"on"}})
	if r.Status != http.StatusSeeOther || r.Location != path+"#members" {
		t.Fatalf("add mother: %d %s", r.Status, r.Body)
	}
	for i, name := range []string{"Мадина", "Алия", "Ерлан", "Дана"} {
		p := f.Child(t, "Ахметова", name, day(2010+i, 3, 10), "")
		if r := c.Post(path+"/members", url.Values{"person": {itoa(p.ID)}, "relation": {"child"}}); r.Status != http.StatusSeeOther {
			t.Fatalf("add child %s: %d", name, r.Status)
		}
		if i == 2 && strings.Contains(c.Get(path).Body, "Large family") {
			t.Fatal("three children make a large family")
		}
	}
	page := c.Get(path)
	for _, want := range []string{`class="tag large">Large family`, "Children under 18", "Ахметова Дана", "Mother", "Head of household",
		"Low income", "Абай даңғылы 10"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("household page lacks %q", want)
		}
	}
	if list := c.Get("/households"); !strings.Contains(list.Body, "Large family") || !strings.Contains(list.Body, `href="`+path+`"`) {
		t.Error("the list does not show the large family")
	}
	if p := c.Get("/people/" + itoa(mother.ID)); !strings.Contains(p.Body, `href="`+path+`"`) {
		t.Error("the person's page does not link to the household")
	}
}

func TestHeadUnder16IsRefused(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "coord@example.org")
	path := household(c, "Абай даңғылы 12")
	kid := f.Child(t, "Серікова", "Дана", day(2016, 1, 1), "")
	if r := c.Post(path+"/members", url.Values{"person": {itoa(kid.ID)}, "relation": {"child"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("add: %d", r.Status)
	}
	r := c.Post(path+"/head", url.Values{"person": {itoa(kid.ID)}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "A head of household must be at least 16 years old.") {
		t.Fatalf("head under 16: %d", r.Status)
	}
	c.Post("/locale", url.Values{"lang": {"ru"}, "next": {path}})
	r = c.Post(path+"/head", url.Values{"person": {itoa(kid.ID)}})
	if !strings.Contains(r.Body, "Глава семьи должен быть не младше 16 лет.") {
		t.Error("the refusal is not translated")
	}
	if r := c.Post(path+"/members", url.Values{"person": {"x"}, "relation": {"child"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `<a href="#person">`) {
		t.Errorf("a person number that is not a number: %d", r.Status)
	}
	if r := c.Post(path+"/members/"+itoa(kid.ID)+"/remove", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("remove: %d", r.Status)
	}
	if strings.Contains(c.Get(path).Body, "Серікова Дана") {
		t.Error("the removed member is still listed")
	}
}

func TestHouseholdPageFindsPersonsToAdd(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "coord@example.org")
	path := household(c, "Абай даңғылы 14")
	p := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	r := c.Get(path + "?q=" + url.QueryEscape("Akhmetova"))
	if !strings.Contains(r.Body, `name="person" value="`+itoa(p.ID)+`"`) || !strings.Contains(r.Body, "Ахметова Мадина") {
		t.Fatal("the search on the household page does not offer the person")
	}
	if r := c.Post("/households", url.Values{"region_code": {"XX-1"}, "phone": {"abc"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `id="phone-error"`) {
		t.Errorf("invalid household: %d", r.Status)
	}
}
