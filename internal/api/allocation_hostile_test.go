package api

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// Quotas and routes through the API with hostile values, from a
// coordinator of one region (Almaty) of a campaign organised there: each
// refused in the caller's language (Russian, Persian) — out-of-range
// numbers with the field's reason, numbers JSON cannot hold or that are
// not whole (NaN, 1e400, 2^63, 2.5, a string) as a body that does not
// decode, a region outside the caller's area, a partner's warehouse
// outside it, a closed or unknown warehouse — and the settings stay as
// they were.
func TestAllocationSettingsAPIRefusesHostileValues(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := t.Context()
		c := requeststest.Open(t, db, f.w.Clock.Now(), "road", f.w.Centre.ID, f.w.Centre.Path, "KZ-75")
		wh := func(code string, org int64, active bool) stock.Warehouse {
			w, err := f.svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: code, Name: code,
				Kind: stock.Store, OrgID: org, Active: active})
			check(t, err)
			return w
		}
		own, closed := wh("ALA-1", f.w.Centre.ID, true), wh("ALA-2", f.w.Centre.ID, false)
		partner, err := f.svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Karaganda charity", Type: orgs.Foundation,
			RegionCode: "KZ-35"})
		check(t, err)
		if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine,
			"INSERT INTO campaign_partners (campaign_id, org_id, role) VALUES ($1, $2, 'charity')"), c.ID, partner.ID); err != nil {
			t.Fatal(err)
		}
		theirs := wh("KRG-1", partner.ID, true)
		coord := f.newToken(t, f.user(t, accounts.NewUser{Email: "almaty-coord@example.org", Name: "Almaty coordinator",
			Role: access.Coordinator, OrgID: f.w.Centre.ID, Region: "KZ-75"}))
		base := fmt.Sprintf("%s/campaigns/%d/allocation", Prefix, c.ID)
		version := func() int {
			st, err := f.svc.Allocation.Settings(ctx, access.System, c.ID)
			check(t, err)
			if len(st.Quotas) != 0 || len(st.Routes) != 0 {
				t.Fatalf("a refused change saved %+v", st)
			}
			return st.Version
		}
		before := version()
		quota := func(amount string) string {
			return `{"region_code": "KZ-75", "kind": "share", "amount": ` + amount + `}`
		}
		route := func(w int64, region, cost string) string {
			return fmt.Sprintf(`{"warehouse_id": %d, "region_code": %q, "cost": %s}`, w, region, cost)
		}
		for _, lang := range []struct{ code, share, fixed, area, partner, unknown, json string }{
			{"ru", "Доля — от 0 до 100 %.", "Квота — целое число от 0 до", "KZ-35 вне вашей зоны",
				"решают только её сотрудники", "Выберите действующий склад организатора кампании.", "некорректный JSON"},
			{"fa", "سهم از ۰ تا ۱۰۰ درصد است.", "سهمیه عددی صحیح از ۰ تا", "بیرون از حوزه شماست",
				"فقط کارکنان خود آن سازمان", "یک انبار فعال از برگزارکننده کمپین انتخاب کنید.", "JSON"},
		} {
			for _, bad := range []struct {
				path, body string
				status     int
				want       string
			}{
				{"/quotas", quota("-1"), http.StatusUnprocessableEntity, lang.share},
				{"/quotas", quota("10001"), http.StatusUnprocessableEntity, lang.share},
				{"/quotas", `{"region_code": "KZ-75", "kind": "fixed", "amount": -5}`, http.StatusUnprocessableEntity, lang.fixed},
				{"/quotas", `{"region_code": "KZ-75", "kind": "fixed", "amount": 10000001}`, http.StatusUnprocessableEntity, lang.fixed},
				{"/quotas", quota("NaN"), http.StatusBadRequest, ""},
				{"/quotas", quota("1e400"), http.StatusBadRequest, ""},
				{"/quotas", quota("9223372036854775808"), http.StatusBadRequest, lang.json},
				{"/quotas", quota("2.5"), http.StatusBadRequest, lang.json},
				{"/quotas", quota(`"50"`), http.StatusBadRequest, lang.json},
				{"/quotas", `{"region_code": "KZ-35", "kind": "fixed", "amount": 3}`, http.StatusUnprocessableEntity, lang.area},
				{"/quotas", `{"region_code": "KZ-75", "item_id": -1, "kind": "fixed", "amount": 3}`, http.StatusUnprocessableEntity, `"field":"item_id"`},
				{"/routes", route(own.ID, "KZ-75", "-1"), http.StatusUnprocessableEntity, `"field":"cost"`},
				{"/routes", route(own.ID, "KZ-75", "1e400"), http.StatusBadRequest, ""},
				{"/routes", route(own.ID, "KZ-35", "1"), http.StatusUnprocessableEntity, lang.area},
				{"/routes", route(theirs.ID, "KZ-75", "1"), http.StatusUnprocessableEntity, lang.partner},
				{"/routes", route(closed.ID, "KZ-75", "1"), http.StatusUnprocessableEntity, lang.unknown},
				{"/routes", route(own.ID+1000, "KZ-75", "1"), http.StatusUnprocessableEntity, lang.unknown},
			} {
				w := f.do(t, "PUT", base+bad.path, coord, bad.body, "Accept-Language", lang.code)
				if w.Code != bad.status || !strings.Contains(w.Body.String(), bad.want) {
					t.Errorf("%s %s %s: %d %s, want %d with %q", lang.code, bad.path, bad.body, w.Code, w.Body, bad.status,
						bad.want)
				}
			}
		}
		if after := version(); after != before {
			t.Fatalf("refused changes moved the settings from version %d to %d", before, after)
		}
		// Within the caller's area the same forms are taken.
		if w := f.do(t, "PUT", base+"/routes", coord, route(own.ID, "KZ-75", "2")); w.Code != http.StatusOK {
			t.Fatalf("a route within the area: %d %s", w.Code, w.Body)
		}

		// What an administrator set outside the coordinator's area, the
		// coordinator cannot remove either.
		admin := f.token[access.Admin]
		w := f.do(t, "PUT", base+"/quotas", admin, `{"region_code": "KZ-35", "kind": "fixed", "amount": 3}`)
		st := decodeAs[allocationSettingsOut](t, w)
		if w.Code != http.StatusOK || len(st.Quotas) != 1 {
			t.Fatalf("the administrator's quota: %d %s", w.Code, w.Body)
		}
		if w := f.do(t, "PUT", base+"/routes", admin, route(theirs.ID, "KZ-75", "1")); w.Code != http.StatusOK {
			t.Fatalf("the administrator's route: %d %s", w.Code, w.Body)
		}
		for path, want := range map[string]string{
			fmt.Sprintf("/quotas/%d", st.Quotas[0].ID): "KZ-35 вне вашей зоны",
			fmt.Sprintf("/routes/%d/KZ-75", theirs.ID): "решают только её сотрудники",
		} {
			if w := f.do(t, "DELETE", base+path, coord, nil, "Accept-Language", "ru"); w.Code != http.StatusForbidden ||
				!strings.Contains(w.Body.String(), want) {
				t.Errorf("DELETE %s by the Almaty coordinator: %d %s", path, w.Code, w.Body)
			}
		}
		if st, err := f.svc.Allocation.Settings(ctx, access.System, c.ID); err != nil || len(st.Quotas) != 1 ||
			len(st.Routes) != 2 {
			t.Fatalf("after refused removals: %+v %v", st, err)
		}
	})
}

// Twenty commits of the same campaign at once through the API, half with
// the dry run's version and digest, half at the current version: one is
// created, every other answers 409 with its reason in the caller's
// language, and the stock is held once.
func TestAllocationCommitsAtOnceAPI(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := t.Context()
		c := requeststest.Open(t, db, f.w.Clock.Now(), "road", f.org.ID, f.org.Path, "KZ-75")
		wh, err := f.svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-1",
			Name: "Almaty central warehouse", Kind: stock.Store, OrgID: f.w.Centre.ID, Active: true})
		check(t, err)
		donor, err := f.svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Donor",
			Kind: stock.DonorCompany, OrgID: f.org.ID})
		check(t, err)
		_, err = f.svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: wh.ID, Kind: stock.Donation,
			DonorID: donor.ID, Lines: []stock.Line{{ItemID: c.Kit, Quantity: 2}}})
		check(t, err)
		for i := range 3 {
			child := f.w.Person(t, f.w.Child("Sadykov", fmt.Sprintf("Arman%d", i), f.w.Clock.Now().AddDate(-8, 0, 0)))
			r, err := f.svc.Requests.Submit(ctx, access.System, requests.Input{CampaignID: c.ID, PersonID: child.ID,
				ApplicantKind: requests.ByParent, Channel: requests.Hotline, Lines: []requests.LineInput{{ItemID: c.Kit}}})
			check(t, err)
			for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
				r, err = f.svc.Requests.Transition(ctx, access.System, r.ID, requests.Move{To: to, Version: r.Version})
				check(t, err)
			}
		}
		path := fmt.Sprintf("%s/campaigns/%d/allocations", Prefix, c.ID)
		coord := f.token[access.Coordinator]
		dry := decodeAs[allocationOut](t, f.do(t, "POST", path, coord, map[string]any{"dry_run": true}))
		const n = 20
		codes, bodies := make([]int, n), make([]string, n)
		var wg sync.WaitGroup
		for i := range n {
			body := `{}`
			if i%2 == 0 {
				body = fmt.Sprintf(`{"version": %d, "digest": %q}`, dry.Plan.Version, dry.Plan.Digest)
			}
			wg.Go(func() {
				w := f.do(t, "POST", path, coord, body, "Accept-Language", "ru")
				codes[i], bodies[i] = w.Code, w.Body.String()
			})
		}
		wg.Wait()
		created := 0
		for i, code := range codes {
			switch {
			case code == http.StatusCreated:
				created++
			case code != http.StatusConflict || !(strings.Contains(bodies[i], "было зафиксировано другое распределение") ||
				strings.Contains(bodies[i], "Фиксировать нечего")):
				t.Errorf("commit %d: %d %s", i, code, bodies[i])
			}
		}
		if created != 1 {
			t.Fatalf("%d commits created", created)
		}
		var held, twice int
		check(t, db.R.QueryRowContext(ctx, "SELECT count(*) FROM stock_holds WHERE status = 'held'").Scan(&held))
		check(t, db.R.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT request_id, line FROM stock_holds
			WHERE status = 'held' GROUP BY request_id, line HAVING count(*) > 1) twice`).Scan(&twice))
		if held != 2 || twice != 0 {
			t.Fatalf("%d lines held, %d twice", held, twice)
		}
		r, err := f.svc.Stock.Verify(ctx)
		check(t, err)
		if len(r.Mismatches) != 0 {
			t.Fatalf("the ledger disagrees: %+v", r.Mismatches)
		}
	})
}
