package aftercare_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A second registration of an e-mail address is refused in the
// coordinator's language; a name with markup and a right-to-left override
// is shown as text, without the override.
func TestRegistryRefusesATakenAddressAndShowsHostileNamesSafely(t *testing.T) {
	f := webtest.New(t)
	coord := f.User(t, "coord-ru@example.org", access.Coordinator, "ru")
	form := url.Values{"name": {"<script>alert(1)</script>\u202eAida"}, "email": {"aida@example.org"}, "region": {"KZ-75"},
		"org_id": {webtest.Itoa(f.Org.ID)}, "skills": {"software"}, "active": {"on"}}
	r := coord.Post("/volunteers", form)
	if r.Status != http.StatusSeeOther {
		t.Fatalf("register: %d %s", r.Status, r.Body)
	}
	form.Set("name", "Aida again")
	form.Set("email", "AIDA@example.org")
	r = coord.Post("/volunteers", form)
	if r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Волонтёр с этим адресом электронной почты уже зарегистрирован в этой организации.") {
		t.Fatalf("the same address again: %d", r.Status)
	}
	r = coord.Get("/volunteers")
	if r.Status != http.StatusOK || strings.Contains(r.Body, "<script>alert(1)") || strings.Contains(r.Body, "\u202e") ||
		!strings.Contains(r.Body, "&lt;script&gt;alert(1)&lt;/script&gt;Aida") || strings.Contains(r.Body, "Aida again") {
		t.Fatalf("the registry: %d %s", r.Status, r.Body)
	}
}
