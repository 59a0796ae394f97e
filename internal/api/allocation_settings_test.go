package api

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// Quotas and routes through the API: a coordinator sets and removes
// them and reads them back, with the page's refusals (in the caller's
// language, nothing changed); an operator reads but does not set (and
// is offered no warehouse to route), and a
// coordinator of another organisation neither.
func TestAllocationSettingsAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := t.Context()
		c := requeststest.Open(t, db, f.w.Clock.Now(), "road", f.org.ID, f.org.Path, "KZ-75")
		wh, err := f.svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-1",
			Name: "Almaty central warehouse", Kind: stock.Store, OrgID: f.w.Centre.ID, Active: true})
		check(t, err)
		base := fmt.Sprintf("%s/campaigns/%d/allocation", Prefix, c.ID)
		coord, op, stranger := f.token[access.Coordinator], f.token[access.Operator], f.newToken(t, f.w.Stranger)
		settings := func(token string) allocationSettingsOut {
			t.Helper()
			w := f.do(t, "GET", base+"/settings", token, nil)
			if w.Code != http.StatusOK {
				t.Fatalf("settings: %d %s", w.Code, w.Body)
			}
			return decodeAs[allocationSettingsOut](t, w)
		}
		st := settings(coord)
		if st.Version != 0 || len(st.Quotas) != 0 || len(st.Routes) != 0 || len(st.Warehouses) != 1 ||
			st.Warehouses[0].ID != wh.ID {
			t.Fatalf("settings before any change: %+v", st)
		}
		// An operator reads the settings but routes no warehouse.
		if st := settings(op); st.Version != 0 || len(st.Warehouses) != 0 {
			t.Fatalf("the operator's settings: %+v", st)
		}

		w := f.do(t, "PUT", base+"/quotas", coord, map[string]any{"region_code": "KZ-75", "kind": "share", "amount": 2500})
		st = decodeAs[allocationSettingsOut](t, w)
		if w.Code != http.StatusOK || st.Version != 1 || len(st.Quotas) != 1 || st.Quotas[0].Amount != 2500 ||
			st.Quotas[0].Kind != allocation.Share || st.Quotas[0].RegionCode != "KZ-75" {
			t.Fatalf("set a quota: %d %s", w.Code, w.Body)
		}
		quota := st.Quotas[0].ID
		w = f.do(t, "PUT", base+"/quotas", coord, map[string]any{"region_code": "KZ-75", "kind": "fixed", "amount": 40})
		if st = decodeAs[allocationSettingsOut](t, w); len(st.Quotas) != 1 || st.Quotas[0].Amount != 40 {
			t.Fatalf("replace the quota: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "PUT", base+"/routes", coord, map[string]any{"warehouse_id": wh.ID, "region_code": "KZ-75", "cost": 12})
		if st = decodeAs[allocationSettingsOut](t, w); w.Code != http.StatusOK || len(st.Routes) != 1 ||
			st.Routes[0].Cost != 12 || st.Routes[0].WarehouseID != wh.ID {
			t.Fatalf("set a route: %d %s", w.Code, w.Body)
		}
		if got := settings(op); got.Version != 3 || len(got.Quotas) != 1 || len(got.Routes) != 1 {
			t.Fatalf("settings read back: %+v", got)
		}

		// Bad input: refused with the field's reason, nothing changed.
		for _, bad := range []struct {
			path, lang, want string
			body             map[string]any
		}{
			{"/quotas", "en", "A share is from 0 to 100 %.", map[string]any{"region_code": "KZ-75", "kind": "share", "amount": 10001}},
			{"/quotas", "ru", "KZ-99", map[string]any{"region_code": "KZ-99", "kind": "fixed", "amount": 1}},
			{"/quotas", "en", "quotas must nest", map[string]any{"region_code": "KZ", "item_id": c.Kit, "kind": "fixed", "amount": 1}},
			{"/quotas", "en", `"field":"kind"`, map[string]any{"region_code": "KZ-75", "kind": "most", "amount": 1}},
			{"/routes", "en", `"field":"cost"`, map[string]any{"warehouse_id": wh.ID, "region_code": "KZ-75", "cost": -1}},
			{"/routes", "en", `"field":"warehouse_id"`, map[string]any{"warehouse_id": wh.ID + 100, "region_code": "KZ-75", "cost": 1}},
		} {
			w := f.do(t, "PUT", base+bad.path, coord, bad.body, "Accept-Language", bad.lang)
			if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), bad.want) {
				t.Errorf("%s %v: %d %s", bad.path, bad.body, w.Code, w.Body)
			}
		}
		if got := settings(op); got.Version != 3 {
			t.Fatalf("a refusal changed the settings: %+v", got)
		}

		// Operators read, and set nothing; another organisation's
		// coordinator neither reads nor sets.
		for _, tok := range []string{op, stranger} {
			if w := f.do(t, "PUT", base+"/quotas", tok, map[string]any{"region_code": "KZ-75", "kind": "fixed", "amount": 1}); w.Code == http.StatusOK {
				t.Errorf("a quota set by a caller without the right: %s", w.Body)
			}
			if w := f.do(t, "DELETE", fmt.Sprintf("%s/quotas/%d", base, quota), tok, nil); w.Code == http.StatusOK {
				t.Errorf("a quota removed by a caller without the right: %s", w.Body)
			}
			if w := f.do(t, "DELETE", fmt.Sprintf("%s/routes/%d/KZ-75", base, wh.ID), tok, nil); w.Code == http.StatusOK {
				t.Errorf("a route removed by a caller without the right: %s", w.Body)
			}
		}
		if w := f.do(t, "GET", base+"/settings", stranger, nil); w.Code != http.StatusNotFound {
			t.Errorf("another organisation's settings: %d %s", w.Code, w.Body)
		}
		if got := settings(op); got.Version != 3 {
			t.Fatalf("an out-of-scope caller changed the settings: %+v", got)
		}

		w = f.do(t, "DELETE", fmt.Sprintf("%s/quotas/%d", base, quota), coord, nil)
		if st = decodeAs[allocationSettingsOut](t, w); w.Code != http.StatusOK || len(st.Quotas) != 0 {
			t.Fatalf("remove the quota: %d %s", w.Code, w.Body)
		}
		w = f.do(t, "DELETE", fmt.Sprintf("%s/routes/%d/KZ-75", base, wh.ID), coord, nil)
		if st = decodeAs[allocationSettingsOut](t, w); w.Code != http.StatusOK || len(st.Routes) != 0 || st.Version != 5 {
			t.Fatalf("remove the route: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "DELETE", fmt.Sprintf("%s/quotas/%d", base, quota), coord, nil); w.Code != http.StatusNotFound {
			t.Errorf("a quota removed twice: %d %s", w.Code, w.Body)
		}
	})
}
