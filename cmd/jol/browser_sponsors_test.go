package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/stock"
)

// The demo's coordinator records a cash gift of Dala Trade and downloads
// its receipt, in the sponsor's Russian; then Dala Trade's own login sees
// the gift and the impact of its backpacks in the portal, and is told
// what a sponsor sees when it opens a child's page.
func TestBrowserSponsorGiftReceiptAndPortal(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	login := func(local string) {
		t.Helper()
		run("log in as "+local,
			chromedp.Navigate(s.url+"/login?lang=en"),
			chromedp.WaitVisible(chromedp.CSS("#email")),
			chromedp.SendKeys(chromedp.CSS("#email"), demo.Email(local)),
			chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
			chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")))
	}
	u := mustUser(t, s, "sponsor")
	dala, err := s.app.Sponsors.Mine(context.Background(), access.Principal{UserID: u.userID, Role: access.Sponsor})
	if err != nil {
		t.Fatal(err)
	}
	login("coordinator")
	run("open Dala Trade's page", chromedp.Navigate(s.url+"/sponsors/"+strconv.FormatInt(dala.ID, 10)),
		chromedp.WaitVisible(chromedp.CSS("#gift-title")))
	run("record a gift of 150 000,50 tenge",
		chromedp.SendKeys(chromedp.CSS("#gift_amount"), "150000,50"),
		chromedp.SetValue(chromedp.CSS("#currency"), "KZT"),
		chromedp.SetValue(chromedp.CSS("#method"), "bank_transfer"),
		chromedp.SendKeys(chromedp.CSS("#purpose"), "Рюкзаки для первоклассников"),
		chromedp.Click(chromedp.CSS(`form[action$="/gifts"] button.primary`)),
		chromedp.WaitVisible(chromedp.CSS("article.receipt")))
	shootFull(t, step, "sponsor-receipt-ru")
	receipt := js(`document.querySelector("article.receipt").innerText`)
	for _, want := range []string{"Квитанция", "Dala Trade LLP", "150 000,50 KZT", "Рюкзаки для первоклассников"} {
		if !strings.Contains(receipt, want) {
			t.Errorf("the receipt lacks %q: %s", want, receipt)
		}
	}
	got := js(`fetch(document.querySelector('a[href$="/pdf"]').href).then(async r => r.status + " " +
		r.headers.get("content-type") + " " + (await r.text()).slice(0, 5))`, chromedp.EvalAwaitPromise)
	if got != "200 application/pdf %PDF-" {
		t.Fatalf("the receipt's PDF: %q", got)
	}
	run("log out", chromedp.Evaluate[chromedp.Void](`document.querySelector("form.logout").submit()`),
		chromedp.WaitVisible(chromedp.CSS("#email")))

	// Twenty of Dala Trade's backpacks go from the central warehouse to
	// a centre in Karaganda (the demo's server holds no children).
	handOverBackpacks(t, s, mustUser(t, s, "centre").orgID, 20)
	login("sponsor")
	run("open the portal", chromedp.Navigate(s.url+"/giving"), chromedp.WaitVisible(chromedp.CSS("#impact-title")))
	shootFull(t, step, "sponsor-portal")
	main := js(`document.querySelector("main").innerText`)
	if !strings.Contains(main, "Рюкзаки для первоклассников") {
		t.Errorf("the portal lacks the gift: %s", main)
	}
	if rows := js(`String(document.querySelectorAll("#impact-title ~ .table-wrap tbody tr").length)`); rows == "0" {
		t.Errorf("the portal shows no impact: %s", main)
	}
	child, err := s.app.People.Create(context.Background(), access.System, people.Input{LastName: "Серикова",
		FirstName: "Ару", RegionCode: "KZ-35", OrgID: mustUser(t, s, "centre").orgID})
	if err != nil {
		t.Fatal(err)
	}
	run("open a child's page", chromedp.Navigate(s.url+"/people/"+strconv.FormatInt(child.ID, 10)),
		chromedp.WaitVisible(chromedp.CSS("main")))
	shootFull(t, step, "sponsor-refused")
	refusal := js(`document.querySelector("main").innerText`)
	if want := strings.Join(strings.Fields(s.app.Catalog.Localizer(i18n.EN).T("error.sponsor_sees_giving")), " "); !strings.Contains(refusal, want) ||
		strings.Contains(refusal, "Серикова") {
		t.Errorf("the refusal reads %q, want %q", refusal, want)
	}
}

// handOverBackpacks hands n backpacks of the central warehouse in
// Karaganda to organisation org.
func handOverBackpacks(t *testing.T, s *testServer, org int64, n int64) {
	t.Helper()
	ctx := context.Background()
	ws, err := s.app.Stock.Warehouses(ctx, access.System)
	if err != nil {
		t.Fatal(err)
	}
	var wh, item int64
	for _, w := range ws {
		if w.Code == "KRG-C" {
			wh = w.ID
		}
	}
	if err := s.app.db.R.QueryRow("SELECT id FROM aid_items WHERE code = 'backpack'").Scan(&item); err != nil {
		t.Fatal(err)
	}
	if _, err := s.app.Stock.IssueInstitution(ctx, access.System, stock.InstitutionInput{WarehouseID: wh, OrgID: org,
		Lines: []stock.Line{{ItemID: item, Quantity: n}}}); err != nil {
		t.Fatal(err)
	}
}
