package main

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
)

// A coordinator makes a bot link for their organisation from the page's
// one select, and its page shows the QR code the browser draws from the
// SVG, square and whole, on a phone and on a desktop.
func TestBrowserBotLinkQRCode(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	bg := context.Background()
	st, err := s.app.Settings.Get(bg)
	if err != nil {
		t.Fatal(err)
	}
	st.BotUsername = "jol_demo_bot"
	if err := s.app.Settings.Update(bg, access.System, st); err != nil {
		t.Fatal(err)
	}
	c := mustUser(t, s, "coordinator")
	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	b.logIn(s.url, "coordinator")
	run("make a link", chromedp.Navigate(s.url+"/bot/links"), chromedp.WaitVisible(chromedp.CSS("#target")),
		chromedp.SetValue(chromedp.CSS("#target"), fmt.Sprintf("organisation:%d", c.orgID)),
		chromedp.SendKeys(chromedp.CSS("#label"), "Poster at the youth centre"),
		chromedp.Click(chromedp.CSS("form[action='/bot/links'] button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("img.qr")))
	for _, size := range [][2]int64{{390, 844}, {1280, 900}} {
		run("resize", chromedp.EmulateViewport(size[0], size[1]), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("img.qr")))
		loaded := `(async () => { const i = document.querySelector("img.qr"); await i.decode(); ` +
			`return [i.complete, i.naturalWidth > 0, i.width === i.height, i.getBoundingClientRect().right <= window.innerWidth].join(","); })()`
		if got := b.raw(loaded, chromedp.EvalAwaitPromise); got != "true,true,true,true" {
			t.Errorf("the QR code at %d px: loaded, drawn, square, within the screen = %s", size[0], got)
		}
		if js(`String(document.documentElement.scrollWidth <= window.innerWidth)`) != "true" {
			t.Errorf("the link's page is wider than %d px", size[0])
		}
		shootFull(t, step, fmt.Sprintf("botlink-%d", size[0]))
	}
	if got := js(`document.querySelector("dd a[href^='https://t.me/']").getAttribute("href")`); len(got) != len("https://t.me/jol_demo_bot?start=")+16 {
		t.Errorf("link %q", got)
	}
	// The list in Persian: right to left, the addresses left to right.
	run("switch to Persian", chromedp.Navigate(s.url+"/bot/links"), chromedp.WaitVisible(chromedp.CSS("#lang-select")),
		chromedp.SetValue(chromedp.CSS("#lang-select"), "fa"),
		chromedp.Click(chromedp.CSS("#lang-apply")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="fa"] .usermenu > summary`)))
	if js(`document.documentElement.dir`) != "rtl" || js(`getComputedStyle(document.querySelector("td[dir=ltr] code")).direction`) != "ltr" {
		t.Error("the Persian list is not right to left with its addresses left to right")
	}
	shootFull(t, step, "botlinks-fa")
}
