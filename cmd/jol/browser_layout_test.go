package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/demo"
)

// headerFits is true when every box of the header that shows lies
// within the screen.
const headerFits = `[...document.querySelectorAll("header.top *")].every(e => {
	if (!e.checkVisibility()) return true;
	const r = e.getBoundingClientRect();
	return r.left >= -0.5 && r.right <= window.innerWidth + 0.5;
})`

// At phone width the header is a folded menu that opens without
// JavaScript and whose links work; at phone and desktop width no page's
// header is wider than the screen, in Persian (right to left), Kazakh
// (long words) and French.
func TestBrowserHeaderFoldsOnPhonesAndFitsEveryWidth(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	b := tab{t, step}
	run, eval := b.run, b.truth
	const link = `.menu nav a[href="/people"]`
	run("log in as the demo administrator at phone width",
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("admin")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".menu > summary")),
	)
	if eval(`document.querySelector(".menu").open`) || eval(`document.querySelector('`+link+`').checkVisibility()`) {
		t.Fatal("at phone width the menu is not folded")
	}
	shoot(t, step, "menu-folded")
	run("open the menu and follow a link",
		chromedp.Click(chromedp.CSS(".menu > summary")),
		chromedp.WaitVisible(chromedp.CSS(link)),
		chromedp.WaitVisible(chromedp.CSS(".menu form.logout button")),
	)
	shoot(t, step, "menu-open")
	run("follow a link", chromedp.Click(chromedp.CSS(link)), chromedp.WaitVisible(chromedp.CSS(`.menu nav a[aria-current="page"][href="/people"]`)))

	for _, locale := range []string{"fa", "kk", "fr"} {
		run("switch to "+locale+" from the menu",
			chromedp.EmulateViewport(390, 844),
			chromedp.Navigate(s.url+"/"),
			chromedp.Click(chromedp.CSS(".menu > summary")),
			chromedp.WaitVisible(chromedp.CSS("#lang-select")),
			chromedp.SetValue(chromedp.CSS("#lang-select"), locale),
			chromedp.Click(chromedp.CSS("#lang-apply")),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="`+locale+`"] main`)),
		)
		for _, width := range []int64{390, 1280} {
			for _, path := range []string{"/", "/people", "/admin/users"} {
				run(fmt.Sprintf("%s at %d px in %s", path, width, locale),
					chromedp.EmulateViewport(width, 844),
					chromedp.Navigate(s.url+path),
					chromedp.WaitVisible(chromedp.CSS("footer")),
				)
				// scrollWidth misses what spills past the start edge of a
				// right-to-left page, so each box of the header is measured too.
				if !eval(`document.documentElement.scrollWidth <= window.innerWidth`) || !eval(headerFits) {
					t.Errorf("%s at %d px in %s is wider than the screen", path, width, locale)
				}
				// A wide screen shows the whole menu, without the button.
				if open := eval(`document.querySelector('` + link + `').checkVisibility()`); open != (width > 900) {
					t.Errorf("%s at %d px in %s: menu shown %v", path, width, locale, open)
				}
				shoot(t, step, fmt.Sprintf("header-%s-%d%s", locale, width, strings.ReplaceAll(path, "/", "-")))
			}
		}
	}
}
