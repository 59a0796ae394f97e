package aftercare_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A device received and handed over by the installation itself, after an
// allocation run held it, reads on a Persian page as its keeper would
// check it against the sticker: the serial number and the request's
// reference keep their Latin digits while the dates read in Persian ones,
// the work nobody signed is named "automatic" in Persian rather than by
// an internal name, and the allocation links the run that held it.
func TestDeviceStoryOnAPersianPage(t *testing.T) {
	f := webtest.New(t)
	ctx := context.Background()
	svc := f.Svc
	var pc int64
	webtest.Check(t, f.DB.R.QueryRow(store.Rebind(f.DB.Engine, "SELECT id FROM aid_items WHERE code = 'computer'")).Scan(&pc))
	point := webtest.Must(svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "P", Name: "Almaty point",
		Kind: stock.DistributionPoint, OrgID: f.Org.ID, RegionCode: "KZ-75", Active: true}))
	webtest.Must(svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: point.ID, Kind: stock.Purchase,
		Currency: "KZT", Lines: []stock.Line{{ItemID: pc, Serials: []string{"DT-1042", "DT-1043"}, UnitCost: 18500000}}}))
	var cid int64
	webtest.Check(t, f.DB.W.QueryRow(store.Rebind(f.DB.Engine, `INSERT INTO campaigns (slug, programme, organiser_id, org_path,
		starts_on, ends_on, status, created_at, updated_at) VALUES ('pc', 'devices', $1, $2, $3, $4, 'open', $5, $5) RETURNING id`),
		f.Org.ID, f.Org.Path, webtest.Day(2026, 1, 1), webtest.Day(2026, 12, 31), webtest.Clock()).Scan(&cid))
	webtest.Check(t, f.DB.W.QueryRow(store.Rebind(f.DB.Engine,
		"INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 5) RETURNING item_id"), cid, pc).Scan(new(int64)))
	kid := webtest.Must(svc.People.Create(ctx, access.System, people.Input{LastName: "Serikova", FirstName: "Aru",
		BirthDate: webtest.Day(2012, 1, 1), RegionCode: "KZ-75", OrgID: f.Org.ID}))
	req := webtest.Must(svc.Requests.Submit(ctx, access.System, requests.Input{CampaignID: cid, PersonID: kid.ID,
		ApplicantKind: requests.ByParent, ApplicantName: "P", Channel: requests.Centre, Locale: "en",
		Lines: []requests.LineInput{{ItemID: pc, Quantity: 1}}, Via: "web"}))
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		req = webtest.Must(svc.Requests.Transition(ctx, access.System, req.ID, requests.Move{To: to, Version: req.Version, Via: "web"}))
	}
	st := webtest.Must(svc.Allocation.Settings(ctx, access.System, cid))
	_, run, err := svc.Allocation.Commit(ctx, access.System, cid, allocation.CommitOptions{Version: st.Version, Via: "web"})
	webtest.Check(t, err)
	webtest.Must(svc.Stock.Issue(ctx, access.System, stock.IssueInput{WarehouseID: point.ID, RequestID: req.ID, Line: 1,
		Serials: []string{"DT-1042"}}))

	c := f.User(t, "hamahang@example.org", access.Coordinator, "fa")
	r := c.Get("/devices?serial=DT-1042")
	if r.Status != http.StatusSeeOther {
		t.Fatalf("find by serial: %d", r.Status)
	}
	r = c.Get(r.Location)
	if r.Status != http.StatusOK {
		t.Fatalf("the device page: %d", r.Status)
	}
	for _, want := range []string{`<code class="serial" dir="ltr">DT-1042</code>`, `<code class="ref" dir="ltr">` + req.Reference + `</code>`,
		"۱۴۰۵", "خودکار", `href="/campaigns/` + webtest.Itoa(cid) + `/allocation/runs/` + webtest.Itoa(run.ID) + `"`} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("the Persian device page lacks %q", want)
		}
	}
	_, main, _ := strings.Cut(r.Body, "<main")
	for _, unwanted := range []string{"DT-۱۰۴۲", "<bdi>system</bdi>"} {
		if strings.Contains(main, unwanted) {
			t.Errorf("the Persian device page shows %q", unwanted)
		}
	}
	// The warehouse names its region and prices the lot of the device
	// still in stock as the reader writes numbers.
	r = c.Get("/warehouses/" + webtest.Itoa(point.ID))
	for _, want := range []string{"۱۸۵٬۰۰۰", "<bdi>" + regionName(t, f, "KZ-75") + "</bdi>"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("the Persian warehouse page lacks %q", want)
		}
	}
}

// regionName is the Persian name of region code.
func regionName(t *testing.T, f *webtest.Fixture, code string) string {
	t.Helper()
	return webtest.Must(f.Svc.Geo.Lookup(context.Background(), code)).Name("fa")
}
