package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/demo"
)

// A campaign is closed, and its page offers its coordinator the final
// report; one click produces it and the page then
// links the PDF, the workbook and the public results. The public page, in
// Russian and in Persian (right to left, Persian digits), shows no count
// under 5 and no child's name; the demo's report of last year's Road to
// School reads its 5,000 children in Russian.
func TestBrowserFinalReport(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	bg := context.Background()
	coord, err := s.app.Accounts.LookupEmail(bg, demo.Email("coordinator"))
	if err != nil {
		t.Fatal(err)
	}
	fund, err := s.app.Orgs.Get(bg, coord.Principal(), coord.OrgID)
	if err != nil {
		t.Fatal(err)
	}
	// 300 requests over 20 regions: about 15 each, split by outcome into
	// many counts under 5.
	seeded := seedDashboard(t, s, fund.ID, fund.Path, 300)
	c, err := s.app.Campaigns.Get(bg, access.System, seeded.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c, err = s.app.Campaigns.Transition(bg, access.System, c.ID, c.Version, campaign.Closed); err != nil {
		t.Fatal(err)
	}
	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	run("log in as the coordinator",
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/dashboard"]`)),
	)
	id := strconv.FormatInt(c.ID, 10)
	run("produce the final report from the campaign's page",
		chromedp.Navigate(s.url+"/campaigns/"+id),
		chromedp.WaitVisible(chromedp.CSS("#report-produce")),
		chromedp.Click(chromedp.CSS("#report-produce")),
		chromedp.WaitVisible(chromedp.CSS("#report-pdf")),
	)
	if links := js(`["#report-pdf", "#report-xlsx", "#report-public"].map(s => document.querySelector(s).getAttribute("href")).join(" ")`); links !=
		"/campaigns/"+id+"/report.pdf /campaigns/"+id+"/report.xlsx /c/bench-dashboard/report" {
		t.Errorf("the report's links: %q", links)
	}
	if js(`String(document.querySelector("#report-produce") === null)`) != "true" {
		t.Error("the page still offers to produce the report")
	}
	shootFull(t, step, "report-campaign-page")
	run("log out", chromedp.Click(chromedp.CSS(".usermenu > summary")), chromedp.Click(chromedp.CSS("form.logout button")), chromedp.WaitVisible(chromedp.CSS("#email")))
	// published checks the public page in lang: no count under 5 in a
	// table or a key figure, no child ("Child n" in the registry).
	published := func(lang, digits string) {
		t.Helper()
		run("open the public results in "+lang,
			chromedp.Navigate(s.url+"/c/bench-dashboard/report?lang="+lang),
			chromedp.WaitVisible(chromedp.CSS("#table-by_outcome")))
		counts := js(`Array.from(document.querySelectorAll("table.report-table td.num, #report-figures dd")).map(e => e.textContent).join("|")`)
		if counts == "" || !strings.ContainsAny(counts, digits) {
			t.Errorf("%s: the counts %q are not in its digits", lang, counts)
		}
		for _, v := range strings.Split(counts, "|") {
			if r := []rune(strings.TrimSpace(v)); len(r) == 1 && strings.ContainsRune("1234۱۲۳۴", r[0]) {
				t.Errorf("%s: the page shows a count under 5: %q", lang, v)
			}
		}
		if hidden := js(`String(Array.from(document.querySelectorAll("table.report-table td.num")).filter(e => e.textContent === "–").length)`); hidden == "0" {
			t.Errorf("%s: no count is hidden", lang)
		}
		if text := js(`document.body.innerText`); strings.Contains(text, "Child") {
			t.Errorf("%s: the page names a child", lang)
		}
	}
	published("ru", "0123456789")
	shootFull(t, step, "report-public-ru")
	published("fa", "۰۱۲۳۴۵۶۷۸۹")
	if dir := js(`document.documentElement.dir + " " + getComputedStyle(document.querySelector("#table-by_outcome")).direction`); dir != "rtl rtl" {
		t.Errorf("the Persian page runs %q", dir)
	}
	for _, w := range []int64{390, 1280} {
		run("lay the Persian page out at "+strconv.FormatInt(w, 10)+" px", chromedp.EmulateViewport(w, 844))
		if js(`String(document.documentElement.scrollWidth <= window.innerWidth)`) != "true" {
			t.Errorf("at %d px the Persian page scrolls sideways", w)
		}
		shootFull(t, step, "report-public-fa-"+strconv.FormatInt(w, 10))
	}
	run("open last year's Road to School in Russian",
		chromedp.Navigate(s.url+"/c/road-"+strconv.Itoa(s.app.now().Year()-1)+"/report?lang=ru"),
		chromedp.WaitVisible(chromedp.CSS("#report-figures")))
	if fig := js(`document.querySelector("#report-figures").innerText`); !strings.Contains(fig, "Детей получили помощь 5 000") {
		t.Errorf("last year's figures: %q", fig)
	}
	if js(`document.querySelector("#report-name").innerText.replace(/[\u2068\u2069]/g, "")`) != "Итоговый отчёт: Дорога в школу" || js(`String(document.querySelector("#report-recorded") !== null)`) != "true" {
		t.Error("last year's report is not the demo's Road to School, recorded by hand")
	}
	shootFull(t, step, "report-public-demo-ru")
}
