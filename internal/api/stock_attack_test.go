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

// The refusals of bad stock documents reach an API client in its own
// language, never as a message key, and record nothing: a count giving
// an item twice, a transfer received twice, a write-off without a
// reason, a device returned from a handover that did not give it.
func TestStockRefusalsInTheCallersLanguage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx, svc, admin := t.Context(), f.svc, f.w.Principal(access.Admin)
		wh := f.token[access.Warehouse]
		var backpack, pc int64
		check(t, db.R.QueryRow("SELECT id FROM aid_items WHERE code = 'backpack'").Scan(&backpack))
		check(t, db.R.QueryRow("SELECT id FROM aid_items WHERE code = 'computer'").Scan(&pc))
		point := must(svc.Stock.CreateWarehouse(ctx, admin, stock.WarehouseInput{Code: "ALA-P", Name: "Almaty point",
			Kind: stock.DistributionPoint, OrgID: f.w.Centre.ID, Active: true}))
		other := must(svc.Stock.CreateWarehouse(ctx, admin, stock.WarehouseInput{Code: "ALA-Q", Name: "Second point",
			Kind: stock.DistributionPoint, OrgID: f.w.Centre.ID, Active: true}))
		donor := must(svc.Stock.CreateDonor(ctx, admin, stock.DonorInput{Name: "Steel Co", Kind: stock.DonorCompany,
			OrgID: f.w.Foundation.ID}))
		must(svc.Stock.Receive(ctx, admin, stock.ReceiptInput{WarehouseID: point.ID, Kind: stock.Donation, DonorID: donor.ID,
			Lines: []stock.Line{{ItemID: backpack, Quantity: 10}, {ItemID: pc, Serials: []string{"A-1", "A-2"}}}}))
		moves := fmt.Sprintf("/api/v1/warehouses/%d/movements", point.ID)
		docs := func() int {
			var n int
			check(t, db.R.QueryRow("SELECT count(*) FROM stock_docs").Scan(&n))
			return n
		}
		before := docs()
		refused := func(what string, code int, lang, want string, path string, body map[string]any) {
			t.Helper()
			w := f.do(t, "POST", path, wh, body, "Accept-Language", lang)
			p := decodeAs[problem](t, w)
			text := p.Detail
			for _, e := range p.Errors {
				text += " | " + e.Message
			}
			if w.Code != code || !strings.Contains(text, want) || strings.Contains(text, "error.") {
				t.Fatalf("%s: %d %s", what, w.Code, w.Body)
			}
		}
		refused("an item counted twice", 422, "fa", "در دو سطر آمده است", moves, map[string]any{"kind": "count",
			"counted": []map[string]any{{"item_id": backpack, "counted": 4}, {"item_id": backpack, "counted": 4}}})
		refused("a write-off without a reason", 422, "kk", "Мына мәндердің бірін таңдаңыз", moves, map[string]any{
			"kind": "write_off", "lines": []map[string]any{{"item_id": backpack, "quantity": 1}}})
		refused("a write-off for another reason without a note", 422, "ru", "Опишите в примечании", moves, map[string]any{
			"kind": "write_off", "reason": "other", "lines": []map[string]any{{"item_id": backpack, "quantity": 1}}})
		if after := docs(); after != before {
			t.Fatalf("%d documents recorded by refusals", after-before)
		}
		sent := must(svc.Stock.Dispatch(ctx, admin, stock.TransferInput{FromID: point.ID, ToID: other.ID,
			Lines: []stock.Line{{ItemID: backpack, Quantity: 2}}}))
		receive := fmt.Sprintf("/api/v1/stock/docs/%d/receive", sent.ID)
		if w := f.do(t, "POST", receive, wh, map[string]any{}); w.Code != 200 {
			t.Fatalf("receive: %d %s", w.Code, w.Body)
		}
		refused("a transfer received twice", 409, "ru", "Это перемещение уже принято", receive, map[string]any{})
		given := must(svc.Stock.IssueInstitution(ctx, admin, stock.InstitutionInput{WarehouseID: point.ID,
			OrgID: f.w.Centre.ID, Lines: []stock.Line{{ItemID: pc, Serials: []string{"A-1"}}}}))
		before = docs()
		refused("a device the handover did not give", 422, "fa", "شمارهٔ سریال A-2 با این تحویل بیرون نرفته", fmt.Sprintf("/api/v1/stock/docs/%d/return", given.ID),
			map[string]any{"lines": []map[string]any{{"item_id": pc, "serials": []string{"A-2"}}}})
		if after := docs(); after != before {
			t.Fatalf("%d documents recorded by a refused return", after-before)
		}
	})
}
