package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestPlacesOfferedAndTaken(t *testing.T) {
	f := newFixture(t)
	a := f.child(t, "Ахметова", "Мадина", day(2011, 3, 10), "")
	b := f.child(t, "Серіков", "Дамир", day(2011, 5, 1), "")
	c := f.login(t, "coord@example.org")
	if r := c.get("/places"); r.status != http.StatusOK || !strings.Contains(r.body, "No places have been offered yet.") ||
		!strings.Contains(r.body, `name="year" inputmode="numeric" dir="ltr" size="6" value="2026"`) {
		t.Fatalf("places: %d", r.status)
	}
	r := c.post("/places", url.Values{"org_id": {itoa(f.org.ID)}, "year": {"2026"}, "quota": {"0"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="quota-error"`) {
		t.Fatalf("no places: %d", r.status)
	}
	r = c.post("/places", url.Values{"org_id": {itoa(f.org.ID)}, "year": {"2026"}, "quota": {"1"}, "programme": {"Robotics"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/places/") {
		t.Fatalf("offer: %d", r.status)
	}
	offer := r.location
	if r = c.post(offer+"/placements", url.Values{"person": {itoa(a.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("place a: %d", r.status)
	}
	r = c.post(offer+"/placements", url.Values{"person": {itoa(b.ID)}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "All 1 places of this offer are taken.") {
		t.Fatalf("beyond the quota: %d", r.status)
	}
	r = c.get(offer)
	for _, want := range []string{"<bdi>Ахметова Мадина</bdi>", `<span class="tag">Proposed</span>`, `name="outcome" value="declined"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("offer page lacks %q", want)
		}
	}
	i := strings.Index(r.body, `action="`+offer+`/placements/`)
	if i < 0 {
		t.Fatal("no outcome form")
	}
	action := r.body[i+len(`action="`):]
	action = action[:strings.Index(action, `"`)]
	if r = c.post(action, url.Values{"outcome": {"declined"}}); r.status != http.StatusSeeOther {
		t.Fatalf("decline: %d", r.status)
	}
	if r = c.post(offer+"/placements", url.Values{"person": {itoa(b.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("b after a declined: %d", r.status)
	}
	r = c.get("/places")
	if !strings.Contains(r.body, "<bdi>Robotics</bdi>") || !strings.Contains(r.body, `data-label="Taken" class="num">1</td>`) {
		t.Error("the list does not show the places taken")
	}
	if r = c.get("/people/" + itoa(a.ID)); !strings.Contains(r.body, `<span class="tag">Declined</span>`) {
		t.Error("the person page does not show the placement")
	}
}
