package registry_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestMemberPickerNamesHouseholdsAndAsksNoNumber(t *testing.T) {
	f := newFixture(t)
	c := f.Login(t, "coord@example.org")
	home := household(c, "Абай даңғылы 10")
	mother := f.Child(t, "Ахметова", "Айгуль", day(1985, 5, 1), "")
	if r := c.Post(home+"/members", url.Values{"person": {itoa(mother.ID)}, "relation": {"mother"}, "is_head": {"on"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("add mother: %d", r.Status)
	}
	other := household(c, "Сейфуллин 5")
	if strings.Contains(c.Get(other).Body, `inputmode="numeric"`) {
		t.Error("the household page still asks for a record number")
	}
	found := c.Get(other + "?q=" + url.QueryEscape("Akhmetova"))
	if !strings.Contains(found.Body, "<bdi>Ахметова family · Абай даңғылы 10</bdi>") {
		t.Error("the person found is not shown with her household's family name and address")
	}
	if regexp.MustCompile(`Household No\. \d`).MatchString(found.Body[strings.Index(found.Body, `class="found"`):]) {
		t.Error("the picker names a household by its number")
	}
	// The picker's own head box makes the one added the head.
	father := f.Child(t, "Сейфуллин", "Ерлан", day(1980, 1, 1), "")
	r := c.Post(other+"/members", url.Values{"person": {itoa(father.ID)}, "relation": {"father"}, "is_head": {"on"}, "q": {"Seifullin"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("add the father: %d", r.Status)
	}
	if !strings.Contains(c.Get(other).Body, "Head of household") {
		t.Error("the head box of the picker does not make a head")
	}
	// A refused add keeps the search results beside the error.
	r = c.Post(other+"/members", url.Values{"person": {"0"}, "relation": {"child"}, "q": {"Akhmetova"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `class="found" id="person"`) {
		t.Errorf("a refused add loses the results: %d", r.Status)
	}
	if strings.Contains(c.Get("/people/"+itoa(mother.ID)+"/guardians").Body, `inputmode="numeric"`) {
		t.Error("the guardians page still asks for a record number")
	}
}
