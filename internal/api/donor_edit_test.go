package api

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// PUT /donors/{id} edits a donor in place (its gifts stay its own), with
// the reason of a refusal and nothing changed; a keeper below the
// donor's organisation may not, another organisation does not see it.
func TestUpdateDonorAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := t.Context()
		coord := f.token[access.Coordinator]
		w := f.do(t, "POST", Prefix+"/donors", coord, map[string]any{"name": "Steel Co", "kind": "company"})
		d := decodeAs[stock.Donor](t, w)
		wh, err := f.svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-1",
			Name: "Almaty central warehouse", Kind: stock.Store, OrgID: f.w.Centre.ID, Active: true})
		check(t, err)
		var backpack int64
		check(t, db.R.QueryRowContext(ctx, "SELECT id FROM aid_items WHERE code = 'backpack'").Scan(&backpack))
		_, err = f.svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: wh.ID, Kind: stock.Donation,
			DonorID: d.ID, Lines: []stock.Line{{ItemID: backpack, Quantity: 4}}})
		check(t, err)
		path := fmt.Sprintf("%s/donors/%d", Prefix, d.ID)

		w = f.do(t, "PUT", path, coord, map[string]any{"name": "Qazaq Steel", "kind": "organisation",
			"contact": "+7 701 000 00 01", "donor_org_id": f.w.School.ID})
		got := decodeAs[stock.Donor](t, w)
		if w.Code != http.StatusOK || got.ID != d.ID || got.Name != "Qazaq Steel" || got.Kind != stock.DonorOrganisation ||
			got.DonorOrgID != f.w.School.ID || got.OrgID != d.OrgID {
			t.Fatalf("edit: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "GET", path+"/trace", coord, nil)
		tr := decodeAs[stock.Trace](t, w)
		if tr.Donor.Name != "Qazaq Steel" || tr.InStock[backpack] != 4 {
			t.Fatalf("the gifts after the edit: %s", w.Body)
		}
		for _, bad := range []struct {
			token string
			body  map[string]any
			code  int
			want  string
		}{
			{coord, map[string]any{"name": "", "kind": "company"}, http.StatusUnprocessableEntity, `"field":"name"`},
			{coord, map[string]any{"name": "X", "kind": "bank"}, http.StatusUnprocessableEntity, `"field":"kind"`},
			{coord, map[string]any{"name": "X", "kind": "company", "org_id": 1}, http.StatusBadRequest, "org_id"},
			{f.token[access.Warehouse], map[string]any{"name": "X", "kind": "company"}, http.StatusForbidden, ""},
			{f.token[access.Operator], map[string]any{"name": "X", "kind": "company"}, http.StatusForbidden, ""},
			{f.newToken(t, f.w.Stranger), map[string]any{"name": "X", "kind": "company"}, http.StatusNotFound, ""},
		} {
			w := f.do(t, "PUT", path, bad.token, bad.body)
			if w.Code != bad.code || !strings.Contains(w.Body.String(), bad.want) {
				t.Errorf("%v: %d %s", bad.body, w.Code, w.Body)
			}
		}
		if d, err := f.svc.Stock.Donor(ctx, access.System, d.ID); err != nil || d.Name != "Qazaq Steel" {
			t.Fatalf("a refused edit changed the donor: %+v, %v", d, err)
		}
	})
}
