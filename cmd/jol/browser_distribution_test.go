package main

import (
	"bytes"
	"context"
	"database/sql"
	"image"
	"image/color"
	"image/png"
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
)

// The demo's warehouse keeper, on a tablet, finds a family by its
// reference at an open distribution day, sends a one-time code to the
// guardian's phone, types the code the phone received and hands the kit
// over; the coordinator then reads the request as delivered, with its
// handover, and the family's status page says when.
func TestBrowserHandoverWithACodeOnATablet(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	phone := requests.NewRecorder(requests.SMS)
	s.app.Distribution.SetSender(phone)
	event, r := handoverDay(t, s)
	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
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
	run("a tablet held upright", chromedp.EmulateViewport(820, 1180))
	login("warehouse")
	screen := s.url + "/distribution/" + strconv.FormatInt(event, 10) + "/handover"
	run("find the family by its reference",
		chromedp.Navigate(screen),
		chromedp.WaitVisible(chromedp.CSS("#ref")),
		chromedp.SendKeys(chromedp.CSS("#ref"), r.Reference),
		chromedp.Click(chromedp.CSS("form.tablet-search button")),
		chromedp.WaitVisible(chromedp.CSS("#line-1")))
	if js(`String(document.documentElement.scrollWidth <= window.innerWidth)`) != "true" {
		t.Error("the handover screen is wider than the tablet")
	}
	if js(`document.querySelector("#progress").textContent`) != "0 of 1 item handed over" {
		t.Fatalf("progress %q", js(`document.querySelector("#progress").textContent`))
	}
	shootFull(t, step, "handover-found")
	run("choose the code and send it",
		chromedp.Click(chromedp.CSS("#proof-code")),
		chromedp.WaitVisible(chromedp.CSS("#send-code")),
		chromedp.Click(chromedp.CSS("#send-code")),
		chromedp.WaitVisible(chromedp.CSS("#code-state")))
	m, ok := phone.Last(r.ID)
	if !ok || m.Address != "+7 701 410 22 31" || len(m.Args["Code"]) != distribution.CodeDigits {
		t.Fatalf("the phone received %+v", m)
	}
	if js(`String(document.querySelector('.proof-pane[data-proof="signature"]').hidden)`) != "true" {
		t.Error("the signature pad shows beside the code")
	}
	js(`document.querySelector("p.flash").remove(), ""`) // the next page's flash says the handover is done
	run("type the code and hand over",
		chromedp.SendKeys(chromedp.CSS("#code"), m.Args["Code"]),
		chromedp.Click(chromedp.CSS("#hand-over")),
		chromedp.WaitVisible(chromedp.CSS("p.flash")))
	if got := js(`document.querySelector("#progress").textContent`); got != "1 of 1 item handed over" {
		t.Fatalf("after the handover: %q", got)
	}
	shootFull(t, step, "handover-done")
	// On a phone too, no page of the day is wider than the screen.
	run("a phone", chromedp.EmulateViewport(390, 844))
	for _, page := range []string{"/handover?request=" + strconv.FormatInt(r.ID, 10), "", "/list"} {
		run("open "+page, chromedp.Navigate(s.url+"/distribution/"+strconv.FormatInt(event, 10)+page),
			chromedp.WaitVisible(chromedp.CSS("main h1")))
		if js(`String(document.documentElement.scrollWidth <= window.innerWidth)`) != "true" {
			t.Errorf("%q is wider than the phone's screen", page)
		}
		shootFull(t, step, "distribution-phone"+strings.ReplaceAll(strings.Split(page, "?")[0], "/", "-"))
	}
	run("log out", chromedp.Click(chromedp.CSS("details.menu > summary")), chromedp.Click(chromedp.CSS(".usermenu > summary")), chromedp.Click(chromedp.CSS("form.logout button")),
		chromedp.WaitVisible(chromedp.CSS("#email")))
	login("coordinator")
	run("open the request",
		chromedp.Navigate(s.url+"/requests/"+strconv.FormatInt(r.ID, 10)),
		chromedp.WaitVisible(chromedp.CSS("#handovers")))
	if body := js(`document.querySelector("main").textContent`); !strings.Contains(body, "Delivered") ||
		!strings.Contains(js(`document.querySelector("#handovers").textContent`), "Code sent to the phone") {
		t.Fatalf("the request page: %s", body)
	}
	shootFull(t, step, "handover-request")
	run("the family's status page",
		chromedp.Navigate(s.url+"/status"),
		chromedp.WaitVisible(chromedp.CSS("#reference")),
		chromedp.SendKeys(chromedp.CSS("#reference"), r.Reference),
		chromedp.SendKeys(chromedp.CSS("#phone"), "+7 701 410 22 31"),
		chromedp.Click(chromedp.CSS("main form.stack button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#status-handover")))
	if got := js(`document.querySelector("#status-handover").textContent`); !strings.HasPrefix(got, "Handed over on ") {
		t.Fatalf("the status page says %q", got)
	}
}

// handoverDay opens a distribution day at the demo's central warehouse in
// Karaganda for a campaign of the foundation, with a kit held there for
// a child whose request is allocated.
func handoverDay(t *testing.T, s *testServer) (int64, requests.Request) {
	t.Helper()
	ctx, p := context.Background(), access.System
	u, err := s.app.Accounts.LookupEmail(ctx, demo.Email("coordinator"))
	if err != nil {
		t.Fatal(err)
	}
	fund := u.Principal()
	c := requeststest.Open(t, s.app.db, time.Now(), "handover", u.OrgID, fund.OrgPath)
	var central stock.Warehouse
	ws, err := s.app.Stock.Warehouses(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		if w.Code == "KRG-C" {
			central = w
		}
	}
	if _, err := s.app.Stock.Receive(ctx, p, stock.ReceiptInput{WarehouseID: central.ID, Kind: stock.Purchase,
		Currency: "KZT", Lines: []stock.Line{{ItemID: c.Kit, Quantity: 2, UnitCost: 100}}}); err != nil {
		t.Fatal(err)
	}
	child, err := s.app.People.Create(ctx, p, people.Input{LastName: "Жақсылықов", FirstName: "Нұрсұлтан",
		RegionCode: "KZ-35", OrgID: u.OrgID, BirthDate: time.Date(2017, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.app.Requests.Submit(ctx, p, requests.Input{CampaignID: c.ID, PersonID: child.ID,
		ApplicantKind: requests.ByParent, ApplicantName: "Жақсылықова Гүлнар", ApplicantPhone: "+7 701 410 22 31",
		Channel: requests.Centre, Locale: "kk", Lines: []requests.LineInput{{ItemID: c.Kit}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		if r, err = s.app.Requests.Transition(ctx, p, r.ID, requests.Move{To: to, Version: r.Version}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.app.db.Tx(ctx, func(tx *sql.Tx) error {
		return s.app.Stock.Reserve(ctx, tx, []stock.Hold{{RequestID: r.ID, Line: 1, WarehouseID: central.ID, ItemID: c.Kit, Quantity: 1}})
	}); err != nil {
		t.Fatal(err)
	}
	if r, err = s.app.Requests.Transition(ctx, p, r.ID, requests.Move{To: requests.Allocated, Version: r.Version}); err != nil {
		t.Fatal(err)
	}
	e, err := s.app.Distribution.CreateEvent(ctx, p, distribution.EventInput{CampaignID: c.ID, WarehouseID: central.ID,
		Place: "Distribution point of the central warehouse", StartsAt: time.Now(), WholePoint: true})
	if err == nil {
		e, err = s.app.Distribution.SetStatus(ctx, p, e.ID, e.Version, distribution.Open)
	}
	if err != nil {
		t.Fatal(err)
	}
	return e.ID, r
}

// pngSignature is a signature as the pad draws it.
func pngSignature() []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 600, 200))
	for x := 40; x < 560; x++ {
		img.Set(x, 100+(x%50)/5, color.NRGBA{R: 16, G: 36, B: 62, A: 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}
