package aftercare_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// A computer handed over gets its set-up tasks; the coordinator registers
// a volunteer and gives them one from the suggestions; the volunteer
// reports it done on their own page; the device's page tells the story,
// naming the child to the coordinator only.
func TestVolunteersTasksAndTheDevicePage(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	svc := f.Svc
	var pc int64
	webtest.Check(t, f.DB.R.QueryRow(store.Rebind(f.DB.Engine, "SELECT id FROM aid_items WHERE code = 'computer'")).Scan(&pc))
	point := webtest.Must(svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "P", Name: "Almaty point",
		Kind: stock.DistributionPoint, OrgID: f.Org.ID, RegionCode: "KZ-75", Active: true}))
	donor := webtest.Must(svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Dala Trade", Kind: stock.DonorCompany,
		OrgID: f.Org.ID}))
	webtest.Must(svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: point.ID, Kind: stock.Donation,
		DonorID: donor.ID, Lines: []stock.Line{{ItemID: pc, Serials: []string{"DT-1", "DT-2"}}}}))
	var cid int64
	webtest.Check(t, f.DB.W.QueryRow(store.Rebind(f.DB.Engine, `INSERT INTO campaigns (slug, programme, organiser_id, org_path,
		starts_on, ends_on, status, created_at, updated_at) VALUES ('pc', 'devices', $1, $2, $3, $4, 'open', $5, $5) RETURNING id`),
		f.Org.ID, f.Org.Path, webtest.Day(2026, 1, 1), webtest.Day(2026, 12, 31), webtest.Clock()).Scan(&cid))
	webtest.Check(t, f.DB.W.QueryRow(store.Rebind(f.DB.Engine,
		"INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 5) RETURNING item_id"), cid, pc).Scan(new(int64)))
	kid := webtest.Must(svc.People.Create(ctx, access.System, people.Input{LastName: "Serikova", FirstName: "Aru",
		BirthDate: webtest.Day(2012, 1, 1), RegionCode: "KZ-75", OrgID: f.Org.ID}))
	sys := access.Principal{Name: "system", Role: access.Admin}
	req := webtest.Must(svc.Requests.Submit(ctx, sys, requests.Input{CampaignID: cid, PersonID: kid.ID,
		ApplicantKind: requests.ByParent, ApplicantName: "P", Channel: requests.Centre, Locale: "en",
		Lines: []requests.LineInput{{ItemID: pc, Quantity: 1}}, Via: "web"}))
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		req = webtest.Must(svc.Requests.Transition(ctx, sys, req.ID, requests.Move{To: to, Version: req.Version, Via: "web"}))
	}
	webtest.Must(svc.Stock.Issue(ctx, sys, stock.IssueInput{WarehouseID: point.ID, RequestID: req.ID, Line: 1,
		Serials: []string{"DT-1"}}))
	if _, _, err := svc.Aftercare.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	timur := webtest.Must(svc.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "timur@example.org", Name: "Timur",
		Role: access.Volunteer, OrgID: f.Org.ID, Locale: "en", Password: webtest.Password}))

	coord := f.Login(t, "coord@example.org")
	r := coord.Post("/volunteers", url.Values{"name": {"Timur Akhmetov"}, "region": {"KZ-75"}, "org_id": {webtest.Itoa(f.Org.ID)},
		"skills": {"software", "training"}, "active": {"on"}})
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="phone-error"`) {
		t.Fatalf("a volunteer without a contact: %d", r.Status)
	}
	r = coord.Post("/volunteers", url.Values{"name": {"Timur Akhmetov"}, "phone": {"+7 701 555 12 34"}, "region": {"KZ-75"},
		"org_id": {webtest.Itoa(f.Org.ID)}, "user_id": {webtest.Itoa(timur.ID)}, "skills": {"software", "training"}, "active": {"on"}})
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/volunteers/") {
		t.Fatalf("register: %d %s", r.Status, r.Body)
	}
	if r = coord.Get("/volunteers?skill=software"); !strings.Contains(r.Body, "Timur Akhmetov") ||
		!strings.Contains(r.Body, "Software installation, Training pupils") {
		t.Fatalf("registry: %s", r.Body)
	}
	r = coord.Get("/tasks?kind=install")
	ids := regexp.MustCompile(`href="/tasks/(\d+)"`).FindStringSubmatch(r.Body)
	if r.Status != http.StatusOK || ids == nil || !strings.Contains(r.Body, "DT-1") {
		t.Fatalf("queue: %d %s", r.Status, r.Body)
	}
	task := "/tasks/" + ids[1]
	if r = coord.Get(task); !strings.Contains(r.Body, "Timur Akhmetov") || !strings.Contains(r.Body, `name="volunteer_id"`) {
		t.Fatalf("the task offers no suggestion: %s", r.Body)
	}
	volID := regexp.MustCompile(`name="volunteer_id" value="(\d+)"`).FindStringSubmatch(r.Body)[1]
	if r = coord.Post(task+"/assign", url.Values{"version": {"1"}, "volunteer_id": {volID}}); r.Status != http.StatusSeeOther {
		t.Fatalf("assign: %d %s", r.Status, r.Body)
	}

	vol := f.Login(t, "timur@example.org")
	if r = vol.Get("/"); !strings.Contains(r.Body, `href="/my/tasks"`) {
		t.Fatal("the volunteer's home does not offer their tasks")
	}
	if r = vol.Get("/my/tasks"); !strings.Contains(r.Body, "Install the software") || !strings.Contains(r.Body, "DT-1") {
		t.Fatalf("my tasks: %s", r.Body)
	}
	if r = vol.Post("/my/"+strings.TrimPrefix(task, "/"), url.Values{"version": {"2"}, "hours": {"an hour"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Enter hours as a number") {
		t.Fatalf("hours in words: %d", r.Status)
	}
	if r = vol.Post("/my/"+strings.TrimPrefix(task, "/"), url.Values{"version": {"2"}, "hours": {"1,5"}, "done": {"on"},
		"note": {"Office installed"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("report: %d %s", r.Status, r.Body)
	}
	if r = vol.Get(task); r.Status != http.StatusForbidden {
		t.Fatalf("a volunteer opened the coordinators' task page: %d", r.Status)
	}

	if r = coord.Get("/devices?serial=dt-1"); r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/devices/") {
		t.Fatalf("find by serial: %d", r.Status)
	}
	device := r.Location
	r = coord.Get(device)
	for _, want := range []string{"Dala Trade", "Almaty point", "Serikova Aru", "1 h 30 min", "Timur Akhmetov", req.Reference} {
		if !strings.Contains(r.Body, want) {
			t.Fatalf("the device page lacks %q: %s", want, r.Body)
		}
	}
	keeper := f.User(t, "keeper@example.org", access.Warehouse, "en")
	if r = keeper.Get(device); r.Status != http.StatusOK || strings.Contains(r.Body, "Serikova") || !strings.Contains(r.Body, req.Reference) {
		t.Fatalf("the keeper's device page: %d", r.Status)
	}
	// A task for a device still in stock is refused beside its field.
	var inStock int64
	webtest.Check(t, f.DB.R.QueryRow("SELECT id FROM stock_units WHERE serial = 'DT-2'").Scan(&inStock))
	if r = coord.Post("/devices/"+webtest.Itoa(inStock)+"/tasks", url.Values{"kind": {"train"}}); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "This device has not been handed over to a child") {
		t.Fatalf("a task for a device in stock: %d", r.Status)
	}
}
