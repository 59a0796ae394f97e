package allocation_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/web/webtest"
)

// The settings' forms refuse hostile values, each with its reason on the
// field in the reader's language, and change nothing: negative or
// non-numeric amounts and costs, shares below 0 or above 100 % (one so
// large that reading it in basis points would wrap round to 0.84 %), a
// region or a warehouse outside the coordinator's area (another
// region; a partner organisation's warehouse), a closed or unknown
// warehouse, an unknown region.
func TestSettingsFormsRefuseHostileValues(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	own := webtest.Must(f.Svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-1",
		Name: "Almaty central warehouse", Kind: stock.Store, OrgID: f.Org.ID, Active: true}))
	closed := webtest.Must(f.Svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-2",
		Name: "Old depot", Kind: stock.Store, OrgID: f.Org.ID, Active: false}))
	partner := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Karaganda Charity",
		Type: orgs.Foundation, RegionCode: "KZ-35"}))
	exec(t, f, "INSERT INTO campaign_partners (campaign_id, org_id, role) VALUES ($1, $2, 'charity')", c.ID, partner.ID)
	theirs := webtest.Must(f.Svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "KRG-1",
		Name: "Karaganda charity store", Kind: stock.Store, OrgID: partner.ID, Active: true}))
	page := "/campaigns/" + webtest.Itoa(c.ID) + "/allocation"
	version := func() int {
		st, err := f.Svc.Allocation.Settings(ctx, access.System, c.ID)
		webtest.Check(t, err)
		if len(st.Quotas) != 0 || len(st.Routes) != 0 {
			t.Fatalf("a refused form saved %+v", st)
		}
		return st.Version
	}
	before := version()
	share := func(amount string) url.Values {
		return url.Values{"region": {"KZ-75"}, "item_id": {"0"}, "kind": {"share"}, "amount": {amount}}
	}
	fixed := func(amount string) url.Values {
		return url.Values{"region": {"KZ-75"}, "item_id": {"0"}, "kind": {"fixed"}, "amount": {amount}}
	}
	route := func(w int64, region, cost string) url.Values {
		return url.Values{"warehouse_id": {webtest.Itoa(w)}, "region": {region}, "cost": {cost}}
	}
	for _, lang := range []struct {
		locale, share, number, area, partner, warehouse string
	}{
		{"ru", "Доля — от 0 до 100 %.", "Квота — целое число от 0 до", "вне вашей зоны", "решают только её сотрудники",
			"Выберите действующий склад организатора кампании."},
		{"fa", "سهم از ۰ تا ۱۰۰ درصد است.", "سهمیه عددی صحیح از ۰ تا", "بیرون از حوزه شماست", "فقط کارکنان خود آن سازمان",
			"یک انبار فعال از برگزارکننده کمپین انتخاب کنید."},
	} {
		coord := f.User(t, "coord-"+lang.locale+"@example.org", access.Coordinator, lang.locale)
		for _, bad := range []struct {
			path  string
			form  url.Values
			field string
			want  string
		}{
			{"/quotas", share("184467440737095517"), "amount", lang.share},
			{"/quotas", share("100.01"), "amount", lang.share},
			{"/quotas", share("-5"), "amount", lang.share},
			{"/quotas", share("NaN"), "amount", lang.share},
			{"/quotas", share("1e2"), "amount", lang.share},
			{"/quotas", fixed("-1"), "amount", lang.number},
			{"/quotas", fixed("10000001"), "amount", lang.number},
			{"/quotas", fixed("99999999999999999999"), "amount", ""},
			{"/quotas", fixed("Inf"), "amount", ""},
			{"/quotas", url.Values{"region": {"KZ-35"}, "item_id": {"0"}, "kind": {"fixed"}, "amount": {"5"}}, "region",
				lang.area},
			{"/routes", route(own.ID, "KZ-75", "-3"), "cost", ""},
			{"/routes", route(own.ID, "KZ-75", "NaN"), "cost", ""},
			{"/routes", route(own.ID, "KZ-75", "1000001"), "cost", ""},
			{"/routes", route(own.ID, "KZ-35", "1"), "region", lang.area},
			{"/routes", route(theirs.ID, "KZ-75", "1"), "warehouse_id", lang.partner},
			{"/routes", route(closed.ID, "KZ-75", "1"), "warehouse_id", lang.warehouse},
			{"/routes", route(own.ID+1000, "KZ-75", "1"), "warehouse_id", lang.warehouse},
			{"/routes", route(own.ID, "XX-99", "1"), "region", "XX-99"},
		} {
			r := coord.Post(page+bad.path, bad.form)
			if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="`+bad.field+`-error"`) ||
				!strings.Contains(r.Body, bad.want) {
				t.Errorf("%s %s %v: %d, want the %s field refused with %q", lang.locale, bad.path, bad.form, r.Status,
					bad.field, bad.want)
			}
		}
	}
	if after := version(); after != before {
		t.Fatalf("refused forms moved the settings from version %d to %d", before, after)
	}
	// An administrator over both organisations may route the partner's
	// warehouse.
	admin := f.Login(t, "admin@example.org")
	if r := admin.Post(page+"/routes", route(theirs.ID, "KZ-75", "4")); r.Status != http.StatusSeeOther {
		t.Fatalf("the administrator's route: %d", r.Status)
	}
}

// The route form offers only the warehouses the reader may route: a
// coordinator of the organiser is not offered the partner's warehouse,
// an administrator over both is. A closed campaign's page offers no
// settings form, and its quotas and routes are refused with the reason
// in the reader's language, nothing changed.
func TestSettingsRouteChoicesAndClosedCampaign(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	own := webtest.Must(f.Svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-1",
		Name: "Almaty central warehouse", Kind: stock.Store, OrgID: f.Org.ID, Active: true}))
	partner := webtest.Must(f.Svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Karaganda Charity",
		Type: orgs.Foundation, RegionCode: "KZ-35"}))
	exec(t, f, "INSERT INTO campaign_partners (campaign_id, org_id, role) VALUES ($1, $2, 'charity')", c.ID, partner.ID)
	webtest.Must(f.Svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "KRG-1",
		Name: "Karaganda charity store", Kind: stock.Store, OrgID: partner.ID, Active: true}))
	page := "/campaigns/" + webtest.Itoa(c.ID) + "/allocation"
	choices := func(cl *webtest.Client) string {
		t.Helper()
		r := cl.Get(page)
		if r.Status != http.StatusOK {
			t.Fatalf("page: %d", r.Status)
		}
		m := regexp.MustCompile(`(?s)<select id="r-warehouse"[^>]*>(.*?)</select>`).FindStringSubmatch(r.Body)
		if m == nil {
			return ""
		}
		return m[1]
	}
	coord := f.User(t, "route-coord@example.org", access.Coordinator, "en")
	if got := choices(coord); !strings.Contains(got, "Almaty central warehouse") ||
		strings.Contains(got, "Karaganda charity store") {
		t.Errorf("the coordinator's route choices: %q", got)
	}
	admin := f.Login(t, "admin@example.org")
	if got := choices(admin); !strings.Contains(got, "Almaty central warehouse") ||
		!strings.Contains(got, "Karaganda charity store") {
		t.Errorf("the administrator's route choices: %q", got)
	}
	if r := coord.Post(page+"/quotas", url.Values{"region": {"KZ-75"}, "item_id": {"0"}, "kind": {"fixed"},
		"amount": {"5"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("a quota of the open campaign: %d", r.Status)
	}
	before := webtest.Must(f.Svc.Allocation.Settings(ctx, access.System, c.ID))
	exec(t, f, "UPDATE campaigns SET status = 'closed' WHERE id = $1", c.ID)
	if r := coord.Get(page); strings.Contains(r.Body, `action="`+page+`/quotas"`) ||
		strings.Contains(r.Body, `action="`+page+`/routes"`) || strings.Contains(r.Body, "/remove") {
		t.Errorf("a closed campaign's page offers to change its settings")
	}
	for _, lang := range []struct{ locale, want string }{
		{"en", "its quotas and routes no longer change"},
		{"ru", "её квоты и маршруты больше не меняются"},
		{"kk", "квоталары мен маршруттары енді өзгертілмейді"},
		{"fr", "ses quotas et ses itinéraires ne changent plus"},
		{"fa", "سهمیه\u200cها و مسیرهای آن دیگر تغییر نمی\u200cکنند"},
	} {
		cl := f.User(t, "closed-"+lang.locale+"@example.org", access.Coordinator, lang.locale)
		for _, ch := range []struct {
			path string
			form url.Values
		}{
			{"/quotas", url.Values{"region": {"KZ-75"}, "item_id": {"0"}, "kind": {"fixed"}, "amount": {"9"}}},
			{"/quotas/" + webtest.Itoa(before.Quotas[0].ID) + "/remove", url.Values{}},
			{"/routes", url.Values{"warehouse_id": {webtest.Itoa(own.ID)}, "region": {"KZ-75"}, "cost": {"2"}}},
		} {
			r := cl.Post(page+ch.path, ch.form)
			if r.Status != http.StatusConflict || !strings.Contains(r.Body, lang.want) {
				t.Errorf("%s %s of a closed campaign: %d, want 409 with %q", lang.locale, ch.path, r.Status, lang.want)
			}
		}
	}
	after := webtest.Must(f.Svc.Allocation.Settings(ctx, access.System, c.ID))
	if after.Version != before.Version || len(after.Quotas) != 1 || after.Quotas[0].Amount != 5 || len(after.Routes) != 0 {
		t.Fatalf("a closed campaign's settings changed: %+v, were %+v", after, before)
	}
}
