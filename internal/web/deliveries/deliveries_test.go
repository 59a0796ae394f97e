package deliveries_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// The pages of a delivery, from the plan's preview through the
// warehouse's dispatch to the centre's confirmation with a shortfall.
func TestPlanDispatchAndConfirmOnThePages(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	svc := f.Svc
	centre := webtest.Must(svc.Orgs.Create(ctx, access.System, orgs.Input{Name: "Centre Shapagat", Type: orgs.SupportCentre,
		ParentID: f.Org.ID, RegionCode: "KZ-75"}))
	for i, g := range []int{1, 2, 4, 7} {
		webtest.Must(svc.People.Create(ctx, access.System, people.Input{LastName: "Pupil", FirstName: string(rune('A' + i)),
			BirthDate: webtest.Day(2016, 1, 1), RegionCode: "KZ-75", OrgID: centre.ID, Grade: g, Status: people.Pupil}))
	}
	var kit int64
	webtest.Check(t, f.DB.R.QueryRow(store.Rebind(f.DB.Engine, "SELECT id FROM aid_items WHERE code = 'primary_kit'")).Scan(&kit))
	wh := webtest.Must(svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "C", Name: "Central store",
		Kind: stock.Store, OrgID: f.Org.ID, RegionCode: "KZ-75", Active: true}))
	donor := webtest.Must(svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "D", Kind: stock.DonorCompany, OrgID: f.Org.ID}))
	webtest.Must(svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: wh.ID, Kind: stock.Donation,
		DonorID: donor.ID, Lines: []stock.Line{{ItemID: kit, Quantity: 5}}}))
	coord := f.Login(t, "coord@example.org")
	c := webtest.Must(svc.Campaigns.Create(ctx, access.System, campaign.Input{Slug: "backpacks", Programme: campaign.Delivery,
		OrganiserID: f.Org.ID, StartsOn: webtest.Day(2026, 7, 1), EndsOn: webtest.Day(2026, 9, 30),
		Texts: []campaign.Text{{Locale: "en", Name: "A backpack for every pupil"}}, RegionCodes: []string{"KZ-75"},
		Items: []campaign.Offered{{Code: "primary_kit", Target: 100}}}))
	if r := coord.Get("/deliveries/plan?campaign_id=" + webtest.Itoa(c.ID)); r.Status != http.StatusOK ||
		!strings.Contains(r.Body, `name="lines.0.grade_max" inputmode="numeric" dir="ltr" size="3" value="4"`) {
		t.Fatalf("plan form: %d", r.Status)
	}
	form := url.Values{"campaign_id": {webtest.Itoa(c.ID)}, "warehouse_id": {webtest.Itoa(wh.ID)}, "due_on": {"2026-09-20"},
		"types": {"support_centre", "adaptation_centre"}, "lines.0.item": {webtest.Itoa(kit)}, "lines.0.rule": {"per_pupil"},
		"lines.0.grade_min": {"1"}, "lines.0.grade_max": {"4"}, "lines.0.per_pupil": {"1"}}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("lines.0.grade_min", "5")
	if r := coord.Post("/deliveries/plan", bad); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `id="lines.0.grade_min-error"`) {
		t.Fatalf("bad grades: %d", r.Status)
	}
	// A deadline already passed is refused, in the planner's language.
	past := url.Values{}
	for k, v := range form {
		past[k] = v
	}
	past.Set("due_on", "2026-08-31")
	ruCoord := f.User(t, "coord-ru@example.org", access.Coordinator, "ru")
	if r := ruCoord.Post("/deliveries/plan", past); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Срок уже прошёл: выберите сегодняшний или более поздний день.") {
		t.Fatalf("a plan due yesterday: %d", r.Status)
	}
	form.Set("preview", "1")
	r := coord.Post("/deliveries/plan", form)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "3 = 3 pupils of grades 1–4 on the roster × 1") {
		t.Fatalf("preview: %d %s", r.Status, r.Body)
	}
	if n := count(t, f, "SELECT count(*) FROM deliveries"); n != 0 {
		t.Fatalf("a preview wrote %d deliveries", n)
	}
	form.Del("preview")
	if r = coord.Post("/deliveries/plan", form); r.Status != http.StatusSeeOther || r.Location != "/deliveries?campaign="+webtest.Itoa(c.ID) {
		t.Fatalf("plan: %d %s", r.Status, r.Body)
	}
	if r = coord.Get(r.Location); !strings.Contains(r.Body, "Centre Shapagat") || !strings.Contains(r.Body, "On schedule") {
		t.Fatalf("board: %s", r.Body)
	}
	id := webtest.Itoa(count(t, f, "SELECT id FROM deliveries"))
	page := "/deliveries/" + id
	if r = coord.Post(page+"/dispatch", url.Values{"version": {"1"}, "lines.1.quantity": {"9"}}); r.Status != http.StatusConflict &&
		r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Not enough") {
		t.Fatalf("dispatch of more than the warehouse has: %d", r.Status)
	}
	if r = coord.Post(page+"/dispatch", url.Values{"version": {"1"}, "lines.1.quantity": {"3"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("dispatch: %d %s", r.Status, r.Body)
	}

	// The centre's own staff confirm, on the same page.
	webtest.Must(svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "centre@example.org", Name: "Centre staff",
		Role: access.SchoolStaff, OrgID: centre.ID, Locale: "en", Password: webtest.Password}))
	staff := f.Login(t, "centre@example.org")
	if r = staff.Get("/deliveries"); !strings.Contains(r.Body, "Centre Shapagat") || !strings.Contains(r.Body, "On its way") {
		t.Fatalf("the centre's board: %s", r.Body)
	}
	if r = staff.Get(page); !strings.Contains(r.Body, `action="`+page+`/confirm"`) || strings.Contains(r.Body, "/dispatch") {
		t.Fatalf("the centre's page offers no confirmation: %s", r.Body)
	}
	if r = staff.Post(page+"/confirm", url.Values{"version": {"2"}, "lines.1.quantity": {"4"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "More than was sent: 3 were dispatched.") {
		t.Fatalf("more than sent: %d", r.Status)
	}
	if r = staff.Post(page+"/confirm", url.Values{"version": {"2"}, "lines.1.quantity": {"2"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, `id="lines.1.reason-error"`) {
		t.Fatalf("a shortfall without its reason: %d", r.Status)
	}
	// Counts that are not counts are refused in the staff's language, and
	// nothing is confirmed.
	webtest.Must(svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "centre-ru@example.org", Name: "Centre RU",
		Role: access.SchoolStaff, OrgID: centre.ID, Locale: "ru", Password: webtest.Password}))
	ruStaff := f.Login(t, "centre-ru@example.org")
	for _, q := range []string{"abc", "-1", "99999999999999999999999", "1e9", "2.5"} {
		r = ruStaff.Post(page+"/confirm", url.Values{"version": {"2"}, "lines.1.quantity": {q}, "lines.1.reason": {"missing"}})
		if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="lines.1.quantity-error"`) ||
			!strings.Contains(r.Body, `lang="ru"`) {
			t.Fatalf("a count of %q: %d", q, r.Status)
		}
	}
	if n := count(t, f, "SELECT count(received) FROM delivery_lines"); n != 0 {
		t.Fatalf("a refused count wrote %d receipts", n)
	}
	r = staff.Post(page+"/confirm", url.Values{"version": {"2"}, "lines.1.quantity": {"2"}, "lines.1.reason": {"missing"},
		"lines.1.note": {"one box short"}, "note": {"signed by the director"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("confirm: %d %s", r.Status, r.Body)
	}
	if r = coord.Get(page); !strings.Contains(r.Body, "1 unit short") || !strings.Contains(r.Body, "one box short") ||
		!strings.Contains(r.Body, "Confirmed by the centre") {
		t.Fatalf("the confirmed delivery: %s", r.Body)
	}
	// Staff of the Foundation above the centre see the delivery but may not
	// confirm it, and are told why.
	other := f.User(t, "school@example.org", access.SchoolStaff, "ru")
	if r = other.Get(page); r.Status != http.StatusOK || strings.Contains(r.Body, `/confirm"`) {
		t.Fatalf("the Foundation's staff: %d", r.Status)
	}
	r = other.Post(page+"/confirm", url.Values{"version": {"3"}, "lines.1.quantity": {"3"}})
	if r.Status != http.StatusForbidden || !strings.Contains(r.Body, "Подтвердить получение может только персонал учреждения-получателя.") {
		t.Fatalf("the Foundation's staff confirmed: %d %s", r.Status, r.Body)
	}
}

func count(t *testing.T, f *webtest.Fixture, q string) int64 {
	t.Helper()
	var n int64
	webtest.Check(t, f.DB.R.QueryRow(q).Scan(&n))
	return n
}
