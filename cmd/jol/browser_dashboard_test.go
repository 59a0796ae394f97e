package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/demo"
)

// The coordinator opens a campaign's dashboard in English, then in
// Persian: each time the funnel is drawn as an image with its title, its
// table holds the numbers the chart writes, and in Persian the page runs
// right to left, the chart is mirrored (category labels over their bars
// from the right) and its numbers are in Persian digits.
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
	// Mirrored: the first region's label stands over its bar, its right
	// end where the bar starts, on the screen as drawn.
	if js(`(() => { const l = document.querySelector("svg#regions text.category").getBoundingClientRect();
		const b = document.querySelector("svg#regions rect.bar").getBoundingClientRect();
		return String(l.bottom <= b.top + 1 && Math.abs(l.right - b.right) < 10); })()`) != "true" {
		t.Error("in Persian the region's label does not stand over its bar from the right")
	}
	shootFull(t, step, "dashboard-fa")
}

// On a phone 390 px wide and on a desktop, in every language, the
// dashboard's charts fit the screen and stay legible: no chart is wider
// than its column, the page does not scroll sideways, and the smallest
// label of every chart is drawn at least 11 px high on the screen. A
// campaign named in no language is offered by its slug.
func TestBrowserDashboardChartsFitAPhone(t *testing.T) {
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
	c := seedDashboard(t, s, fund.ID, fund.Path, 120)
	step, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.raw
	run("log in as the coordinator",
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/dashboard"]`)),
	)
	// Each chart: its box against its column's, and the height on the
	// screen of its smallest text (font size times the drawing's scale).
	const measure = `JSON.stringify(Array.from(document.querySelectorAll("svg.chart")).map(svg => {
		const box = svg.getBoundingClientRect(), col = svg.parentElement.getBoundingClientRect();
		const scale = box.width / svg.viewBox.baseVal.width;
		const sizes = Array.from(svg.querySelectorAll("text")).map(e => Number(e.getAttribute("font-size")) * scale);
		return {id: svg.id, over: Math.round(box.right - col.right) > 0 || Math.round(col.left - box.left) > 0,
			offscreen: box.right > window.innerWidth + 1 || box.left < -1, small: Math.min(...sizes)};
	}))`
	for _, lang := range []string{"en", "ru", "kk", "fr", "fa"} {
		for _, width := range []int64{390, 1280} {
			run(fmt.Sprintf("the dashboard in %s at %d px", lang, width),
				chromedp.EmulateViewport(width, 844),
				chromedp.Evaluate[chromedp.Void](`document.cookie = "jol_lang=`+lang+`; path=/"`),
				chromedp.Navigate(s.url+"/dashboard?campaign="+strconv.FormatInt(c.ID, 10)),
				chromedp.WaitVisible(chromedp.CSS(`html[lang="`+lang+`"] svg#funnel`)),
			)
			var charts []struct {
				ID        string  `json:"id"`
				Over      bool    `json:"over"`
				Offscreen bool    `json:"offscreen"`
				Small     float64 `json:"small"`
			}
			if err := json.Unmarshal([]byte(js(measure)), &charts); err != nil || len(charts) < 5 {
				t.Fatalf("%s at %d px: charts %v (%v)", lang, width, charts, err)
			}
			for _, ch := range charts {
				if ch.Over || ch.Offscreen || ch.Small < 11 {
					t.Errorf("%s at %d px: chart %s overflows %v, off the screen %v, smallest text %.1f px", lang, width, ch.ID, ch.Over, ch.Offscreen, ch.Small)
				}
			}
			if name := js(`document.querySelector("#f-campaign option:checked").textContent`); name != "bench-dashboard" {
				t.Errorf("%s at %d px: the chosen campaign reads %q, want its slug (it has no name)", lang, width, name)
			}
			if js(`String(document.documentElement.scrollWidth <= window.innerWidth)`) != "true" {
				t.Errorf("%s at %d px: the page scrolls sideways", lang, width)
			}
			shootFull(t, step, fmt.Sprintf("dashboard-charts-%s-%d", lang, width))
		}
	}
}
