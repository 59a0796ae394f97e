package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// household creates a household through its form and returns its path.
func (c *client) household(address string) string {
	c.t.Helper()
	r := c.post("/households", url.Values{"org_id": {itoa(c.f.org.ID)}, "region_code": {"kz-75"}, "address": {address},
		"phone": {"+7 701 123 45 67"}, "low_income": {"on"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/households/") {
		c.t.Fatalf("create household: %d %s", r.status, r.body)
	}
	return r.location
}

func TestLargeFamily(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "coord@example.org")
	path := c.household("Абай даңғылы 10")
	mother := f.child(t, "Ахметова", "Айгуль", day(1985, 5, 1), "")
	r := c.post(path+"/members", url.Values{"person": {itoa(mother.ID)}, "relation": {"mother"}, "is_head": {"on"}})
	if r.status != http.StatusSeeOther || r.location != path+"#members" {
		t.Fatalf("add mother: %d %s", r.status, r.body)
	}
	for i, name := range []string{"Мадина", "Алия", "Ерлан", "Дана"} {
		p := f.child(t, "Ахметова", name, day(2010+i, 3, 10), "")
		if r := c.post(path+"/members", url.Values{"person": {itoa(p.ID)}, "relation": {"child"}}); r.status != http.StatusSeeOther {
			t.Fatalf("add child %s: %d", name, r.status)
		}
		if i == 2 && strings.Contains(c.get(path).body, "Large family") {
			t.Fatal("three children make a large family")
		}
	}
	page := c.get(path)
	for _, want := range []string{`class="tag large">Large family`, "Children under 18", "Ахметова Дана", "Mother", "Head of household",
		"Low income", "Абай даңғылы 10"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("household page lacks %q", want)
		}
	}
	if list := c.get("/households"); !strings.Contains(list.body, "Large family") || !strings.Contains(list.body, `href="`+path+`"`) {
		t.Error("the list does not show the large family")
	}
	if p := c.get("/people/" + itoa(mother.ID)); !strings.Contains(p.body, `href="`+path+`"`) {
		t.Error("the person's page does not link to the household")
	}
}

func TestHeadUnder16IsRefused(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "coord@example.org")
	path := c.household("Абай даңғылы 12")
	kid := f.child(t, "Серікова", "Дана", day(2016, 1, 1), "")
	if r := c.post(path+"/members", url.Values{"person": {itoa(kid.ID)}, "relation": {"child"}}); r.status != http.StatusSeeOther {
		t.Fatalf("add: %d", r.status)
	}
	r := c.post(path+"/head", url.Values{"person": {itoa(kid.ID)}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "A head of household must be at least 16 years old.") {
		t.Fatalf("head under 16: %d", r.status)
	}
	c.post("/locale", url.Values{"lang": {"ru"}, "next": {path}})
	r = c.post(path+"/head", url.Values{"person": {itoa(kid.ID)}})
	if !strings.Contains(r.body, "Глава семьи должен быть не младше 16 лет.") {
		t.Error("the refusal is not translated")
	}
	if r := c.post(path+"/members", url.Values{"person": {"x"}, "relation": {"child"}}); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, `id="person-error"`) {
		t.Errorf("a person number that is not a number: %d", r.status)
	}
	if r := c.post(path+"/members/"+itoa(kid.ID)+"/remove", nil); r.status != http.StatusSeeOther {
		t.Fatalf("remove: %d", r.status)
	}
	if strings.Contains(c.get(path).body, "Серікова Дана") {
		t.Error("the removed member is still listed")
	}
}

func TestHouseholdPageFindsPersonsToAdd(t *testing.T) {
	f := newFixture(t)
	c := f.login(t, "coord@example.org")
	path := c.household("Абай даңғылы 14")
	p := f.child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	r := c.get(path + "?q=" + url.QueryEscape("Akhmetova"))
	if !strings.Contains(r.body, `name="person" value="`+itoa(p.ID)+`"`) || !strings.Contains(r.body, "Ахметова Мадина") {
		t.Fatal("the search on the household page does not offer the person")
	}
	if r := c.post("/households", url.Values{"region_code": {"XX-1"}, "phone": {"abc"}}); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, `id="phone-error"`) {
		t.Errorf("invalid household: %d", r.status)
	}
}
