package main

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/mentoring"
)

// journeyMentor is a mentor of the journey with their login.
type journeyMentor struct {
	id    int64
	first string
	email string
}

// journeyPassword is the mentors' logins' password.
const journeyPassword = "mentor password 1"

// seedJourneyMentors gives the organisation orgID three approved mentors
// of the field "career" who speak Kazakh and finished the school, each
// with a login of their own.
func seedJourneyMentors(t *testing.T, s *testServer, orgID int64) []journeyMentor {
	t.Helper()
	ctx, sys, ms := context.Background(), access.System, s.app.Mentoring
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	org, err := s.app.Orgs.Get(ctx, sys, orgID)
	must(err)
	mod, err := ms.AddModule(ctx, sys, mentoring.Module{Code: "how", Name: "How to mentor", Required: true})
	must(err)
	c, err := ms.CreateCohort(ctx, sys, mentoring.Cohort{Name: "Autumn", OrgID: orgID,
		StartsOn: time.Now().AddDate(0, -2, 0), EndsOn: time.Now().AddDate(0, -1, 0)})
	must(err)
	sess, err := ms.AddSession(ctx, sys, mentoring.Session{CohortID: c.ID, ModuleID: mod.ID,
		HeldOn: time.Now().AddDate(0, -2, 7), Trainer: "Бауыржан Омаров"})
	must(err)
	var out []journeyMentor
	var ids []int64
	for i, name := range []string{"Айгерим Нұрланова", "Болат Сапаров", "Динара Ахметова"} {
		m, err := ms.Create(ctx, sys, mentoring.Input{Name: name, Email: fmt.Sprintf("journey%d@example.org", i),
			Background: mentoring.Coach, Fields: []string{"career"}, Languages: []string{"kk", "ru"}, OrgID: orgID,
			RegionCode: org.RegionCode, InPerson: true, Online: true, Capacity: 3})
		must(err)
		must(ms.Enrol(ctx, sys, c.ID, m.ID))
		u, err := s.app.Accounts.Create(ctx, sys, accounts.NewUser{Email: m.Email, Name: name, Role: access.Mentor,
			OrgID: orgID, Region: org.RegionCode, Locale: "en", Password: journeyPassword})
		must(err)
		must(ms.LinkUser(ctx, sys, m.ID, u.ID))
		ids = append(ids, m.ID)
		out = append(out, journeyMentor{id: m.ID, first: strings.Fields(name)[0], email: m.Email})
	}
	must(ms.RecordAttendance(ctx, sys, sess.ID, ids))
	for _, id := range ids {
		must(ms.RecordFinal(ctx, sys, c.ID, id, true, 90, time.Now().AddDate(0, -1, 0)))
	}
	return out
}

// TestBrowserYouthJourney is the walk: a young person registers
// on the public form in Kazakh and ranks three mentors on their own page;
// the coordinator runs the matching for the cohort and reads the match
// explained; the mentor proposed logs in, accepts and logs a session;
// the young person's page then shows the mentorship and the session.
func TestBrowserYouthJourney(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	coord := mustUser(t, s, "coordinator")
	org, err := s.app.Orgs.Get(context.Background(), access.System, coord.orgID)
	if err != nil {
		t.Fatal(err)
	}
	mentors := seedJourneyMentors(t, s, coord.orgID)
	step, cancel := context.WithTimeout(ctx, 180*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	run("a desktop's width", chromedp.EmulateViewport(1280, 900))

	// The public form, switched to Kazakh by the visitor.
	run("the form in Kazakh", chromedp.Navigate(s.url+"/y/register/"+strconv.FormatInt(coord.orgID, 10)),
		chromedp.WaitVisible(chromedp.CSS("#lang-select")),
		chromedp.SetValue(chromedp.CSS("#lang-select"), "kk"),
		chromedp.Click(chromedp.CSS("#lang-apply")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="kk"] #youth-register`)))
	if h := b.text("h1"); h != "Тәлімгер табу" {
		t.Errorf("the form's title in Kazakh: %q", h)
	}
	birth := time.Now().AddDate(-20, 0, -3).Format(time.DateOnly)
	run("fill the form",
		chromedp.SendKeys(chromedp.CSS("#last_name"), "Сейтқали"),
		chromedp.SendKeys(chromedp.CSS("#first_name"), "Дана"),
		chromedp.SetValue(chromedp.CSS("#birth_date"), birth),
		chromedp.SetValue(chromedp.CSS("#region"), org.RegionCode),
		chromedp.SetValue(chromedp.CSS("#settlement"), "rural"),
		chromedp.SetValue(chromedp.CSS("#status"), "neet"),
		chromedp.SetValue(chromedp.CSS("#field"), "career"),
		chromedp.SendKeys(chromedp.CSS("#goals"), "Жұмыс табу"),
		chromedp.SetValue(chromedp.CSS("#language"), "kk"),
		chromedp.SendKeys(chromedp.CSS("#phone"), "+7 701 234 56 78"),
		chromedp.Click(chromedp.CSS("#youth-send")),
		chromedp.WaitVisible(chromedp.CSS("#own-link")))
	own := b.attr("#own-link a", "href")
	if !regexp.MustCompile(`/y/[A-Za-z0-9_-]{43}$`).MatchString(own) {
		t.Fatalf("the own link: %q", own)
	}
	if !strings.HasPrefix(own, "http") {
		own = s.url + own
	}
	if got := js(`document.querySelector("main").innerText`); !strings.Contains(got, "18-24") {
		t.Errorf("the confirmation: %q", got)
	}

	// The own page: the shortlist, three mentors ranked.
	run("the own page", chromedp.Navigate(own), chromedp.WaitVisible(chromedp.CSS(`html[lang="kk"] #choose`)))
	list := js(`document.querySelector("#mentors").innerText`)
	for _, m := range mentors {
		if !strings.Contains(list, m.first) {
			t.Errorf("%s is not on the shortlist: %q", m.first, list)
		}
	}
	if strings.Contains(list, "Сапаров") {
		t.Errorf("a mentor's last name on the shortlist: %q", list)
	}
	order := []journeyMentor{mentors[1], mentors[0], mentors[2]} // Bolat first
	run("rank three",
		chromedp.SetValue(chromedp.CSS("#choice_1"), strconv.FormatInt(order[0].id, 10)),
		chromedp.SetValue(chromedp.CSS("#choice_2"), strconv.FormatInt(order[1].id, 10)),
		chromedp.SetValue(chromedp.CSS("#choice_3"), strconv.FormatInt(order[2].id, 10)),
		chromedp.Click(chromedp.CSS("#save-choices")),
		chromedp.WaitVisible(chromedp.CSS("#saved")))
	if tag := b.content("#mentor-" + strconv.FormatInt(order[0].id, 10) + " .tag"); tag != "1-таңдау" {
		t.Errorf("the first choice's tag: %q", tag)
	}
	if got := js(`document.querySelector("#your-match").innerText`); !strings.Contains(got, "Тәлімгер әлі таңдалмады") {
		t.Errorf("before the matching: %q", got)
	}

	// The coordinator's matching for the cohort.
	login := func(email, pw string) {
		t.Helper()
		run("log in as "+email, chromedp.Navigate(s.url+"/login"),
			chromedp.WaitVisible(chromedp.CSS("#email")),
			chromedp.SendKeys(chromedp.CSS("#email"), email),
			chromedp.SendKeys(chromedp.CSS("#password"), pw),
			chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")))
	}
	logout := func() {
		t.Helper()
		run("log out", chromedp.Navigate(s.url+"/"), chromedp.Click(chromedp.CSS(".usermenu > summary")), chromedp.Click(chromedp.CSS("form.logout button")),
			chromedp.WaitVisible(chromedp.CSS("#email")))
	}
	login(demo.Email("coordinator"), demo.Password)
	run("the matching", chromedp.Navigate(s.url+"/matching/new"), chromedp.WaitVisible(chromedp.CSS("#run-form")),
		chromedp.Click(chromedp.CSS("#run-form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("#counts")))
	if got := b.content("#matched"); got != "1" {
		t.Errorf("matched %q, want 1", got)
	}
	props := js(`document.querySelector("#proposals").innerText`)
	if !strings.Contains(props, "Сейтқали Дана") || !strings.Contains(props, "Болат Сапаров") || !strings.Contains(props, "сіздің бірінші таңдауыңыз") {
		t.Errorf("the run's proposals: %s", props)
	}
	shootFull(t, step, "journey-run")
	proposed := order[0]
	logout()

	// The young person's page shows the proposal, explained in Kazakh.
	run("the own page after the run", chromedp.Navigate(own), chromedp.WaitVisible(chromedp.CSS("#proposals")))
	if got := js(`document.querySelector("#proposals").innerText`); !strings.Contains(got, proposed.first) {
		t.Errorf("the proposal on the own page: %q", got)
	}

	// The mentor proposed accepts, from their home.
	login(proposed.email, journeyPassword)
	if got := js(`document.querySelector("#mentor-proposals").innerText`); !strings.Contains(got, "Сейтқали Дана") {
		t.Errorf("the mentor's home: %q", got)
	}
	shootFull(t, step, "journey-mentor-home")
	run("my proposals", chromedp.Click(chromedp.CSS(`#mentor-proposals a[href="/my-proposals"]`)),
		chromedp.WaitVisible(chromedp.CSS("#proposals")))
	run("accept", chromedp.Click(chromedp.CSS("#proposals tbody tr form.inline button")),
		chromedp.WaitVisible(chromedp.CSS(".flash")), chromedp.WaitVisible(chromedp.CSS("#proposals tbody .tag.accepted")))

	// A session logged on the mentorship the acceptance made.
	run("home", chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(chromedp.CSS("#mentor-mentorships a")))
	if got := b.text("#mentor-mentorships a"); got != "Дана Сейтқали" {
		t.Errorf("the mentorship on the mentor's home: %q", got)
	}
	run("the mentorship", chromedp.Click(chromedp.CSS("#mentor-mentorships a")), chromedp.WaitVisible(chromedp.CSS("#held_on")))
	today := time.Now().UTC().Format(time.DateOnly) // the mentorship began today
	run("log a session",
		chromedp.SetValue(chromedp.CSS("#held_on"), today),
		chromedp.SendKeys(chromedp.CSS("#minutes"), "60"),
		chromedp.SetValue(chromedp.CSS("#format"), "online"),
		chromedp.SendKeys(chromedp.CSS("#topic"), "Түйіндеме жазу"),
		chromedp.Click(chromedp.CSS(`form[action$="/sessions"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash, .error-summary, .field-error, #held_on-error")))
	if b.content(".flash") == "" {
		t.Fatalf("the session is refused: %s", js(`document.querySelector("main").innerText`))
	}
	if got := js(`document.querySelector("#sessions-section table").innerText`); !strings.Contains(got, "Түйіндеме жазу") {
		t.Errorf("the mentorship's sessions: %q", got)
	}
	logout()

	// The young person's page: the mentorship and its session.
	run("the own page with the mentorship", chromedp.Navigate(own), chromedp.WaitVisible(chromedp.CSS(`#your-match article.card`)))
	match := js(`document.querySelector("#your-match").innerText`)
	for _, want := range []string{"Сіздің тәлімгеріңіз: " + proposed.first, "жүріп жатыр", "сіздің бірінші таңдауыңыз",
		"Түйіндеме жазу", "60"} {
		if !strings.Contains(match, want) {
			t.Errorf("the own page has no %q: %q", want, match)
		}
	}
	if strings.Contains(match, "Сапаров") {
		t.Errorf("the mentor's last name on the young person's page: %q", match)
	}
	if b.truth(`document.querySelector("#shortlist") !== null`) {
		t.Error("the shortlist is still offered beside an active mentorship")
	}
	shootFull(t, step, "journey-own-page")
}
