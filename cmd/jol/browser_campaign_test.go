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

// The demo's "Road to School" read by a family on a phone, in Persian and
// without logging in: right to left, Persian digits, the slogan and the
// hotlines; then the coordinator's page of the same campaign, with its
// progress against last year's.
func TestBrowserPublicCampaignPageInPersian(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.trimmed
	slug := "road-" + strconv.Itoa(time.Now().Year()) // the demo's campaigns are of the current year
	run("open the public page in Persian at a phone's width",
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(s.url+"/c/"+slug+"?lang=fa"),
		chromedp.WaitVisible(chromedp.CSS("#campaign-name")),
	)
	if got := js(`document.documentElement.dir + " " + document.documentElement.lang`); got != "rtl fa" {
		t.Errorf("page direction and language %q, want rtl fa", got)
	}
	if got := js(`document.querySelector("#campaign-slogan").textContent`); got != "از دل به دل" {
		t.Errorf("slogan %q", got)
	}
	if got := js(`document.querySelector("#campaign-name").textContent`); got != "راه مدرسه" {
		t.Errorf("name %q", got)
	}
	hotlines := js(`Array.from(document.querySelectorAll("a.call")).map(a => a.textContent).join("|")`)
	if hotlines != "+۷ ۷۲۱۲ ۴۱ ۰۰ ۴۷|۸ ۸۰۰ ۰۸۰ ۴۷ ۴۷" {
		t.Errorf("hotlines %q, want them in Persian digits", hotlines)
	}
	// A hotline is dialled as written: the link keeps ASCII digits.
	if got := js(`document.querySelector("a.call").getAttribute("href")`); got != "tel:+77212410047" {
		t.Errorf("hotline link %q", got)
	}
	if got := js(`getComputedStyle(document.querySelector("#campaign-name")).direction`); got != "rtl" {
		t.Errorf("the name is laid out %s", got)
	}
	text := js(`document.querySelector("main").innerText`)
	if strings.ContainsAny(text, "0123456789") {
		t.Errorf("ASCII digits on the Persian page: %q", text)
	}
	if wide := js(`String(document.documentElement.scrollWidth > window.innerWidth)`); wide != "false" {
		t.Error("the public page is wider than a phone")
	}
	shootFull(t, step, "campaign-public-fa-390")

	// The coordinator's page of the same campaign.
	c, err := s.app.Campaigns.Public(context.Background(), slug)
	if err != nil {
		t.Fatal(err)
	}
	run("log in as the coordinator",
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")),
	)
	for try := 0; ; try++ {
		err := chromedp.Do(step, chromedp.Navigate(s.url+"/campaigns/"+strconv.FormatInt(c.ID, 10)), chromedp.WaitVisible(chromedp.CSS("#progress")))
		if err == nil {
			break
		} else if try == 2 {
			t.Fatalf("open the campaign page: %v", err)
		}
	}
	if got := js(`document.querySelector("#progress tbody td").textContent`); !strings.Contains(got, "3") || !strings.Contains(got, "5") {
		t.Errorf("progress cell %q", got)
	}
	if wide := js(`String(document.documentElement.scrollWidth > window.innerWidth)`); wide != "false" {
		t.Error("the campaign page is wider than a phone")
	}
	// The table by region and the cards below it stand apart at a
	// phone's width and a desktop's.
	const gap = `document.querySelector("main .columns").getBoundingClientRect().top - document.querySelector("#by-region").getBoundingClientRect().bottom`
	for _, width := range []int64{390, 1280} {
		run("lay the campaign page out at "+strconv.FormatInt(width, 10)+" px", chromedp.EmulateViewport(width, 844))
		if g, err := strconv.ParseFloat(js(`String(`+gap+`)`), 64); err != nil || g < 16 {
			t.Errorf("at %d px the table by region is %v px above the cards below it (%v), want at least 16", width, g, err)
		}
		shootFull(t, step, "campaign-staff-"+strconv.FormatInt(width, 10))
	}
	run("back to a phone's width", chromedp.EmulateViewport(390, 844))
	run("open its form",
		chromedp.Navigate(s.url+"/campaigns/"+strconv.FormatInt(c.ID, 10)+"/edit"),
		chromedp.WaitVisible(chromedp.CSS("#slug")),
	)
	if wide := js(`String(document.documentElement.scrollWidth > window.innerWidth)`); wide != "false" {
		t.Error("the campaign form is wider than a phone")
	}
	shootFull(t, step, "campaign-form-390")
}
