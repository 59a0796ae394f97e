package stock_test

import (
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func TestWarehousePagesAndMovements(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	item := func(code string) string {
		var id int64
		webtest.Check(t, f.DB.R.QueryRow(store.Rebind(f.DB.Engine, "SELECT id FROM aid_items WHERE code = $1"), code).Scan(&id))
		return webtest.Itoa(id)
	}
	if r := c.Get("/warehouses"); r.Status != http.StatusOK || !strings.Contains(r.Body, "No warehouses yet.") {
		t.Fatalf("empty list: %d", r.Status)
	}
	r := c.Post("/warehouses", url.Values{"code": {"ala 1"}, "name": {""}, "kind": {"warehouse"}, "org_id": {webtest.Itoa(f.Org.ID)}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="code-error"`) || !strings.Contains(r.Body, `id="name-error"`) {
		t.Fatalf("bad warehouse: %d", r.Status)
	}
	r = c.Post("/warehouses", url.Values{"code": {"ala-1"}, "name": {"Almaty store"}, "kind": {"warehouse"},
		"org_id": {webtest.Itoa(f.Org.ID)}, "active": {"on"}})
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/warehouses/") {
		t.Fatalf("create warehouse: %d %s", r.Status, r.Body)
	}
	wh := r.Location
	if r = c.Post("/donors", url.Values{"name": {"Kazakh Steel"}, "kind": {"company"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("donor: %d", r.Status)
	}
	donor := strings.TrimPrefix(r.Location, "/donors/")
	if r = c.Get(wh + "/movements/new?kind=donation"); r.Status != http.StatusOK || !strings.Contains(r.Body, ">Kazakh Steel</option>") {
		t.Fatalf("donation form: %d", r.Status)
	}
	r = c.Post(wh+"/movements", url.Values{"kind": {"donation"}, "donor_id": {donor},
		"lines.0.item": {item("backpack")}, "lines.0.quantity": {"10"},
		"lines.2.item": {item("school_uniform")}, "lines.2.quantity": {"5"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="lines.2.size-error"`) {
		t.Fatalf("a uniform without its size: %d", r.Status)
	}
	r = c.Post(wh+"/movements", url.Values{"kind": {"donation"}, "donor_id": {donor},
		"lines.0.item": {item("backpack")}, "lines.0.quantity": {"10"},
		"lines.2.item": {item("school_uniform")}, "lines.2.size": {"128"}, "lines.2.quantity": {"5"}})
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/stock/docs/") {
		t.Fatalf("donation: %d", r.Status)
	}
	if r = c.Get(r.Location); !strings.Contains(r.Body, "Donation received №") || !strings.Contains(r.Body, ">+10</td>") {
		t.Fatalf("the document page does not show the receipt")
	}
	r = c.Get(wh)
	for _, want := range []string{"<bdi>Backpack</bdi>", `data-label="On hand" class="num">10</td>`, "<bdi>Kazakh Steel</bdi>",
		`href="` + wh + `/movements/new?kind=write_off"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("warehouse page lacks %q", want)
		}
	}
	docs := f.Count(t, "") // a search of nothing: the count is of persons, unchanged by stock
	r = c.Post(wh+"/movements", url.Values{"kind": {"issue_institution"}, "org_id": {webtest.Itoa(f.Org.ID)},
		"lines.0.item": {item("backpack")}, "lines.0.quantity": {"11"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Not enough Backpack: 10 available, 11 asked. Nothing was recorded.") {
		t.Fatalf("issuing more than the balance: %d", r.Status)
	}
	r = c.Post(wh+"/movements", url.Values{"kind": {"transfer"}, "to_warehouse_id": {strings.TrimPrefix(wh, "/warehouses/")},
		"lines.0.item": {item("backpack")}, "lines.0.quantity": {"1"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "A transfer goes to another warehouse.") {
		t.Fatalf("transfer to the same warehouse: %d", r.Status)
	}
	r = c.Post(wh+"/movements", url.Values{"kind": {"write_off"}, "reason": {"other"},
		"lines.0.item": {item("backpack")}, "lines.0.quantity": {"1"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Say what happened in the note.") {
		t.Fatalf("write-off without a note: %d", r.Status)
	}
	if docs != f.Count(t, "") {
		t.Fatal("the registry changed")
	}
	if r = c.Get(wh); !strings.Contains(r.Body, `data-label="On hand" class="num">10</td>`) {
		t.Error("a refused movement changed the balance")
	}
	if r = c.Get(wh + "/movements"); !strings.Contains(r.Body, "Donation received №") || strings.Contains(r.Body, "Write-off №") {
		t.Error("the history does not show exactly the donation")
	}
	// An operator reads stock but records no movement; Persian digits.
	op := f.User(t, "op@example.org", access.Operator, "fa")
	if r = op.Get(wh + "/movements/new?kind=donation"); r.Status != http.StatusForbidden {
		t.Errorf("operator opened a movement form: %d", r.Status)
	}
	if r = op.Get(wh); r.Status != http.StatusOK || !strings.Contains(r.Body, "۱۰") || !strings.Contains(r.Body, `dir="rtl"`) {
		t.Errorf("the Persian warehouse page: %d", r.Status)
	}
	sp := f.User(t, "sponsor@example.org", access.Sponsor, "en")
	if r = sp.Get("/donors/" + donor); r.Status != http.StatusForbidden {
		t.Errorf("a sponsor traced a gift: %d", r.Status)
	}
}

// The warehouse, donor and device lists go page by page: a Next link
// while more follow, the next page's rows, and none on the last.
func TestStockListsPageThrough(t *testing.T) {
	f := webtest.New(t)
	c := f.Login(t, "coord@example.org")
	var pcID int64
	webtest.Check(t, f.DB.R.QueryRow("SELECT id FROM aid_items WHERE code = 'computer'").Scan(&pcID))
	var whs []string
	for _, code := range []string{"ala-1", "ala-2"} {
		r := c.Post("/warehouses", url.Values{"code": {code}, "name": {"Store " + code}, "kind": {"warehouse"},
			"org_id": {webtest.Itoa(f.Org.ID)}, "active": {"on"}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("create warehouse %s: %d", code, r.Status)
		}
		whs = append(whs, r.Location)
	}
	for _, name := range []string{"First donor", "Second donor"} {
		if r := c.Post("/donors", url.Values{"name": {name}, "kind": {"company"}}); r.Status != http.StatusSeeOther {
			t.Fatalf("donor %s: %d", name, r.Status)
		}
	}
	r := c.Post(whs[0]+"/movements", url.Values{"kind": {"purchase"}, "currency": {"KZT"},
		"lines.0.item": {webtest.Itoa(pcID)}, "lines.0.serials": {"PC-1\nPC-2"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("computers: %d %s", r.Status, r.Body)
	}
	for _, c2 := range []struct{ path, first, second string }{
		{"/warehouses", "Store ala-2", "Store ala-1"},
		{"/donors", "Second donor", "First donor"},
		{whs[0] + "/devices", "PC-2", "PC-1"},
	} {
		r := c.Get(c2.path + "?limit=1")
		if r.Status != http.StatusOK || !strings.Contains(r.Body, c2.first) || strings.Contains(r.Body, c2.second) ||
			!strings.Contains(r.Body, `rel="next"`) {
			t.Fatalf("%s, first page: %d %s", c2.path, r.Status, r.Body)
		}
		next := strings.ReplaceAll(between(r.Body, `<a href="`, `" rel="next"`), "&amp;", "&")
		r = c.Get(next)
		if r.Status != http.StatusOK || !strings.Contains(r.Body, c2.second) || strings.Contains(r.Body, `rel="next"`) {
			t.Fatalf("%s, second page (%s): %d", c2.path, next, r.Status)
		}
	}
}

// between is the text of s between the last before that precedes after.
func between(s, before, after string) string {
	end := strings.Index(s, after)
	if end < 0 {
		return ""
	}
	start := strings.LastIndex(s[:end], before)
	if start < 0 {
		return ""
	}
	return s[start+len(before) : end]
}
