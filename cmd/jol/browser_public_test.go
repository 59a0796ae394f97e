package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
)

// TestBrowserParentAppliesInKazakhAndSeesApproved walks a parent through
// the public form in Kazakh on a phone, an operator of the organiser
// finding the child in the registry and approving the request, and the
// status page saying approved in Kazakh. The campaign has rules: the
// operator opens the request from the campaign's request list, reads the
// explanation (every rule line and the score), approves it with the
// page's buttons, and the status page gives the family the short result.
func TestBrowserParentAppliesInKazakhAndSeesApproved(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	bg := context.Background()
	fund := mustUser(t, s, "coordinator").orgID
	var fundPath string
	if err := s.app.db.R.QueryRow(store.Rebind(s.app.db.Engine, "SELECT path FROM organisations WHERE id = $1"), fund).Scan(&fundPath); err != nil {
		t.Fatal(err)
	}
	c := requeststest.Open(t, s.app.db, time.Now(), "road-kk", fund, fundPath, "KZ-35")
	if _, err := s.app.db.W.Exec(store.Rebind(s.app.db.Engine, `INSERT INTO campaign_texts (campaign_id, locale, name)
		VALUES ($1, 'kk', 'Мектепке жол'), ($1, 'en', 'Road to School')`), c.ID); err != nil {
		t.Fatal(err)
	}
	op, err := s.app.Accounts.Create(bg, access.System, accounts.NewUser{Email: "road.operator@demo.jol.example",
		Name: "Сенім телефоны", Role: access.Operator, OrgID: fund, Locale: "kk", Password: "road operator pass"})
	if err != nil {
		t.Fatal(err)
	}
	birth := time.Date(time.Now().Year()-9, 3, 4, 0, 0, 0, 0, time.UTC)
	iin, err := natid.MakeIIN(birth, natid.Female, 77)
	if err != nil {
		t.Fatal(err)
	}
	kk := s.app.Catalog.Localizer(i18n.KK)
	rules := eligibility.Rules{All: eligibility.Criteria{Age: &eligibility.Range{Min: 6, Max: 17}, Regions: []string{"/KZ/KZ-35/"}}}
	if _, err := s.app.Eligibility.SaveRuleSet(bg, access.System, c.ID, rules, eligibility.Weights{SingleGuardian: 10, PerChild: 4}); err != nil {
		t.Fatal(err)
	}

	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	b := tab{t, step}
	run, text := b.run, b.text
	size := "#size_" + fmt.Sprint(c.Uniform)
	run("open the form on a phone and choose Kazakh",
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(s.url+"/c/road-kk/apply"),
		chromedp.WaitVisible(chromedp.CSS("#lang-select")),
		chromedp.SetValue(chromedp.CSS("#lang-select"), "kk"),
		chromedp.Click(chromedp.CSS("#lang-apply")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="kk"] #last_name`)),
	)
	if h := text("h1"); h != "Мектепке жол" {
		t.Errorf("form heading %q", h)
	}
	shoot(t, step, "public-apply-kk")
	run("fill in the form",
		chromedp.SendKeys(chromedp.CSS("#last_name"), "Сәрсенова"),
		chromedp.SendKeys(chromedp.CSS("#first_name"), "Айгерім"),
		chromedp.SetValue(chromedp.CSS("#birth_date"), birth.Format(time.DateOnly)),
		chromedp.SetValue(chromedp.CSS("#sex"), "F"),
		chromedp.SendKeys(chromedp.CSS("#national_id"), iin),
		chromedp.SendKeys(chromedp.CSS("#guardian_last_name"), "Сәрсенова"),
		chromedp.SendKeys(chromedp.CSS("#guardian_first_name"), "Динара"),
		chromedp.SendKeys(chromedp.CSS("#guardian_phone"), "+7 701 555 12 34"),
		chromedp.SetValue(chromedp.CSS("#relation"), "mother"),
		chromedp.SetValue(chromedp.CSS("#region"), "KZ-35"),
		chromedp.Click(chromedp.CSS(fmt.Sprintf("#item_%d", c.Kit))),
		chromedp.Click(chromedp.CSS(fmt.Sprintf("#item_%d", c.Uniform))),
		chromedp.SendKeys(chromedp.CSS(size), "128"),
		chromedp.Click(chromedp.CSS("#consent")),
		chromedp.Click(chromedp.CSS("form.apply-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#reference")),
	)
	ref := text("#reference")
	if _, err := requests.ParseReference(ref); err != nil {
		t.Fatalf("reference %q: %v", ref, err)
	}
	if h := text("h1"); h != kk.T("public.done_title") {
		t.Errorf("confirmation heading %q", h)
	}
	shoot(t, step, "public-applied-kk")

	run("the operator logs in and finds the child in the registry",
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), op.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), "road operator pass"),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")),
		chromedp.Navigate(s.url+"/people?q="+iin),
		chromedp.WaitVisible(chromedp.CSS("main")),
	)
	if body := text("main"); !strings.Contains(body, "Сәрсенова") {
		t.Errorf("the operator's search for the IIN:\n%s", body)
	}
	var reqID int64
	if err := s.app.db.R.QueryRow(store.Rebind(s.app.db.Engine, "SELECT id FROM requests WHERE reference = $1"), ref).Scan(&reqID); err != nil {
		t.Fatal(err)
	}
	s.app.Eligibility.Settle() // the request is evaluated after its commit
	st, err := s.app.Eligibility.Current(bg, access.System, reqID)
	if err != nil {
		t.Fatalf("the request was not evaluated: %v", err)
	}
	explained, err := s.app.Explain(bg, kk, st)
	if err != nil {
		t.Fatal(err)
	}
	link := fmt.Sprintf(`a[href="/requests/%d"]`, reqID)
	run("the operator opens the request from the campaign's request list",
		chromedp.Navigate(fmt.Sprintf("%s/requests?campaign=%d", s.url, c.ID)),
		chromedp.WaitVisible(chromedp.CSS(link)),
		chromedp.Click(chromedp.CSS(link)),
		chromedp.WaitVisible(chromedp.CSS("#eligibility")),
	)
	page := text("#eligibility")
	for _, line := range explained.Long {
		if !strings.Contains(page, line) {
			t.Errorf("the request page lacks the line %q:\n%s", line, page)
		}
	}
	if !strings.Contains(explained.Long[0], "барлығы") || len(explained.Long) < 3 {
		t.Errorf("the explanation has no score or too few rule lines: %q", explained.Long)
	}
	shoot(t, step, "request-explained-kk")
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		button := fmt.Sprintf(`button[name="to"][value=%q]`, to)
		run("decide: "+string(to), chromedp.WaitVisible(chromedp.CSS(button)), chromedp.Click(chromedp.CSS(button)))
		want, got := kk.T("requeststatus."+string(to)), ""
		for deadline := time.Now().Add(20 * time.Second); got != want && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if v, err := chromedp.Run(step, chromedp.Text(chromedp.CSS("#status"))); err == nil {
				got = strings.TrimSpace(v)
			}
		}
		if got != want {
			t.Fatalf("after %s the page says %q, want %q", to, got, want)
		}
	}
	run("log out and ask the status page",
		chromedp.Click(chromedp.CSS("details.menu summary")), // folded on a phone
		chromedp.Click(chromedp.CSS(".usermenu > summary")), chromedp.Click(chromedp.CSS("form.logout button")),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.Navigate(s.url+"/status"),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="kk"] #reference`)),
		chromedp.SendKeys(chromedp.CSS("#reference"), strings.ToLower(ref)),
		chromedp.SendKeys(chromedp.CSS("#phone"), "8 701 555 12 34"),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#status-label")),
	)
	if got := text("#status-label"); got != kk.T("public.status.approved") {
		t.Errorf("status %q, want %q", got, kk.T("public.status.approved"))
	}
	if got := text("#status-explain"); got != kk.T("public.explain.approved") {
		t.Errorf("explanation %q", got)
	}
	if got := text("#status-eligibility"); got != explained.Short {
		t.Errorf("short explanation %q, want %q", got, explained.Short)
	}
	if body := text("main"); strings.Contains(body, "Айгерім") || strings.Contains(body, "Сәрсенова") {
		t.Error("the status page shows the child's name")
	}
	shoot(t, step, "public-status-kk")
	run("the status page in Persian reads right to left",
		chromedp.SetValue(chromedp.CSS("#lang-select"), "fa"),
		chromedp.Click(chromedp.CSS("#lang-apply")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="fa"][dir="rtl"] #reference`)),
		chromedp.SendKeys(chromedp.CSS("#reference"), ref),
		chromedp.SendKeys(chromedp.CSS("#phone"), "۸۷۰۱۵۵۵۱۲۳۴"), // typed in Persian digits
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#status-label")),
	)
	if got, want := text("#status-label"), s.app.Catalog.Localizer(i18n.FA).T("public.status.approved"); got != want {
		t.Errorf("Persian status %q, want %q", got, want)
	}
	shoot(t, step, "public-status-fa")
	run("the form in Persian", chromedp.Navigate(s.url+"/c/road-kk/apply"), chromedp.WaitVisible(chromedp.CSS(`html[dir="rtl"] #last_name`)))
	shoot(t, step, "public-apply-fa")
}
