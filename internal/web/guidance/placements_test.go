package guidance_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestPlacesOfferedAndTaken(t *testing.T) {
	f := newFixture(t)
	a := f.Child(t, "Ахметова", "Мадина", day(2011, 3, 10), "")
	b := f.Child(t, "Серіков", "Дамир", day(2011, 5, 1), "")
	c := f.Login(t, "coord@example.org")
	if r := c.Get("/places"); r.Status != http.StatusOK || !strings.Contains(r.Body, "No places have been offered yet.") ||
		!strings.Contains(r.Body, `name="year" inputmode="numeric" dir="ltr" size="6" value="2026"`) {
		t.Fatalf("places: %d", r.Status)
	}
	r := c.Post("/places", url.Values{"org_id": {itoa(f.Org.ID)}, "year": {"2026"}, "quota": {"0"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="quota-error"`) {
		t.Fatalf("no places: %d", r.Status)
	}
	r = c.Post("/places", url.Values{"org_id": {itoa(f.Org.ID)}, "year": {"2026"}, "quota": {"1"}, "programme": {"Robotics"}})
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/places/") {
		t.Fatalf("offer: %d", r.Status)
	}
	offer := r.Location
	if r = c.Post(offer+"/placements", url.Values{"person": {itoa(a.ID)}}); r.Status != http.StatusSeeOther {
		t.Fatalf("place a: %d", r.Status)
	}
	r = c.Post(offer+"/placements", url.Values{"person": {itoa(b.ID)}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "All 1 places of this offer are taken.") {
		t.Fatalf("beyond the quota: %d", r.Status)
	}
	r = c.Get(offer)
	for _, want := range []string{"<bdi>Ахметова Мадина</bdi>", `<span class="tag">Proposed</span>`, `name="outcome" value="declined"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("offer page lacks %q", want)
		}
	}
	i := strings.Index(r.Body, `action="`+offer+`/placements/`)
	if i < 0 {
		t.Fatal("no outcome form")
	}
	action := r.Body[i+len(`action="`):]
	action = action[:strings.Index(action, `"`)]
	if r = c.Post(action, url.Values{"outcome": {"declined"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("decline: %d", r.Status)
	}
	if r = c.Post(offer+"/placements", url.Values{"person": {itoa(b.ID)}}); r.Status != http.StatusSeeOther {
		t.Fatalf("b after a declined: %d", r.Status)
	}
	r = c.Get("/places")
	if !strings.Contains(r.Body, "<bdi>Robotics</bdi>") || !strings.Contains(r.Body, `data-label="Taken" class="num">1</td>`) {
		t.Error("the list does not show the places taken")
	}
	if r = c.Get("/people/" + itoa(a.ID)); !strings.Contains(r.Body, `<span class="tag">Declined</span>`) {
		t.Error("the person page does not show the placement")
	}
}
