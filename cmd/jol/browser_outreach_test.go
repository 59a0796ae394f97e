package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/people"
)

// An outreach worker opens a flagged child from their queue, records a
// visit with the reason, a need and the family's consent to share the
// child's name, and refers the need to a charity. The charity's staff
// see the referral with the name and nothing else, and accept it; a
// referral sent to another charity is not found for them, and a case not
// at all. The worker records the enrolment and the one-month check. The
// queue, the case and the inbox fit a phone's screen.
func TestBrowserOutreachWorkerBringsAChildBack(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	w := outreachWorld(t, s)
	step, cancel := context.WithTimeout(ctx, 150*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js, text := b.run, b.js, b.content
	pick := func(sel, label string) {
		t.Helper()
		got := js(`(() => { const s = document.querySelector(` + strconv.Quote(sel) + `);
			const o = [...s.options].find(o => o.value && o.textContent.includes(` + strconv.Quote(label) + `));
			if (!o) return ""; s.value = o.value; return o.value })()`)
		if got == "" {
			t.Fatalf("%s offers no %q", sel, label)
		}
	}
	// submit clicks button sel and waits for the next page to replace
	// this one, then for next on it.
	submit := func(what, sel, next string) {
		t.Helper()
		js(`document.body.dataset.left = "1", ""`)
		run(what, chromedp.Click(chromedp.CSS(sel)), chromedp.WaitNotPresent(chromedp.CSS("body[data-left]")),
			chromedp.WaitVisible(chromedp.CSS(next)))
	}
	login := func(email string) {
		t.Helper()
		run("log in as "+email,
			chromedp.Navigate(s.url+"/login"),
			chromedp.WaitVisible(chromedp.CSS("#email")),
			chromedp.SendKeys(chromedp.CSS("#email"), email),
			chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
			chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
			chromedp.WaitReady(chromedp.CSS("form.logout")))
	}
	logout := func() {
		t.Helper()
		js(`document.querySelector("form.logout").submit(), ""`)
		run("log out", chromedp.WaitVisible(chromedp.CSS("#email")))
	}
	// shoot screenshots the page at a phone's width and on a desktop,
	// and fails when the phone's page is wider than its screen.
	shoot := func(name, path, ready string) {
		t.Helper()
		run("open "+name+" on a phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(s.url+path),
			chromedp.WaitVisible(chromedp.CSS(ready)))
		if js(`String(document.documentElement.scrollWidth <= window.innerWidth)`) != "true" {
			t.Errorf("%s is wider than the phone's screen", name)
		}
		shootFull(t, step, "outreach-"+name+"-390")
		run("open "+name+" on a desktop", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+path),
			chromedp.WaitVisible(chromedp.CSS(ready)))
		shootFull(t, step, "outreach-"+name+"-desktop")
	}
	casePath := "/outreach/" + strconv.FormatInt(w.caseID, 10)

	login(demo.Email("outreach"))
	shoot("queue", "/outreach", "table.queue")
	if row := text(`table.queue a[href="` + casePath + `"]`); !strings.Contains(text("table.queue"), "Nurlanova Aru") || row == "" {
		t.Fatalf("the queue lacks the flagged child: %s", text("main"))
	}
	if d := text("table.queue tbody td[data-label=District]"); !strings.HasPrefix(d, "Almaty") {
		t.Errorf("the district reads %q, want its name", d)
	}
	// The header's buttons keep together at its end, not in its middle.
	if gap := js(`(() => { const h = document.querySelector(".page-head").getBoundingClientRect();
		const b = document.querySelector(".page-head .row-actions").getBoundingClientRect();
		return String(Math.round(h.right - b.right)) })()`); gap != "0" {
		t.Errorf("the funnel button stands %spx from the header's end", gap)
	}
	submit("open the case from the queue", `table.queue td a[href="`+casePath+`"]`, "#contact-form")
	shoot("case", casePath, "#contact-form")
	if why := text("main"); !strings.Contains(why, "in the civil register, in no school's list") || !strings.Contains(why, "91%") {
		t.Fatalf("the case does not say why it was flagged: %s", why)
	}

	pick("#mode", "Visit")
	pick("#reason", "Poverty")
	run("note the visit", chromedp.SendKeys(chromedp.CSS("#contact-form #note"), "The family cannot buy a uniform"))
	submit("record the visit", "#contact-form button[type=submit]", "#needs-form")
	if st := text("#case-step"); st != "Contacted" {
		t.Fatalf("after the visit the step is %q", st)
	}
	run("tick the need", chromedp.Click(chromedp.CSS(`#needs-form input[value="device"]`)),
		chromedp.SendKeys(chromedp.CSS("#note_device"), "For lessons at home"))
	submit("record the need", "#needs-form button[type=submit]", "#refer-form")
	if n := text("#needs-title + ul"); !strings.Contains(n, "A tablet or computer — For lessons at home") {
		t.Fatalf("the needs read %q", n)
	}
	run("open the consent", chromedp.Click(chromedp.CSS("details:has(#share-form) > summary")))
	run("the family shares the name", chromedp.Click(chromedp.CSS(`#share-form input[value="name"]`)))
	submit("save the consent", "#share-form button[type=submit]", "#refer-form")
	pick("#refer-form #need", "A tablet or computer")
	pick("#refer-form #charity", "Meyirim")
	submit("refer the need", "#refer-form button[type=submit]", "#referrals")
	if r := text("#referrals"); !strings.Contains(r, "Meyirim") || !strings.Contains(r, "Waiting for an answer") {
		t.Fatalf("the referral reads %q", r)
	}
	logout()

	// The charity's staff: the referral, with the name only.
	login("staff@meyirim.example")
	shoot("inbox", "/referrals", "section.referral")
	card := text("section.referral")
	if !strings.Contains(card, "Nurlanova Aru") || !strings.Contains(card, "A tablet or computer") ||
		strings.Contains(card, "Poverty") || strings.Contains(card, "uniform") || strings.Contains(card, "2015") ||
		strings.Contains(card, "lessons at home") {
		t.Fatalf("the charity sees %q", card)
	}
	submit("accept the referral", `section.referral button[value="accept"]`, "p.flash")
	if st := text("section.referral .referral-status"); st != "Accepted" {
		t.Fatalf("after accepting the referral is %q", st)
	}
	run("open another charity's referral", chromedp.Navigate(s.url+"/referrals/"+strconv.FormatInt(w.otherReferral, 10)),
		chromedp.WaitVisible(chromedp.CSS("h1")))
	if page := text("main"); !strings.Contains(page, "The requested item was not found.") || strings.Contains(page, "Bekova") {
		t.Fatalf("another charity's referral shows %q", page)
	}
	shootFull(t, step, "outreach-charity-not-found")
	run("open the case itself", chromedp.Navigate(s.url+casePath), chromedp.WaitVisible(chromedp.CSS("h1")))
	if page := text("main"); strings.Contains(page, "Nurlanova") || strings.Contains(page, "civil register") {
		t.Fatalf("the charity opens the case: %q", page)
	}
	logout()

	// Back to the worker: the enrolment and the one-month check.
	login(demo.Email("outreach"))
	run("open the case", chromedp.Navigate(s.url+casePath), chromedp.WaitVisible(chromedp.CSS("#enrol-form")))
	if r := text("#referrals"); !strings.Contains(r, "Accepted") {
		t.Fatalf("the worker sees the referral as %q", r)
	}
	pick("#enrol-form #school", "№12")
	submit("record the enrolment", "#enrol-form button[type=submit]", "#check-form")
	if st := text("#case-step"); st != "Enrolled" {
		t.Fatalf("after the enrolment the step is %q", st)
	}
	submit("record the one-month check", "#check-form button[type=submit]", "#check-form")
	if c := text("#checks-title + ul"); !strings.Contains(c, "1") || !strings.Contains(c, "Attending") {
		t.Fatalf("the checks read %q", c)
	}
	if l := text("#check-form legend"); !strings.Contains(l, "3") {
		t.Fatalf("the next check is %q, want the three-month one", l)
	}
	shootFull(t, step, "outreach-case-enrolled-desktop")
}

// outreachWorld flags two children of Almaty for the demo's outreach
// worker: Aru, whose case the test walks, and Dana, whose need was
// referred to another charity. Aru's need goes to Meyirim, a charity of
// Almaty with a login of its own staff.
type outreachIDs struct{ caseID, otherReferral int64 }

func outreachWorld(t *testing.T, s *testServer) outreachIDs {
	t.Helper()
	ctx := context.Background()
	user := func(local string) accounts.User {
		u, err := s.app.Accounts.LookupEmail(ctx, demo.Email(local))
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	worker, coord := user("outreach"), user("coordinator").Principal()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var kids []people.Person
	for _, n := range [][2]string{{"Nurlanova", "Aru"}, {"Bekova", "Dana"}} {
		p, err := s.app.People.Create(ctx, access.System, people.Input{LastName: n[0], FirstName: n[1],
			BirthDate: time.Date(2015, 5, 1, 0, 0, 0, 0, time.UTC), Sex: people.Female, RegionCode: "KZ-75", OrgID: worker.OrgID})
		must(err)
		kids = append(kids, p)
	}
	res, err := s.app.Outreach.Flag(ctx, coord, []outreach.Flagged{
		{PersonID: kids[0].ID, Category: outreach.DroppedOut, Visibility: outreach.SemiInvisible, Confidence: 0.91,
			Why: "in the civil register, in no school's list", OrgID: worker.OrgID},
		{PersonID: kids[1].ID, Category: outreach.NeverEnrolled, Visibility: outreach.Invisible, Confidence: 0.8,
			Why: "in the health register only", OrgID: worker.OrgID}})
	must(err)
	if res.Created != 2 {
		t.Fatalf("flag %+v", res)
	}
	org, err := s.app.Orgs.Create(ctx, access.System, orgs.Input{Name: "Meyirim", Type: orgs.Charity, RegionCode: "KZ-75"})
	must(err)
	_, err = s.app.Charities.Create(ctx, coord, charities.Input{Name: "Meyirim", OrgID: org.ID, Capacity: 5, Active: true,
		Domains: []charities.Domain{charities.Devices, charities.Skills}, RegionCodes: []string{"KZ-75"}})
	must(err)
	_, err = s.app.Accounts.Create(ctx, access.System, accounts.NewUser{Email: "staff@meyirim.example", Name: "Saule Meyirim",
		Role: access.Charity, OrgID: org.ID, Locale: "en", Password: demo.Password})
	must(err)
	fund, err := s.app.Orgs.Create(ctx, access.System, orgs.Input{Name: "Children's Education Fund", Type: orgs.Charity,
		RegionCode: "KZ-75"})
	must(err)
	other, err := s.app.Charities.Create(ctx, coord, charities.Input{Name: "Children's Education Fund", OrgID: fund.ID,
		Capacity: 5, Active: true, Domains: []charities.Domain{charities.Health}, RegionCodes: []string{"KZ-75", "IR-23"}})
	must(err)
	queue, _, err := s.app.Outreach.Queue(ctx, worker.Principal(), outreach.Filter{}, outreach.Page{})
	must(err)
	ids := map[int64]int64{}
	for _, c := range queue {
		ids[c.PersonID] = c.ID
	}
	wp := worker.Principal()
	dana := ids[kids[1].ID]
	c, err := s.app.Outreach.Contact(ctx, wp, dana, 0, outreach.ContactInput{Mode: outreach.Call, Reason: outreach.Health})
	must(err)
	_, err = s.app.Outreach.AddNeeds(ctx, wp, dana, c.Version, []outreach.NeedNote{{Need: outreach.NeedHealth}})
	must(err)
	r, err := s.app.Outreach.Refer(ctx, wp, dana, 0, outreach.ReferInput{Need: outreach.NeedHealth, CharityID: other.ID})
	must(err)
	return outreachIDs{caseID: ids[kids[0].ID], otherReferral: r.ID}
}
