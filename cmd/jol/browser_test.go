package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/webtest"
)

// browser starts headless Chromium for one test (webtest.Browser).
func browser(t *testing.T) context.Context { return webtest.Browser(t) }

// shoot saves a screenshot when JOL_SCREENSHOTS names a directory, for
// looking at pages by eye.
func shoot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("JOL_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// tab runs the steps of one test in the browser, failing the test on an
// error. A test takes the helpers it needs as method values (run, js :=
// b.run, b.js).
type tab struct {
	t    *testing.T
	step context.Context
}

// run runs actions, failing the test with what on an error.
func (b tab) run(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.step, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// logIn signs in as the demo's user of role at the server at base and
// waits for the page that follows.
func (b tab) logIn(base, role string) {
	b.t.Helper()
	b.run("log in", chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email(role)), chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")), chromedp.WaitReady(chromedp.CSS("form.logout")))
}

// onPhone opens a tab of ctx for steps of at most 90 seconds on a phone's
// screen (390 by 844), signed in at s as the demo's user of role. Its fits
// fails the test when the page shown is wider than the screen, and saves
// the page's full screenshot as shots-page.
func onPhone(t *testing.T, ctx context.Context, s *testServer, role, shots string) (b tab, fits func(page string)) {
	t.Helper()
	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel)
	b = tab{t, step}
	b.run("a phone's screen", chromedp.EmulateViewport(390, 844))
	b.logIn(s.url, role)
	return b, func(page string) {
		t.Helper()
		if b.js(`String(document.documentElement.scrollWidth <= window.innerWidth)`) != "true" {
			t.Errorf("%s is wider than the phone's screen", page)
		}
		shootFull(t, step, shots+"-"+page)
	}
}

// raw is the string expr evaluates to, as it is.
func (b tab) raw(expr string, opts ...chromedp.EvaluateOption) string {
	b.t.Helper()
	v, err := chromedp.Run(b.step, chromedp.Evaluate[string](expr, opts...))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// js is the string expr evaluates to as a reader sees it: each run of
// white space (no-break spaces too) one space, none at the ends.
func (b tab) js(expr string, opts ...chromedp.EvaluateOption) string {
	b.t.Helper()
	return strings.Join(strings.Fields(b.raw(expr, opts...)), " ")
}

// trimmed is the string expr evaluates to without white space at its
// ends, keeping the spaces within, where a test checks them.
func (b tab) trimmed(expr string) string {
	b.t.Helper()
	return strings.TrimSpace(b.raw(expr))
}

// truth is what the boolean expr evaluates to.
func (b tab) truth(expr string) bool {
	b.t.Helper()
	v, err := chromedp.Run(b.step, chromedp.Evaluate[bool](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// text is the text of the element sel, trimmed, once it is there.
func (b tab) text(sel string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.step, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(v)
}

// content is the text content of the first element sel as js reads it,
// "" when there is none: it does not wait for the element.
func (b tab) content(sel string) string {
	b.t.Helper()
	return b.js(`(document.querySelector(` + strconv.Quote(sel) + `) || {textContent: ""}).textContent`)
}

// attr is the attribute name of the element sel.
func (b tab) attr(sel, name string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.step, chromedp.AttributeValue(chromedp.CSS(sel), name))
	if err != nil {
		b.t.Fatalf("attribute %s of %s: %v", name, sel, err)
	}
	return v.Value
}

func TestBrowserLoginSwitchLanguagesLogout(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	step, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	b := tab{t, step}
	run, attr, text := b.run, b.attr, b.text
	run("log in as the demo coordinator",
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")),
	)
	coordinator, err := s.app.Accounts.LookupEmail(context.Background(), demo.Email("coordinator"))
	if err != nil {
		t.Fatal(err)
	}
	shoot(t, step, "home-default")

	for _, want := range []struct {
		locale i18n.Locale
		dir    string
	}{{i18n.FA, "rtl"}, {i18n.KK, "ltr"}} {
		run("switch to "+string(want.locale),
			chromedp.SetValue(chromedp.CSS("#lang-select"), string(want.locale)),
			chromedp.Click(chromedp.CSS("#lang-apply")),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="`+string(want.locale)+`"] .usermenu > summary`)),
		)
		if got := attr("html", "dir"); got != want.dir {
			t.Errorf("%s page dir = %q, want %q", want.locale, got, want.dir)
		}
		greeting := s.app.Catalog.Localizer(want.locale).T("home.greeting", "Name", coordinator.Name)
		if got := text("main h1"); got != greeting {
			t.Errorf("%s greeting = %q, want %q", want.locale, got, greeting)
		}
		logout := s.app.Catalog.Localizer(want.locale).T("nav.logout")
		run("open the user's menu", chromedp.Click(chromedp.CSS(".usermenu > summary")))
		if got := text("form.logout button"); got != logout {
			t.Errorf("%s logout button = %q, want %q", want.locale, got, logout)
		}
		shoot(t, step, "home-"+string(want.locale))
	}

	run("log out",
		chromedp.Click(chromedp.CSS("form.logout button")),
		chromedp.WaitVisible(chromedp.CSS("#email")),
	)
	loc, err := chromedp.Run(step, chromedp.Location())
	if err != nil || !strings.HasSuffix(loc, "/login") {
		t.Fatalf("after logout at %q (%v), want the login page", loc, err)
	}
	run("home after logout", chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(chromedp.CSS("#email")))
	if got := attr("html", "lang"); got != "kk" {
		t.Errorf("the language cookie did not outlive the session: lang=%q", got)
	}
}
