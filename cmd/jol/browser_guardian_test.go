package main

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/store"
)

// TestBrowserGuardianConsents: a 16-year-old registers on the public form
// from a phone, in Persian as their language, naming their mother; the
// confirmation gives them a link for her. She opens it on her phone: the
// page speaks Persian, right to left, fits 390 px, names the young person
// by first name only; she consents. The coordinator's page of the young
// person then shows the consent, given by link.
func TestBrowserGuardianConsents(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	coord := mustUser(t, s, "coordinator")
	org, err := s.app.Orgs.Get(context.Background(), access.System, coord.orgID)
	if err != nil {
		t.Fatal(err)
	}
	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	run("a phone's width", chromedp.EmulateViewport(390, 844))

	birth := time.Now().AddDate(-16, 0, -3).Format(time.DateOnly)
	run("register a minor", chromedp.Navigate(s.url+"/y/register/"+strconv.FormatInt(coord.orgID, 10)),
		chromedp.WaitVisible(chromedp.CSS("#youth-register")),
		chromedp.SendKeys(chromedp.CSS("#last_name"), "Rahimi"),
		chromedp.SendKeys(chromedp.CSS("#first_name"), "Sara"),
		chromedp.SetValue(chromedp.CSS("#birth_date"), birth),
		chromedp.SetValue(chromedp.CSS("#region"), org.RegionCode),
		chromedp.SetValue(chromedp.CSS("#settlement"), "urban"),
		chromedp.SetValue(chromedp.CSS("#status"), "in_education"),
		chromedp.SetValue(chromedp.CSS("#field"), "career"),
		chromedp.SetValue(chromedp.CSS("#language"), "fa"),
		chromedp.SendKeys(chromedp.CSS("#phone"), "+7 701 765 43 21"),
		chromedp.SendKeys(chromedp.CSS("#guardian_name"), "Maryam Rahimi"),
		chromedp.SendKeys(chromedp.CSS("#guardian_relation"), "mother"),
		chromedp.SendKeys(chromedp.CSS("#guardian_contact"), "+7 701 111 22 33"),
		chromedp.Click(chromedp.CSS("#youth-send")),
		chromedp.WaitVisible(chromedp.CSS("#new-guardian-link")))
	link := b.attr("#new-guardian-link a", "href")
	if !regexp.MustCompile(`/y/guardian/[A-Za-z0-9_-]{43}$`).MatchString(link) {
		t.Fatalf("the guardian link: %q", link)
	}
	if !strings.HasPrefix(link, "http") {
		link = s.url + link
	}

	run("the guardian opens the link", chromedp.Navigate(link),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="fa"][dir="rtl"] #guardian-answer`)))
	page := js(`document.querySelector("main").innerText`)
	if !strings.Contains(page, "Sara") || !strings.Contains(page, "۱۴-۱۷") || !strings.Contains(page, "رضایت") {
		t.Errorf("the guardian page: %q", page)
	}
	for _, secret := range []string{"Rahimi", "765", "111 22", "Maryam"} {
		if strings.Contains(page, secret) {
			t.Errorf("the guardian page shows %q", secret)
		}
	}
	if wide := js(`String(document.documentElement.scrollWidth > window.innerWidth)`); wide != "false" {
		t.Error("the guardian page scrolls sideways at 390 px")
	}
	shootFull(t, step, "guardian-fa-390")
	run("consent", chromedp.Click(chromedp.CSS("#consent")), chromedp.WaitVisible(chromedp.CSS("#answered")))
	if got := js(`document.querySelector("#answered").innerText`); !strings.Contains(got, "رضایت شما ثبت شد") {
		t.Errorf("after the consent: %q", got)
	}
	run("the link again", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("#closed")))

	var id int64
	if err := s.app.db.R.QueryRow(store.Rebind(s.app.db.Engine, "SELECT id FROM youth WHERE first_name = $1"), "Sara").Scan(&id); err != nil {
		t.Fatal(err)
	}
	run("a desktop's width", chromedp.EmulateViewport(1280, 900))
	run("log in as the coordinator", chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")))
	run("the young person's page", chromedp.Navigate(s.url+"/youth/"+strconv.FormatInt(id, 10)),
		chromedp.WaitVisible(chromedp.CSS("#guardian-state")))
	if st := b.attr("#guardian-state", "data-status"); st != "consented" {
		t.Errorf("the consent's state on the coordinator's page: %q", st)
	}
	if got := js(`document.querySelector("#guardian").innerText`); !strings.Contains(got, "guardian (link)") {
		t.Errorf("the coordinator's guardian section: %q", got)
	}
	if b.truth(`document.querySelector("#missing") !== null`) {
		t.Error("the coordinator's page still says the consent is missing")
	}
}
