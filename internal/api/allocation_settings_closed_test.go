package api

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// The settings' warehouses are those the caller may route: a regional
// coordinator does not see a partner's warehouse there (an administrator
// over both does). A closed or reported campaign's quotas and routes
// no longer change: every change is a 409 with the reason in the
// caller's language, and the settings stay as they were.
func TestAllocationSettingsAPIRoutableAndClosed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := t.Context()
		c := requeststest.Open(t, db, f.w.Clock.Now(), "road", f.w.Centre.ID, f.w.Centre.Path, "KZ-75")
		own, err := f.svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-1", Name: "ALA-1",
			Kind: stock.Store, OrgID: f.w.Centre.ID, Active: true})
		check(t, err)
		partner, err := f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Karaganda charity", Type: orgs.Foundation,
			RegionCode: "KZ-35"})
		check(t, err)
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, q), args...); err != nil {
				t.Fatal(err)
			}
		}
		exec("INSERT INTO campaign_partners (campaign_id, org_id, role) VALUES ($1, $2, 'charity')", c.ID, partner.ID)
		theirs, err := f.svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "KRG-1", Name: "KRG-1",
			Kind: stock.Store, OrgID: partner.ID, Active: true})
		check(t, err)
		coord := f.newToken(t, f.user(t, accounts.NewUser{Email: "almaty-coord@example.org", Name: "Almaty coordinator",
			Role: access.Coordinator, OrgID: f.w.Centre.ID, Region: "KZ-75"}))
		base := fmt.Sprintf("%s/campaigns/%d/allocation", Prefix, c.ID)
		ids := func(token string) []int64 {
			t.Helper()
			w := f.do(t, "GET", base+"/settings", token, nil)
			if w.Code != http.StatusOK {
				t.Fatalf("settings: %d %s", w.Code, w.Body)
			}
			var out []int64
			for _, x := range decodeAs[allocationSettingsOut](t, w).Warehouses {
				out = append(out, x.ID)
			}
			return out
		}
		if got := ids(coord); len(got) != 1 || got[0] != own.ID {
			t.Errorf("the coordinator's warehouses: %v, want only %d (not the partner's %d)", got, own.ID, theirs.ID)
		}
		if got := ids(f.token[access.Admin]); len(got) != 2 {
			t.Errorf("the administrator's warehouses: %v, want %d and %d", got, own.ID, theirs.ID)
		}

		w := f.do(t, "PUT", base+"/quotas", coord, map[string]any{"region_code": "KZ-75", "kind": "fixed", "amount": 4})
		if w.Code != http.StatusOK {
			t.Fatalf("a quota of the open campaign: %d %s", w.Code, w.Body)
		}
		quota := decodeAs[allocationSettingsOut](t, w).Quotas[0].ID
		if w := f.do(t, "PUT", base+"/routes", coord, map[string]any{"warehouse_id": own.ID, "region_code": "KZ-75",
			"cost": 3}); w.Code != http.StatusOK {
			t.Fatalf("a route of the open campaign: %d %s", w.Code, w.Body)
		}
		before, err := f.svc.Allocation.Settings(ctx, access.System, c.ID)
		check(t, err)
		for _, st := range []string{"closed", "reported"} {
			exec("UPDATE campaigns SET status = $1 WHERE id = $2", st, c.ID)
			for _, lang := range []struct{ code, want string }{
				{"en", "its quotas and routes no longer change"},
				{"ru", "её квоты и маршруты больше не меняются"},
				{"kk", "квоталары мен маршруттары енді өзгертілмейді"},
				{"fr", "ses quotas et ses itinéraires ne changent plus"},
				{"fa", "سهمیه\u200cها و مسیرهای آن دیگر تغییر نمی\u200cکنند"},
			} {
				for _, ch := range []struct {
					method, path string
					body         any
				}{
					{"PUT", "/quotas", map[string]any{"region_code": "KZ-75", "kind": "fixed", "amount": 9}},
					{"DELETE", fmt.Sprintf("/quotas/%d", quota), nil},
					{"PUT", "/routes", map[string]any{"warehouse_id": own.ID, "region_code": "KZ-75", "cost": 8}},
					{"DELETE", fmt.Sprintf("/routes/%d/KZ-75", own.ID), nil},
				} {
					w := f.do(t, ch.method, base+ch.path, coord, ch.body, "Accept-Language", lang.code)
					if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), lang.want) {
						t.Errorf("%s %s %s of a %s campaign: %d %s", lang.code, ch.method, ch.path, st, w.Code, w.Body)
					}
				}
			}
		}
		after, err := f.svc.Allocation.Settings(ctx, access.System, c.ID)
		check(t, err)
		if after.Version != before.Version || len(after.Quotas) != 1 || after.Quotas[0].Amount != 4 ||
			len(after.Routes) != 1 || after.Routes[0].Cost != 3 {
			t.Fatalf("a closed campaign's settings changed: %+v, were %+v", after, before)
		}
	})
}
