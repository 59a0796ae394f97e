package api

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestStockThroughTheAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		coord, wh := f.token[access.Coordinator], f.token[access.Warehouse]
		var backpack int64
		check(t, db.R.QueryRow("SELECT id FROM aid_items WHERE code = 'backpack'").Scan(&backpack))
		if w := f.do(t, "POST", "/api/v1/warehouses", wh, map[string]any{"code": "X", "name": "X", "kind": "warehouse",
			"org_id": f.w.Centre.ID}); w.Code != 403 {
			t.Fatalf("the warehouse role opened a warehouse: %d", w.Code)
		}
		w := f.do(t, "POST", "/api/v1/warehouses", coord, map[string]any{"code": "ala-1", "name": "Almaty point",
			"kind": "distribution_point", "org_id": f.w.Centre.ID})
		point := decodeAs[stock.Warehouse](t, w)
		if w.Code != 201 || point.Code != "ALA-1" || point.RegionCode != "KZ-75" || !point.Active {
			t.Fatalf("create: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "POST", "/api/v1/donors", wh, map[string]any{"name": "Steel Co", "kind": "company"})
		donor := decodeAs[stock.Donor](t, w)
		if w.Code != 201 {
			t.Fatalf("donor: %d %s", w.Code, w.Body)
		}
		moves := fmt.Sprintf("/api/v1/warehouses/%d/movements", point.ID)
		w = f.do(t, "POST", moves, wh, map[string]any{"kind": "donation", "donor_id": donor.ID,
			"lines": []map[string]any{{"item_id": backpack, "quantity": 10}}})
		if d := decodeAs[stock.Doc](t, w); w.Code != 201 || len(d.Moves) != 1 || d.Moves[0].Quantity != 10 {
			t.Fatalf("donation: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "POST", moves, wh, map[string]any{"kind": "issue_institution", "org_id": f.w.Centre.ID,
			"lines": []map[string]any{{"item_id": backpack, "quantity": 11}}}, "Accept-Language", "ru")
		if p := decodeAs[problem](t, w); w.Code != 409 || p.Detail != "Недостаточно: Рюкзак — доступно 10, запрошено 11. Ничего не записано." {
			t.Fatalf("more than the balance: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "POST", moves, wh, map[string]any{"kind": "transfer", "to_warehouse_id": point.ID,
			"lines": []map[string]any{{"item_id": backpack, "quantity": 1}}})
		if w.Code != 422 || !strings.Contains(w.Body.String(), "A transfer goes to another warehouse.") {
			t.Fatalf("to the same warehouse: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "POST", moves, wh, map[string]any{"kind": "sell"}); w.Code != 422 {
			t.Fatalf("an unknown kind: %d %s", w.Code, w.Body)
		}
		// The operator of School №1 does not see the Support centre's point;
		// the auditor reads everything.
		if w = f.do(t, "GET", fmt.Sprintf("/api/v1/warehouses/%d", point.ID), f.token[access.Operator], nil); w.Code != 404 {
			t.Fatalf("a warehouse outside the operator's scope: %d", w.Code)
		}
		w = f.do(t, "GET", fmt.Sprintf("/api/v1/warehouses/%d/balances", point.ID), f.token[access.Auditor], nil)
		if b := decodeAs[balancesOut](t, w); w.Code != 200 || len(b.Balances) != 1 || b.Balances[0].Available != 10 ||
			len(b.Lots) != 1 || b.Lots[0].DonorName != "Steel Co" {
			t.Fatalf("balances: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "GET", moves, wh, nil)
		if l := decodeAs[list[stock.Entry]](t, w); w.Code != 200 || len(l.Items) != 1 || l.Items[0].Net != 10 {
			t.Fatalf("movements: %d %s", w.Code, w.Body)
		}
		if w = f.do(t, "GET", fmt.Sprintf("/api/v1/donors/%d/trace", donor.ID), f.token[access.Sponsor], nil); w.Code != 403 {
			t.Fatalf("a sponsor traced a gift: %d", w.Code)
		}
	})
}
