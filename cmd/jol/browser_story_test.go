package main

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// The whole way of a gift, through the pages: the warehouse keeper
// receives a donation of kit components and a tablet at a new warehouse
// in Pavlodar and assembles the kit; the coordinator plans the
// campaign's allocation, reads its objective, commits it and reads the
// family's request as allocated from that warehouse; the keeper hands
// the kit and the tablet over at a distribution day with the code the
// guardian's phone received through the outbox; the coordinator reads
// the request as delivered, and the tablet's page tells its story from
// the donor to its set-up tasks.
func TestBrowserFromDonationToDevice(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	w := storyWorld(t, s)
	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js, text := b.run, b.js, b.content
	// pick chooses the option of select sel whose label holds label.
	pick := func(sel, label string) {
		t.Helper()
		got := js(`(() => { const s = document.querySelector(` + strconv.Quote(sel) + `);
			const o = [...s.options].find(o => o.textContent.includes(` + strconv.Quote(label) + `));
			if (!o) return ""; s.value = o.value; return o.value })()`)
		if got == "" {
			t.Fatalf("%s offers no %q", sel, label)
		}
	}
	login := func(local string) {
		t.Helper()
		run("log in as "+local,
			chromedp.Navigate(s.url+"/login"),
			chromedp.WaitVisible(chromedp.CSS("#email")),
			chromedp.SendKeys(chromedp.CSS("#email"), demo.Email(local)),
			chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
			chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
			chromedp.WaitReady(chromedp.CSS("form.logout")))
	}
	logout := func() {
		t.Helper()
		js(`document.querySelector("form.logout").submit(), ""`)
		run("log out", chromedp.WaitVisible(chromedp.CSS("#email")))
	}
	movement := func(kind string) {
		t.Helper()
		run("open the form of "+kind, chromedp.Navigate(s.url+"/warehouses/"+strconv.FormatInt(w.warehouse.ID, 10)+"/movements/new?kind="+kind),
			chromedp.WaitVisible(chromedp.CSS(`form button.primary`)))
	}
	record := func(what string) {
		t.Helper()
		run(what, chromedp.Click(chromedp.CSS(`form button.primary`)), chromedp.WaitVisible(chromedp.CSS("p.flash")))
		if got := text("p.flash"); got != "Recorded." {
			t.Fatalf("%s: the page says %q: %s", what, got, text("main"))
		}
	}

	login("warehouse")
	movement("donation")
	pick("#donor_id", "Dala Trade")
	for i, l := range []struct{ item, n string }{{"Backpack", "1"}, {"Stationery set", "1"}, {"School diary", "1"}, {"Notebook", "10"}} {
		pick(`select[name="lines.`+strconv.Itoa(i)+`.item"]`, l.item)
		run("the quantity of "+l.item, chromedp.SendKeys(chromedp.CSS(`input[name="lines.`+strconv.Itoa(i)+`.quantity"]`), l.n))
	}
	record("receive the components")
	if body := text("main"); !strings.Contains(body, "Dala Trade LLP") || !strings.Contains(body, "Donation received") {
		t.Fatalf("the donation's document: %s", body)
	}
	movement("donation")
	pick("#donor_id", "Dala Trade")
	pick(`select[name="lines.0.item"]`, "Tablet")
	run("the tablet's serial number", chromedp.SendKeys(chromedp.CSS(`textarea[name="lines.0.serials"]`), "PV-TAB-0001"))
	record("receive the tablet")
	movement("assembly")
	pick("#kit_id", "Primary school kit")
	run("one kit", chromedp.SendKeys(chromedp.CSS("#quantity"), "1"))
	record("assemble the kit")
	if n := w.available(t, s, "primary_kit"); n != 1 {
		t.Fatalf("after the assembly %d kits are there, want 1", n)
	}
	if n := w.available(t, s, "backpack"); n != 0 {
		t.Fatalf("after the assembly %d backpacks are left, want 0", n)
	}
	logout()

	login("coordinator")
	allocation := s.url + "/campaigns/" + strconv.FormatInt(w.campaign.ID, 10) + "/allocation"
	run("plan the allocation", chromedp.Navigate(allocation), chromedp.WaitVisible(chromedp.CSS("#dry-run")),
		chromedp.Click(chromedp.CSS("#dry-run")), chromedp.WaitVisible(chromedp.CSS("#plan")))
	if got := text("#served"); got != "2 of 2 lines" {
		t.Fatalf("the plan serves %q", got)
	}
	if got := text("#objective"); got != "0" { // the request has no eligibility score: priority 0
		t.Fatalf("the plan's objective is %q", got)
	}
	if got := text("#by-warehouse tbody"); !strings.Contains(got, w.warehouse.Name) {
		t.Fatalf("the plan's warehouses: %q", got)
	}
	if r := w.request(t, s); r.Status != requests.Approved {
		t.Fatalf("a dry run moved the request to %s", r.Status)
	}
	run("commit the plan", chromedp.Click(chromedp.CSS("#confirm")), chromedp.Click(chromedp.CSS("#commit")),
		chromedp.WaitVisible(chromedp.CSS("p.flash")))
	if r := w.request(t, s); r.Status != requests.Allocated {
		t.Fatalf("after the commit the request is %s", r.Status)
	}
	if n := w.available(t, s, "primary_kit"); n != 0 {
		t.Fatalf("after the commit %d kits are free, want 0 (held)", n)
	}
	run("open the family's request", chromedp.Navigate(s.url+"/requests/"+strconv.FormatInt(w.r.ID, 10)),
		chromedp.WaitVisible(chromedp.CSS("#allocation-lines")))
	if got := text("#status"); got != "Allocated" {
		t.Fatalf("the request's status reads %q", got)
	}
	lines := text("#allocation-lines")
	for _, item := range []string{"Primary school kit, grades 1–4", "Tablet"} {
		if !strings.Contains(lines, item+": allocated from "+w.warehouse.Name) {
			t.Fatalf("the allocation explained: %q (want %s allocated from %s)", lines, item, w.warehouse.Name)
		}
	}
	shootFull(t, step, "story-allocated")
	logout()

	login("warehouse")
	run("open the distribution day", chromedp.Navigate(s.url+"/distribution/"+strconv.FormatInt(w.event, 10)),
		chromedp.WaitVisible(chromedp.CSS(`button[name="to"][value="open"]`)),
		chromedp.Click(chromedp.CSS(`button[name="to"][value="open"]`)),
		// The day's page shows the handover link before the move too:
		// wait for the page after it, or the click lands on a page
		// being replaced.
		chromedp.WaitNotPresent(chromedp.CSS(`button[name="to"][value="open"]`)),
		chromedp.WaitVisible(chromedp.CSS("#open-handover")))
	run("find the family", chromedp.Click(chromedp.CSS("#open-handover")), chromedp.WaitVisible(chromedp.CSS("#ref")),
		chromedp.SendKeys(chromedp.CSS("#ref"), w.r.Reference),
		chromedp.Click(chromedp.CSS("form.tablet-search button")),
		chromedp.WaitVisible(chromedp.CSS("#line-2")))
	if got := text("#progress"); got != "0 of 2 items handed over" {
		t.Fatalf("progress %q", got)
	}
	run("send a code", chromedp.Click(chromedp.CSS("#proof-code")), chromedp.WaitVisible(chromedp.CSS("#send-code")),
		chromedp.Click(chromedp.CSS("#send-code")), chromedp.WaitVisible(chromedp.CSS("#code-state")))
	// The code waits in the outbox; the request's page lists it masked.
	queued := w.page(t, s, "/requests/"+strconv.FormatInt(w.r.ID, 10))
	if !strings.Contains(queued, "Text message") || !strings.Contains(queued, "is ••••••") || !strings.Contains(queued, "waiting to be sent") {
		t.Fatalf("the request's page lists no masked code waiting: %s", queued)
	}
	// The gateway of text messages (here a recorder standing for the
	// guardian's phone) delivers it.
	phone := requests.NewRecorder(requests.SMS)
	if n, err := s.app.Requests.Dispatch(context.Background(), phone, 10); err != nil || n != 1 {
		t.Fatalf("the outbox sent %d codes: %v", n, err)
	}
	m, ok := phone.Last(w.r.ID)
	if !ok || m.Address != storyPhone || m.Key != distribution.CodeMessage || len(m.Args["Code"]) != distribution.CodeDigits {
		t.Fatalf("the phone received %+v", m)
	}
	if strings.Contains(queued, m.Args["Code"]) {
		t.Fatal("the request's page shows the code")
	}
	if js(`String(document.querySelector("#demo-phone") === null)`) != "true" {
		t.Error("the handover screen shows the code outside the demo")
	}
	js(`document.querySelector("p.flash").remove(), ""`)
	run("type the serial and the code, and hand over",
		chromedp.SendKeys(chromedp.CSS(`input[name="serial.2"]`), "PV-TAB-0001"),
		chromedp.SendKeys(chromedp.CSS("#code"), m.Args["Code"]),
		chromedp.Click(chromedp.CSS("#hand-over")),
		chromedp.WaitVisible(chromedp.CSS("p.flash")))
	if got := text("#progress"); got != "2 of 2 items handed over" {
		t.Fatalf("after the handover: %q; %s", got, text("main"))
	}
	logout()

	if r := w.request(t, s); r.Status != requests.Delivered {
		t.Fatalf("after the handover the request is %s", r.Status)
	}
	// The server makes the set-up tasks every minute; the test does not wait.
	if made, _, err := s.app.Aftercare.Sync(context.Background()); err != nil || made != 3 {
		t.Fatalf("set-up tasks made: %d, %v", made, err)
	}
	login("coordinator")
	run("the request once more", chromedp.Navigate(s.url+"/requests/"+strconv.FormatInt(w.r.ID, 10)),
		chromedp.WaitVisible(chromedp.CSS("#handovers")))
	if got := text("#status"); got != "Delivered" {
		t.Fatalf("the request's status reads %q", got)
	}
	if got := text("#handovers"); !strings.Contains(got, "Code sent to the phone") || !strings.Contains(got, "PV-TAB-0001") {
		t.Fatalf("the request's handovers: %q", got)
	}
	run("the tablet's page", chromedp.Navigate(s.url+"/devices/PV-TAB-0001"), chromedp.WaitVisible(chromedp.CSS("#setup-title")))
	story := text("main")
	for _, want := range []string{
		"Dala Trade LLP",              // the donor
		w.warehouse.Name,              // the warehouse
		"Held at " + w.warehouse.Name, // the allocation's hold
		"then handed over",            // closed by the handover
		w.r.Reference,                 // the request it went to
		"Code sent to the phone",      // the handover's proof
		"Install the software",        // and the set-up tasks
		"Connect to Wi-Fi", "Train the pupil",
	} {
		if !strings.Contains(story, want) {
			t.Errorf("the tablet's page lacks %q: %s", want, story)
		}
	}
	shootFull(t, step, "story-device")
}

// storyPhone is the guardian's phone in TestBrowserFromDonationToDevice.
const storyPhone = "+7 702 555 01 17"

// story is what TestBrowserFromDonationToDevice sets up through the
// services: a campaign of the foundation in Pavlodar region offering the
// primary kit and a tablet, an empty warehouse of the foundation there, a
// child's request for both, approved, and a distribution day of the
// campaign at the warehouse.
type story struct {
	campaign  requeststest.Campaign
	warehouse stock.Warehouse
	r         requests.Request
	event     int64
	items     map[string]int64
}

func storyWorld(t *testing.T, s *testServer) *story {
	t.Helper()
	ctx, p := context.Background(), access.System
	u, err := s.app.Accounts.LookupEmail(ctx, demo.Email("coordinator"))
	if err != nil {
		t.Fatal(err)
	}
	w := &story{items: map[string]int64{}}
	w.campaign = requeststest.Open(t, s.app.db, time.Now(), "story", u.OrgID, u.Principal().OrgPath, "KZ-55")
	list, err := s.app.Campaigns.Items(ctx, p, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range list {
		w.items[it.Code] = it.ID
	}
	for _, code := range []string{"primary_kit", "tablet"} {
		if _, err := s.app.db.W.ExecContext(ctx, store.Rebind(s.app.db.Engine,
			`INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 10)`), w.campaign.ID, w.items[code]); err != nil {
			t.Fatal(err)
		}
	}
	if w.warehouse, err = s.app.Stock.CreateWarehouse(ctx, p, stock.WarehouseInput{Code: "PVL-1", Name: "Павлодар қоймасы",
		Kind: stock.Store, OrgID: u.OrgID, RegionCode: "KZ-55", Active: true}); err != nil {
		t.Fatal(err)
	}
	child, err := s.app.People.Create(ctx, p, people.Input{LastName: "Сейітов", FirstName: "Алмас",
		RegionCode: "KZ-55", OrgID: u.OrgID, BirthDate: time.Date(2018, 5, 9, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	w.r, err = s.app.Requests.Submit(ctx, p, requests.Input{CampaignID: w.campaign.ID, PersonID: child.ID,
		ApplicantKind: requests.ByParent, ApplicantName: "Сейітова Динара", ApplicantPhone: storyPhone,
		Channel: requests.Centre, Locale: "kk", Lines: []requests.LineInput{{ItemID: w.items["primary_kit"]}, {ItemID: w.items["tablet"]}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		if w.r, err = s.app.Requests.Transition(ctx, p, w.r.ID, requests.Move{To: to, Version: w.r.Version}); err != nil {
			t.Fatal(err)
		}
	}
	e, err := s.app.Distribution.CreateEvent(ctx, p, distribution.EventInput{CampaignID: w.campaign.ID,
		WarehouseID: w.warehouse.ID, Place: "Павлодар, Естай көшесі 54", StartsAt: time.Now(), WholePoint: true})
	if err != nil {
		t.Fatal(err)
	}
	w.event = e.ID
	return w
}

// request reads the story's request as it stands.
func (w *story) request(t *testing.T, s *testServer) requests.Request {
	t.Helper()
	r, err := s.app.Requests.Get(context.Background(), access.System, w.r.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// available is how many units of the item with code are at the story's
// warehouse, neither reserved nor gone.
func (w *story) available(t *testing.T, s *testServer, code string) int64 {
	t.Helper()
	bs, err := s.app.Stock.Balances(context.Background(), access.System, w.warehouse.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		if b.ItemID == w.items[code] {
			return b.Available
		}
	}
	return 0
}

// page is the text of the page at path as the demo coordinator reads it.
func (w *story) page(t *testing.T, s *testServer, path string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Language", "en")
	res, err := s.login(t, "coordinator").Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", path, res.StatusCode, err)
	}
	return string(b)
}
