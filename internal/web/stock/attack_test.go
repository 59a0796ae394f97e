package stock_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/webtest"
)

// The refusals of a warehouse's forms reach the page in the reader's
// language, beside the field at fault when there is one, and record
// nothing: more than the balance, a transfer to the same warehouse, kits
// without their components, an item counted on two lines, a write-off
// without a reason.
func TestMovementRefusalsInTheReadersLanguage(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	item := func(code string) int64 {
		var id int64
		webtest.Check(t, f.DB.R.QueryRow(store.Rebind(f.DB.Engine, "SELECT id FROM aid_items WHERE code = $1"), code).Scan(&id))
		return id
	}
	wh := webtest.Must(f.Svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-1", Name: "Almaty store",
		Kind: stock.Store, OrgID: f.Org.ID, Active: true}))
	donor := webtest.Must(f.Svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Steel Co",
		Kind: stock.DonorCompany, OrgID: f.Org.ID}))
	webtest.Must(f.Svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: wh.ID, Kind: stock.Donation,
		DonorID: donor.ID, Lines: []stock.Line{{ItemID: item("backpack"), Quantity: 3}}}))
	docs := func() int { return count(t, f, "SELECT count(*) FROM stock_docs") }
	before := docs()
	ru := f.User(t, "ru@example.org", access.Warehouse, "ru")
	fa := f.User(t, "fa@example.org", access.Warehouse, "fa")
	path := "/warehouses/" + webtest.Itoa(wh.ID) + "/movements"
	backpack := webtest.Itoa(item("backpack"))
	for _, tc := range []struct {
		what  string
		c     *webtest.Client
		form  url.Values
		wants []string
	}{
		{"more than the balance", ru, url.Values{"kind": {"issue_institution"}, "org_id": {webtest.Itoa(f.Org.ID)},
			"lines.0.item": {backpack}, "lines.0.quantity": {"4"}}, []string{"доступно 3, запрошено 4"}},
		{"to the same warehouse", fa, url.Values{"kind": {"transfer"}, "to_warehouse_id": {webtest.Itoa(wh.ID)},
			"lines.0.item": {backpack}, "lines.0.quantity": {"1"}}, []string{"انتقال باید به انبار دیگری باشد"}},
		{"kits without components", ru, url.Values{"kind": {"assembly"}, "kit_id": {webtest.Itoa(item("primary_kit"))},
			"quantity": {"2"}}, []string{"Недостаточно:", "для сборки 2 ×"}},
		{"an item counted twice", fa, url.Values{"kind": {"count"}, "lines.0.item": {backpack}, "lines.0.counted": {"1"},
			"lines.3.item": {backpack}, "lines.3.counted": {"1"}}, []string{`id="lines.3.item-error"`, "در دو سطر آمده است"}},
		{"a write-off without a reason", ru, url.Values{"kind": {"write_off"}, "lines.0.item": {backpack},
			"lines.0.quantity": {"1"}}, []string{`id="reason-error"`, "Выберите одно из значений"}},
	} {
		r := tc.c.Post(path, tc.form)
		if r.Status != http.StatusUnprocessableEntity {
			t.Fatalf("%s: %d", tc.what, r.Status)
		}
		for _, want := range tc.wants {
			if !strings.Contains(r.Body, want) {
				t.Errorf("%s: the page lacks %q", tc.what, want)
			}
		}
		if strings.Contains(r.Body, ">error.") {
			t.Errorf("%s: a message key on the page", tc.what)
		}
	}
	if after := docs(); after != before {
		t.Fatalf("%d documents recorded by refusals", after-before)
	}
}

func count(t *testing.T, f *webtest.Fixture, q string) int {
	t.Helper()
	var n int
	webtest.Check(t, f.DB.R.QueryRow(q).Scan(&n))
	return n
}
