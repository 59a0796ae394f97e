package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/demo"
)

// The coordinator opens a campaign's dashboard in English, then in
// Persian: each time the funnel is drawn as an image with its title, its
// table holds the numbers the chart writes, and in Persian the page runs
// right to left, the chart is mirrored (category labels right of their
// bars) and its numbers are in Persian digits.
func TestBrowserDashboardInEnglishAndPersian(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	coord, err := s.app.Accounts.LookupEmail(context.Background(), demo.Email("coordinator"))
	if err != nil {
		t.Fatal(err)
	}
	fund, err := s.app.Orgs.Get(context.Background(), coord.Principal(), coord.OrgID)
	if err != nil {
		t.Fatal(err)
	}
	c := seedDashboard(t, s, fund.ID, fund.Path, 300)
	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(step, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	js := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(step, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return strings.Join(strings.Fields(v), " ")
	}
	run("log in as the coordinator",
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/dashboard"]`)),
	)
	// chartAgreesWithTable compares the values the funnel writes with the
	// numbers of its table, row by row.
	chartAgreesWithTable := func(lang string) {
		t.Helper()
		drawn := js(`Array.from(document.querySelectorAll("svg#funnel text.value")).map(e => e.textContent.split(" (")[0]).join("|")`)
		table := js(`Array.from(document.querySelectorAll('table[data-chart="funnel"] tbody td')).map(e => e.textContent).join("|")`)
		if drawn == "" || drawn != table {
			t.Errorf("%s: the funnel writes %q, its table %q", lang, drawn, table)
		}
		if role := js(`document.querySelector("svg#funnel").getAttribute("role")`); role != "img" {
			t.Errorf("%s: the funnel's role is %q", lang, role)
		}
		if js(`document.querySelector("svg#funnel title").textContent`) != js(`document.querySelector('table[data-chart="funnel"] caption').textContent`) {
			t.Errorf("%s: the funnel's title and its table's caption differ", lang)
		}
	}
	run("open the campaign's dashboard",
		chromedp.Navigate(s.url+"/dashboard?campaign="+strconv.FormatInt(c.ID, 10)),
		chromedp.WaitVisible(chromedp.CSS("svg#funnel")))
	chartAgreesWithTable("en")
	if first := js(`document.querySelector("svg#funnel text.value").textContent`); first != "300" {
		t.Errorf("the funnel starts at %q requests, want 300", first)
	}
	shootFull(t, step, "dashboard-en")
	run("switch to Persian",
		chromedp.SetValue(chromedp.CSS("#lang-select"), "fa"),
		chromedp.Click(chromedp.CSS("#lang-apply")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="fa"] svg#funnel`)),
	)
	if dir := js(`document.documentElement.dir + " " + document.querySelector("svg#regions").getAttribute("direction")`); dir != "rtl rtl" {
		t.Errorf("the Persian page and chart run %q", dir)
	}
	chartAgreesWithTable("fa")
	if first := js(`document.querySelector("svg#funnel text.value").textContent`); first != "۳۰۰" {
		t.Errorf("the Persian funnel starts at %q, want ۳۰۰", first)
	}
	// Mirrored: the first region's label stands right of its bar, on the
	// screen as drawn.
	if js(`(() => { const l = document.querySelector("svg#regions text.category").getBoundingClientRect();
		const b = document.querySelector("svg#regions rect.bar").getBoundingClientRect();
		return String(l.left >= b.right - 1); })()`) != "true" {
		t.Error("in Persian the region's label is not right of its bar")
	}
	shootFull(t, step, "dashboard-fa")
}
