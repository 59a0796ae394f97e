package guidance_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
)

func TestOfferPagePlacesAChildFoundBySearch(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	child := f.Child(t, "Ахметова", "Мадина", day(2013, 3, 10), "")
	adult := f.Child(t, "Ахметова", "Гульнара", day(1985, 1, 2), "")
	tehran := must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Tehran Charity", Type: orgs.Charity, RegionCode: "IR-23"}))
	far := must(f.Svc.People.Create(ctx, access.System, people.Input{LastName: "Akhmetova", FirstName: "Sara", BirthDate: day(2013, 1, 1),
		RegionCode: "IR-23", OrgID: tehran.ID}))
	c := f.Login(t, "coord@example.org")
	r := c.Post("/places", url.Values{"org_id": {itoa(f.Org.ID)}, "year": {"2026"}, "quota": {"3"}})
	offer := r.Location

	page := c.Get(offer)
	if strings.Contains(page.Body, `inputmode="numeric"`) || !strings.Contains(page.Body, `<form method="get" action="`+offer+`#place-title"`) {
		t.Fatal("the offer page still asks for a record number, or has no search")
	}
	// The search is typed in Latin; the child is registered in Cyrillic.
	found := c.Get(offer + "?q=" + url.QueryEscape("Akhmetova"))
	if found.Status != http.StatusOK || !strings.Contains(found.Body, "<bdi>Ахметова Мадина</bdi>") ||
		!strings.Contains(found.Body, "10 Mar 2013") || !strings.Contains(found.Body, "<bdi>Almaty Foundation</bdi>") {
		t.Fatalf("the search does not list the child with birth date and school: %d", found.Status)
	}
	if strings.Contains(found.Body, "Гульнара") || !strings.Contains(found.Body, "1 adult found is not listed") {
		t.Error("an adult is offered for a place, or left out without a word")
	}
	if strings.Contains(found.Body, "/people/"+itoa(far.ID)) {
		t.Error("a child outside the user's scope is offered")
	}
	if strings.Contains(found.Body, `value="`+itoa(adult.ID)+`"`) {
		t.Error("the adult's record can be posted")
	}
	form := regexp.MustCompile(`(?s)<form method="post" action="([^"]+)" class="found-row">\s*<input type="hidden" name="person" value="(\d+)">\s*<input type="hidden" name="q" value="([^"]*)">`).
		FindStringSubmatch(found.Body)
	if form == nil || form[2] != itoa(child.ID) {
		t.Fatal("no place button for the child")
	}
	r = c.Post(html.UnescapeString(form[1]), url.Values{"person": {form[2]}, "q": {html.UnescapeString(form[3])}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("place: %d", r.Status)
	}
	again := c.Get(offer + "?q=" + url.QueryEscape("Akhmetova"))
	if !strings.Contains(again.Body, "Already placed") || !strings.Contains(again.Body, "1 record") {
		t.Error("the placed child is not marked as placed, or the placements are not counted")
	}
	if r := c.Get(offer + "?q=Zzyzx"); !strings.Contains(r.Body, "No child in your scope matches.") {
		t.Error("a search that finds nobody says nothing")
	}
}
