package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/natid"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
)

// TestBrowserParentAppliesInKazakhAndSeesApproved walks a parent through
// the public form in Kazakh on a phone, an operator of the organiser
// finding the child in the registry and approving the request, and the
// status page saying approved in Kazakh. The requests have no operator
// pages yet: the operator decides through the API (GET /api/v1/requests,
// POST /api/v1/requests/{id}/transitions) with their token.
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

	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(step, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(step, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return strings.TrimSpace(v)
	}
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
		chromedp.WaitVisible(chromedp.CSS("form.logout")),
		chromedp.Navigate(s.url+"/people?q="+iin),
		chromedp.WaitVisible(chromedp.CSS("main")),
	)
	if body := text("main"); !strings.Contains(body, "Сәрсенова") {
		t.Errorf("the operator's search for the IIN:\n%s", body)
	}
	token, _, err := s.app.Accounts.CreateToken(bg, access.System, op.ID, "road desk")
	if err != nil {
		t.Fatal(err)
	}
	req := findRequest(t, s.url, token, c.ID, ref)
	for i, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		apiPost(t, s.url+fmt.Sprintf("/api/v1/requests/%d/transitions", req.ID), token,
			fmt.Sprintf(`{"to": %q, "version": %d}`, to, req.Version+i))
	}
	run("log out and ask the status page",
		chromedp.Click(chromedp.CSS("details.menu summary")), // folded on a phone
		chromedp.Click(chromedp.CSS("form.logout button")),
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

// findRequest finds the request with reference ref among campaign's, as
// the operator's token sees them.
func findRequest(t *testing.T, base, token string, campaign int64, ref string) requests.Request {
	t.Helper()
	r, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/v1/requests?campaign=%d", base, campaign), nil)
	r.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var page struct {
		Items []requests.Request `json:"items"`
	}
	if err := json.NewDecoder(res.Body).Decode(&page); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("list requests: %d %v", res.StatusCode, err)
	}
	for _, q := range page.Items {
		if q.Reference == ref {
			return q
		}
	}
	t.Fatalf("request %s not among the operator's %d", ref, len(page.Items))
	return requests.Request{}
}

func apiPost(t *testing.T, url, token, body string) {
	t.Helper()
	r, _ := http.NewRequest("POST", url, strings.NewReader(body))
	r.Header.Set("Authorization", "Bearer "+token)
	r.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("POST %s %s: %d", url, body, res.StatusCode)
	}
}
