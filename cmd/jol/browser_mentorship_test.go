package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/mentorship/mentorshiptest"
)

// A mentor opens the mentorship of a minor, reads the safeguarding rules
// at its top, logs a session through the form (one refused first: a day
// to come) and reports a concern; the coordinator reads the mentors'
// activity and, designated lead, sees the concern on their home page.
func TestBrowserMentorship(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	coordUser, err := s.app.Accounts.LookupEmail(context.Background(), demo.Email("coordinator"))
	if err != nil {
		t.Fatal(err)
	}
	const password = "mentor password 1"
	ms := mentorshiptest.Build(t, mentorshiptest.Setup{Svc: s.app.Services, DB: s.app.db, OrgID: coordUser.OrgID,
		RegionCode: "KZ-75", Coord: coordUser.Principal(), Now: time.Now(), Password: password})
	if err := s.app.Mentorship.SetLead(context.Background(), coordUser.Principal(), coordUser.OrgID, coordUser.ID); err != nil {
		t.Fatal(err)
	}
	step, cancel := context.WithTimeout(ctx, 300*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	page := s.url + "/mentorships/" + strconv.FormatInt(ms.Minor, 10)
	login := func(email, pw string) {
		run("log in as "+email,
			chromedp.Navigate(s.url+"/login"),
			chromedp.WaitVisible(chromedp.CSS("#email")),
			chromedp.SendKeys(chromedp.CSS("#email"), email),
			chromedp.SendKeys(chromedp.CSS("#password"), pw),
			chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
			chromedp.WaitReady(chromedp.CSS(`nav a[href="/mentorships"]`)),
		)
	}
	run("a desktop's width", chromedp.EmulateViewport(1280, 900))
	login("bolat@example.org", password)
	run("open the minor's mentorship", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#safeguarding-rules")))
	if rules := js(`document.querySelector("#safeguarding-rules").innerText`); !strings.Contains(rules, "under 18") {
		t.Errorf("the rules: %q", rules)
	}
	tomorrow := time.Now().AddDate(0, 0, 1).Format(time.DateOnly)
	run("a session on a day to come",
		chromedp.SetValue(chromedp.CSS("#held_on"), tomorrow),
		chromedp.SendKeys(chromedp.CSS("#minutes"), "60"),
		chromedp.SetValue(chromedp.CSS("#format"), "online"),
		chromedp.SendKeys(chromedp.CSS("#topic"), "Choosing a college"),
		chromedp.Click(chromedp.CSS(`form[action$="/sessions"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#held_on-error")),
	)
	if got := js(`document.querySelector("#topic").value`); got != "Choosing a college" {
		t.Errorf("the topic typed is lost: %q", got)
	}
	if !strings.Contains(js(`document.querySelector("#safeguarding-rules").innerText`), "under 18") {
		t.Error("the rules are gone from the page with errors")
	}
	yesterday := time.Now().AddDate(0, 0, -1).Format(time.DateOnly)
	run("the session yesterday",
		chromedp.SetValue(chromedp.CSS("#held_on"), yesterday),
		chromedp.Click(chromedp.CSS(`form[action$="/sessions"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if got := js(`document.querySelector("#sessions-section table").innerText`); !strings.Contains(got, "Choosing a college") {
		t.Errorf("the sessions: %q", got)
	}
	run("a concern",
		chromedp.SendKeys(chromedp.CSS("#body"), "Said the meetings worry her mother"),
		chromedp.Click(chromedp.CSS(`form[action$="/concerns"] button[type=submit]`)),
	)
	// The session's flash is on the page too: wait for the concern's,
	// asking again while the page is being replaced.
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		ok, err := chromedp.Run(step, chromedp.Evaluate[bool](
			`!!document.querySelector(".flash") && document.querySelector(".flash").innerText.includes("Concern reported")`))
		if err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no flash after the concern: %v", err)
		}
	}
	run("the page at the top", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#safeguarding-rules")))
	shootFull(t, step, "mentorship-minor")

	run("log out", chromedp.Navigate(s.url+"/"), chromedp.Click(chromedp.CSS(".usermenu > summary")), chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitVisible(chromedp.CSS("#email")))
	login(demo.Email("coordinator"), demo.Password)
	if home := js(`document.querySelector("li a[href='/safeguarding'] .figure-sm").textContent`); home != "1" {
		t.Errorf("the lead's home: %q", home)
	}
	run("the activity", chromedp.Navigate(s.url+"/mentorships/activity"), chromedp.WaitVisible(chromedp.CSS("#by-mentor")))
	if got := js(`document.querySelector("main").innerText`); !strings.Contains(got, "Bolat Nurlanov") {
		t.Errorf("the activity: %q", got)
	}
	shootFull(t, step, "mentor-activity")
}
