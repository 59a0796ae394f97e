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

// headerRows counts the rows the header's menu entries and tools stand
// in, by where each starts (within 8 px); the brand stands beside them.
const headerRows = `(() => {
	const tops = [...document.querySelectorAll(".menu nav > ul > li, .tools > *")]
		.filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect().top).sort((a, b) => a - b);
	let rows = 0, last = -100;
	for (const t of tops) { if (t - last > 8) { rows++; last = t; } }
	return rows;
})()`

// At phone width the header is a folded menu that opens without
// JavaScript and whose links work; at phone and desktop width no page's
// header is wider than the screen, in Persian (right to left), Kazakh
// (long words) and French; at desktop width the administrator's menu,
// the longest, takes at most two rows, its sections opening their pages.
func TestBrowserHeaderFoldsOnPhonesAndFitsEveryWidth(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	b := tab{t, step}
	run, eval := b.run, b.truth
	const link = `.menu nav a[href="/people"]`
	const section = `.menu nav .navgroup:has(a[href="/people"]) > details > summary`
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
	run("open the menu, its section and the user's menu",
		chromedp.Click(chromedp.CSS(".menu > summary")),
		chromedp.Click(chromedp.CSS(".usermenu > summary")),
		chromedp.WaitVisible(chromedp.CSS(".menu .usermenu form.logout button")),
		chromedp.WaitVisible(chromedp.CSS(`.usermenu a[href="/my/telegram"]`)),
		chromedp.Click(chromedp.CSS(section)),
		chromedp.WaitVisible(chromedp.CSS(link)),
	)
	if eval(`document.querySelector(".usermenu").open`) {
		t.Error("opening a section left the user's menu open")
	}
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
				// A wide screen shows the whole menu, without the button, in
				// at most two rows.
				if open := eval(`document.querySelector('` + section + `').checkVisibility()`); open != (width > 900) {
					t.Errorf("%s at %d px in %s: menu shown %v", path, width, locale, open)
				}
				if width > 900 && !eval(headerRows+" <= 2") {
					t.Errorf("%s at %d px in %s: the header takes more than two rows", path, width, locale)
				}
				shoot(t, step, fmt.Sprintf("header-%s-%d%s", locale, width, strings.ReplaceAll(path, "/", "-")))
				if width > 900 {
					run("open a section", chromedp.Click(chromedp.CSS(section)), chromedp.WaitVisible(chromedp.CSS(link)))
					if !eval(`document.documentElement.scrollWidth <= window.innerWidth`) {
						t.Errorf("%s at %d px in %s: an open section is wider than the screen", path, width, locale)
					}
					shoot(t, step, fmt.Sprintf("section-%s-%d%s", locale, width, strings.ReplaceAll(path, "/", "-")))
					run("open the user's menu", chromedp.Click(chromedp.CSS(".usermenu > summary")),
						chromedp.WaitVisible(chromedp.CSS(`.usermenu a[href="/my/telegram"]`)))
					if eval(`document.querySelector('`+link+`').checkVisibility()`) || !eval(headerFits) ||
						!eval(`document.documentElement.scrollWidth <= window.innerWidth`) {
						t.Errorf("%s at %d px in %s: the user's menu is wider than the screen or left the section open", path, width, locale)
					}
					shoot(t, step, fmt.Sprintf("usermenu-%s-%d%s", locale, width, strings.ReplaceAll(path, "/", "-")))
				}
			}
		}
	}
}
