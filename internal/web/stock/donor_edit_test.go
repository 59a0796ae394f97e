package stock_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A donor is edited on its page: the gifts stay theirs under the new
// name, a bad name is refused on the form with nothing changed, and a
// reader who records no movements sees no form and may not post one.
func TestEditDonorPage(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	r := c.Post("/warehouses", url.Values{"code": {"ala-1"}, "name": {"Almaty store"}, "kind": {"warehouse"},
		"org_id": {webtest.Itoa(f.Org.ID)}, "active": {"on"}})
	wh := r.Location
	r = c.Post("/donors", url.Values{"name": {"Kazakh Steel"}, "kind": {"company"}})
	page := r.Location
	donor := strings.TrimPrefix(page, "/donors/")
	var backpack int64
	webtest.Check(t, f.DB.R.QueryRow(store.Rebind(f.DB.Engine, "SELECT id FROM aid_items WHERE code = 'backpack'")).Scan(&backpack))
	if r = c.Post(wh+"/movements", url.Values{"kind": {"donation"}, "donor_id": {donor},
		"lines.0.item": {webtest.Itoa(backpack)}, "lines.0.quantity": {"10"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("donation: %d", r.Status)
	}
	if r = c.Get(page); !strings.Contains(r.Body, "Edit the donor") || !strings.Contains(r.Body, `value="Kazakh Steel"`) {
		t.Fatalf("the donor's page offers no filled form: %d", r.Status)
	}
	r = c.Post(page, url.Values{"name": {"Qazaq Steel JSC"}, "kind": {"organisation"}, "contact": {"info@qsteel.kz"}})
	if r.Status != http.StatusSeeOther || r.Location != page {
		t.Fatalf("edit: %d %s", r.Status, r.Location)
	}
	r = c.Get(page)
	for _, want := range []string{"<h1><bdi>Qazaq Steel JSC</bdi></h1>", "info@qsteel.kz", "<bdi>Backpack</bdi>: 10",
		"The donor is saved."} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("the edited donor's page lacks %q", want)
		}
	}
	if r = c.Get(wh); !strings.Contains(r.Body, "<bdi>Qazaq Steel JSC</bdi>") {
		t.Error("the warehouse's lot does not name the donor as edited")
	}
	r = c.Post(page, url.Values{"name": {" "}, "kind": {"organisation"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="name-error"`) {
		t.Fatalf("an empty name: %d", r.Status)
	}
	if r = c.Get(page); !strings.Contains(r.Body, "<h1><bdi>Qazaq Steel JSC</bdi></h1>") {
		t.Fatal("a refused edit changed the donor")
	}
	op := f.User(t, "op@example.org", access.Operator, "en")
	if r = op.Get(page); r.Status != http.StatusOK || strings.Contains(r.Body, "Edit the donor") {
		t.Errorf("an operator's view of the donor: %d", r.Status)
	}
	if r = op.Post(page, url.Values{"name": {"Mine"}, "kind": {"person"}}); r.Status != http.StatusForbidden {
		t.Errorf("an operator edited a donor: %d", r.Status)
	}
}
