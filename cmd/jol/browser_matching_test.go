package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/youth"
)

// seedMatching gives the demo coordinator's organisation three mentors
// who finished the school (the first the demo mentor's profile) and six
// young people, one a minor without a guardian's consent and one who
// ranked the second mentor first.
func seedMatching(t *testing.T, s *testServer, orgID, mentorUser int64) {
	t.Helper()
	ctx, sys, ms := context.Background(), access.System, s.app.Mentoring
	org, err := s.app.Orgs.Get(ctx, sys, orgID)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	mod, err := ms.AddModule(ctx, sys, mentoring.Module{Code: "how", Name: "How to mentor", Required: true})
	must(err)
	c, err := ms.CreateCohort(ctx, sys, mentoring.Cohort{Name: "Summer", OrgID: orgID,
		StartsOn: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), EndsOn: time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)})
	must(err)
	sess, err := ms.AddSession(ctx, sys, mentoring.Session{CohortID: c.ID, ModuleID: mod.ID,
		HeldOn: time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC), Trainer: "Бауыржан Омаров"})
	must(err)
	var ids []int64
	for i, name := range []string{"Айгерим Нурланова", "Болат Сапаров", "Динара Ахметова"} {
		m, err := ms.Create(ctx, sys, mentoring.Input{Name: name, Email: fmt.Sprintf("m%d@example.org", i),
			Background: mentoring.YoungDeputy, Fields: []string{[]string{"career", "education", "career"}[i]},
			Languages: []string{"kk", "ru"}, OrgID: orgID, RegionCode: org.RegionCode, InPerson: true, Online: i == 1,
			Capacity: 2})
		must(err)
		must(ms.Enrol(ctx, sys, c.ID, m.ID))
		ids = append(ids, m.ID)
	}
	must(ms.RecordAttendance(ctx, sys, sess.ID, ids))
	for _, id := range ids {
		must(ms.RecordFinal(ctx, sys, c.ID, id, true, 85, time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)))
	}
	must(ms.LinkUser(ctx, sys, ids[0], mentorUser))
	form := youth.FormPrincipal(orgID, org.Path)
	for i, y := range []struct {
		last, first, field string
		year               int
	}{{"Сейткали", "Асель", "career", 2001}, {"Жумабаева", "Дана", "career", 2003}, {"Касымов", "Ерлан", "education", 1999},
		{"Оспанова", "Камила", "career", 2010}, {"Искаков", "Тимур", "education", 2002}, {"Есенова", "Алия", "career", 2000}} {
		r, err := s.app.Youth.Register(ctx, form, orgID, youth.Input{LastName: y.last, FirstName: y.first,
			Birth: time.Date(y.year, 3, 1+i, 0, 0, 0, 0, time.UTC), RegionCode: org.RegionCode, Settlement: youth.Rural,
			Status: youth.NEET, Field: y.field, Language: "kk", Contact: youth.Contact{Phone: fmt.Sprintf("+7 701 555 00 %02d", i)},
			Channel: youth.Web,
			// A minor registering on the web names a guardian (an adult may).
			Guardian: youth.GuardianDetails{Name: "Гүлнар Оспанова", Relation: "анасы", Contact: "+7 701 000 11 22"}})
		must(err)
		if i == 0 {
			_, err := s.app.db.W.ExecContext(ctx, store.Rebind(s.app.db.Engine,
				"INSERT INTO youth_choices (youth_id, choice, mentor_id, chosen_at) VALUES ($1, 1, $2, $3)"), r.ID, ids[1], time.Now())
			must(err)
		}
	}
}

// A coordinator runs the matching from the form and reads the run: each
// match explained, the minor without consent unmatched with the reason;
// the demo mentor then sees their proposals and accepts one.
func TestBrowserMatching(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	coord, mentor := mustUser(t, s, "coordinator"), mustUser(t, s, "mentor")
	seedMatching(t, s, coord.orgID, mentor.userID)
	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	login := func(who string) {
		t.Helper()
		run("log in as "+who, chromedp.Navigate(s.url+"/login"),
			chromedp.WaitVisible(chromedp.CSS("#email")),
			chromedp.SendKeys(chromedp.CSS("#email"), demo.Email(who)),
			chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
			chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")))
	}
	login("coordinator")
	run("open the form", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+"/matching/new"),
		chromedp.WaitVisible(chromedp.CSS("#run-form")))
	shootFull(t, step, "matching-new")
	run("run the matching", chromedp.Click(chromedp.CSS("#run-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#counts")))
	if got := js(`document.querySelector("#matched").textContent`); got != "5" {
		t.Errorf("matched %q, want 5", got)
	}
	props := js(`document.querySelector("#proposals").innerText`)
	if !strings.Contains(props, "Сейткали Асель") || !strings.Contains(props, "Болат Сапаров") || !strings.Contains(props, "first choice") {
		t.Errorf("the proposals: %s", props)
	}
	if un := js(`document.querySelector("#unmatched-list").innerText`); !strings.Contains(un, "Оспанова Камила") || !strings.Contains(un, "consent") {
		t.Errorf("the unmatched: %s", un)
	}
	shootFull(t, step, "matching-run")
	run("log out", chromedp.Click(chromedp.CSS(".usermenu > summary")), chromedp.Click(chromedp.CSS("form.logout button")), chromedp.WaitVisible(chromedp.CSS("#email")))
	login("mentor")
	run("open my proposals", chromedp.Navigate(s.url+"/my-proposals"), chromedp.WaitVisible(chromedp.CSS("#proposals")))
	shootFull(t, step, "matching-mine")
	run("accept the first", chromedp.Click(chromedp.CSS("#proposals tbody tr form.inline button")),
		chromedp.WaitVisible(chromedp.CSS(".flash")), chromedp.WaitVisible(chromedp.CSS("#proposals")))
	if !b.truth(`document.querySelector("#proposals tbody .tag.accepted") !== null`) {
		t.Errorf("after accepting: %s", js(`document.querySelector("#proposals tbody").innerText`))
	}
	shootFull(t, step, "matching-mine-accepted")
}
