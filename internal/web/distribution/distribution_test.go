package distribution_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// world is the fixture with a distribution point of its organisation
// holding kits for an open campaign, and a recording phone.
type world struct {
	*webtest.Fixture
	point    stock.Warehouse
	campaign requeststest.Campaign
	phone    *requests.Recorder
}

func setup(t *testing.T) *world {
	f := &world{Fixture: webtest.New(t), phone: requests.NewRecorder(requests.SMS)}
	ctx := context.Background()
	f.Svc.Distribution.SetSender(f.phone)
	f.campaign = requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path)
	f.point = webtest.Must(f.Svc.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-P",
		Name: "Almaty point", Kind: stock.DistributionPoint, OrgID: f.Org.ID, Active: true}))
	donor := webtest.Must(f.Svc.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Steel Co",
		Kind: stock.DonorCompany, OrgID: f.Org.ID}))
	webtest.Must(f.Svc.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Donation,
		DonorID: donor.ID, Lines: []stock.Line{{ItemID: f.campaign.Kit, Quantity: 20}}}))
	return f
}

// request files an allocated request of a new child for a kit, held at
// the point, and returns it.
func (f *world) request(t *testing.T, last, first string) requests.Request {
	return f.requestFor(t, f.Child(t, last, first, webtest.Day(2017, 4, 1), ""))
}

// requestFor files an allocated request of child for a kit, held at the
// point, and returns it.
func (f *world) requestFor(t *testing.T, child people.Person) requests.Request {
	ctx := context.Background()
	r := webtest.Must(f.Svc.Requests.Submit(ctx, access.System, requests.Input{CampaignID: f.campaign.ID,
		PersonID: child.ID, ApplicantKind: requests.ByParent, ApplicantName: "Parent", ApplicantPhone: "+7 701 555 12 34",
		Channel: requests.Centre, Locale: "en", Lines: []requests.LineInput{{ItemID: f.campaign.Kit}}, Via: "web"}))
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		r = webtest.Must(f.Svc.Requests.Transition(ctx, access.System, r.ID, requests.Move{To: to, Version: r.Version}))
	}
	webtest.Check(t, f.DB.Tx(ctx, func(tx *sql.Tx) error {
		return f.Svc.Stock.Reserve(ctx, tx, []stock.Hold{{RequestID: r.ID, Line: 1, WarehouseID: f.point.ID,
			ItemID: f.campaign.Kit, Quantity: 1}})
	}))
	return webtest.Must(f.Svc.Requests.Transition(ctx, access.System, r.ID, requests.Move{To: requests.Allocated,
		Version: r.Version}))
}

// signature is a signature as the pad posts it: a PNG data URL.
func signature() string {
	img := image.NewNRGBA(image.Rect(0, 0, 600, 200))
	for x := 50; x < 550; x++ {
		for w := range 4 {
			img.Set(x, 100+(x%60)/3+w, color.NRGBA{R: 16, G: 36, B: 62, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes())
}

// A coordinator plans a day, opens it and hands a kit over with a
// signature and another with a code; the request page and the status
// page show it; the list prints with names for the coordinator only.
func TestDistributionDayOnTheWeb(t *testing.T) {
	f := setup(t)
	a, b := f.request(t, "Akhmetova", "Dana"), f.request(t, "Bekov", "Arman")
	c := f.Login(t, "coord@example.org")
	if r := c.Get("/distribution"); r.Status != http.StatusOK || !strings.Contains(r.Body, "No distribution days yet.") {
		t.Fatalf("empty list: %d", r.Status)
	}
	day := url.Values{"campaign_id": {webtest.Itoa(f.campaign.ID)}, "warehouse_id": {webtest.Itoa(f.point.ID)},
		"place": {""}, "starts_on": {"2026-09-05"}, "starts_time": {"09:00"}, "ends_time": {"08:00"}, "whole_point": {"on"}}
	r := c.Post("/distribution", day)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="place-error"`) {
		t.Fatalf("a day without a place: %d", r.Status)
	}
	day.Set("place", "School gym")
	day.Set("ends_time", "15:00")
	r = c.Post("/distribution", day)
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location, "/distribution/") {
		t.Fatalf("plan a day: %d %s", r.Status, r.Body)
	}
	event := r.Location
	r = c.Get(event)
	if !strings.Contains(r.Body, "Planned") || !strings.Contains(r.Body, "0 of 2 items handed over") {
		t.Fatalf("the day's page: %s", r.Body)
	}
	if r = c.Post(event+"/status", url.Values{"to": {"open"}, "version": {"1"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("open the day: %d", r.Status)
	}
	if r = c.Get(event + "/handover?ref=ZZZZ-1234"); r.Status != http.StatusNotFound {
		t.Fatalf("an unknown reference: %d", r.Status)
	}
	r = c.Get(event + "/handover?ref=" + url.QueryEscape(a.Reference))
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `id="line-1"`) || !strings.Contains(r.Body, "Akhmetova Dana") {
		t.Fatalf("the family's screen: %d", r.Status)
	}
	give := url.Values{"request_id": {webtest.Itoa(a.ID)}, "line": {"1"}, "proof": {"signature"}, "signature": {""}}
	if r = c.Post(event+"/handover", give); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "The guardian has not signed") {
		t.Fatalf("no signature: %d", r.Status)
	}
	give.Set("signature", signature())
	if r = c.Post(event+"/handover", give); r.Status != http.StatusSeeOther {
		t.Fatalf("hand over with a signature: %d %s", r.Status, r.Body)
	}
	if r = c.Get(r.Location); !strings.Contains(r.Body, "1 of 1 item handed over") {
		t.Fatal("the progress after the handover")
	}
	// b by a code: sent, typed wrong, then right.
	code := url.Values{"request_id": {webtest.Itoa(b.ID)}, "proof": {"code"}}
	if r = c.Post(event+"/code", code); r.Status != http.StatusSeeOther {
		t.Fatalf("send a code: %d", r.Status)
	}
	m, _ := f.phone.Last(b.ID)
	code.Set("line", "1")
	code.Set("code", "x"+m.Args["Code"])
	if r = c.Post(event+"/handover", code); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Wrong code; 4 attempts left.") {
		t.Fatalf("a wrong code: %d", r.Status)
	}
	code.Set("code", m.Args["Code"])
	if r = c.Post(event+"/handover", code); r.Status != http.StatusSeeOther {
		t.Fatalf("hand over with the code: %d %s", r.Status, r.Body)
	}
	r = c.Get("/requests/" + webtest.Itoa(a.ID))
	if !strings.Contains(r.Body, `id="handovers"`) || !strings.Contains(r.Body, "Signature on the screen") ||
		!strings.Contains(r.Body, "the guardian&#39;s signature") {
		t.Fatal("the request page does not show the handover")
	}
	// A handover proven by a code has no signature to look at.
	if r = c.Get("/requests/" + webtest.Itoa(b.ID)); !strings.Contains(r.Body, "Code sent to the phone") ||
		strings.Contains(r.Body, "the guardian&#39;s signature") {
		t.Fatal("the request handed over with a code offers a signature")
	}
	if r = c.Get(event + "/list"); !strings.Contains(r.Body, "Akhmetova Dana") || !strings.Contains(r.Body, "print-page") {
		t.Fatal("the printed list lacks a child's name")
	}
	// The public status page says when.
	anon := &webtest.Client{T: t, F: f.Fixture, HC: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
	r = anon.Post("/status", url.Values{"reference": {a.Reference}, "phone": {"+7 701 555 12 34"}})
	if !strings.Contains(r.Body, `id="status-handover">Handed over on`) {
		t.Fatalf("the status page does not say when: %s", r.Body)
	}
	// A warehouse keeper reads the list without names, in a workbook too.
	wh := f.User(t, "keeper@example.org", access.Warehouse, "en")
	if r = wh.Get(event + "/list"); r.Status != http.StatusOK || strings.Contains(r.Body, "Akhmetova") {
		t.Fatalf("the warehouse keeper's list: %d", r.Status)
	}
	d := wh.Download(event + "/list.xlsx")
	book := webtest.Must(excelize.OpenReader(bytes.NewReader(d.Body)))
	rows := webtest.Must(book.GetRows(book.GetSheetName(0)))
	if d.Status != http.StatusOK || len(rows) != 3 || rows[0][1] != "Reference number" || rows[0][2] != "Class" ||
		strings.Contains(strings.Join(rows[1], " "), "Akhmetova") {
		t.Fatalf("the workbook: %d %q", d.Status, rows)
	}
	if n := f.count(t, "SELECT count(*) FROM access_log WHERE subject_kind = 'distribution_list'"); n != 3 {
		t.Fatalf("%d list reads logged, want 3", n)
	}
}

func (f *world) count(t *testing.T, q string) int {
	var n int
	webtest.Check(t, f.DB.R.QueryRow(q).Scan(&n))
	return n
}

// A day whose list is made by hand: a reference added, the signed paper
// list photographed, the kit handed over by it and taken back.
func TestListByHandPhotoAndReturn(t *testing.T) {
	f := setup(t)
	a := f.request(t, "Akhmetova", "Dana")
	c := f.Login(t, "coord@example.org")
	r := c.Post("/distribution", url.Values{"campaign_id": {webtest.Itoa(f.campaign.ID)},
		"warehouse_id": {webtest.Itoa(f.point.ID)}, "place": {"Hall"}, "starts_on": {"2026-09-05"}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("plan a day: %d", r.Status)
	}
	event := r.Location
	c.Post(event+"/status", url.Values{"to": {"open"}, "version": {"1"}})
	if r = c.Get(event + "/handover?ref=" + url.QueryEscape(a.Reference)); r.Status != http.StatusNotFound ||
		!strings.Contains(r.Body, "This request has nothing on this day&#39;s list.") {
		t.Fatalf("a request not on the list: %d", r.Status)
	}
	if r = c.Post(event+"/lines", url.Values{"references": {"NOPE-1"}}); r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("an unknown reference: %d", r.Status)
	}
	if r = c.Post(event+"/lines", url.Values{"references": {a.Reference}}); r.Status != http.StatusSeeOther {
		t.Fatalf("add by reference: %d", r.Status)
	}
	// Taken off the list by mistake, and back.
	if r = c.Get(event + "/handover?ref=" + url.QueryEscape(a.Reference)); !strings.Contains(r.Body, "unassign-form") {
		t.Fatal("a line assigned by hand cannot be taken off")
	}
	if r = c.Post(event+"/lines/remove", url.Values{"request_id": {webtest.Itoa(a.ID)}, "line": {"1"}}); r.Status != http.StatusSeeOther {
		t.Fatalf("take off the list: %d", r.Status)
	}
	if r = c.Get(event + "/handover?request=" + webtest.Itoa(a.ID)); r.Status != http.StatusNotFound {
		t.Fatalf("after taking it off: %d", r.Status)
	}
	c.Post(event+"/lines", url.Values{"references": {a.Reference}})
	give := url.Values{"request_id": {webtest.Itoa(a.ID)}, "line": {"1"}, "proof": {"list_photo"}}
	if r = c.Post(event+"/handover", give); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "Attach the photo of the signed list") {
		t.Fatalf("no photo yet: %d", r.Status)
	}
	png := strings.TrimPrefix(signature(), "data:image/png;base64,")
	if r = c.Upload(event+"/photos", "list.png", webtest.Must(base64.StdEncoding.DecodeString(png))); r.Status != http.StatusSeeOther {
		t.Fatalf("attach the photo: %d %s", r.Status, r.Body)
	}
	if r = c.Post(event+"/handover", give); r.Status != http.StatusSeeOther {
		t.Fatalf("hand over by the list's photo: %d %s", r.Status, r.Body)
	}
	var handover int64
	webtest.Check(t, f.DB.R.QueryRow("SELECT id FROM handovers").Scan(&handover))
	r = c.Post("/handovers/"+webtest.Itoa(handover)+"/return", url.Values{"line": {"1"}, "note": {"Wrong size"},
		"event_id": {strings.TrimPrefix(event, "/distribution/")}, "request_id": {webtest.Itoa(a.ID)}})
	if r.Status != http.StatusSeeOther {
		t.Fatalf("take back: %d %s", r.Status, r.Body)
	}
	if r = c.Get(r.Location); !strings.Contains(r.Body, "0 of 1 item handed over") || !strings.Contains(r.Body, `id="line-1"`) {
		t.Fatal("after the return the kit is not offered again")
	}
	if n := f.count(t, "SELECT count(*) FROM requests WHERE status = 'allocated'"); n != 1 {
		t.Fatalf("%d requests allocated after the return", n)
	}
}
