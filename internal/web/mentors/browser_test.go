package mentors_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/web/webtest"
)

// chromium starts headless Chromium for one test (webtest.Browser).
func chromium(t *testing.T) context.Context { return webtest.Browser(t) }

// shot saves the whole page when JOL_SCREENSHOTS names a directory, for
// looking at the pages by eye.
func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("JOL_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	webtest.Check(t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
}

// A visitor applies in Kazakh in the browser: a capacity out of range
// comes back beside its field with everything typed kept; fixed, the
// application is received. The coordinator approves it from the list and
// sees, on the mentor's page, that the school is not finished; a cohort's
// progress names what each member misses.
func TestBrowserApplyAndFollowTheSchool(t *testing.T) {
	ctx := chromium(t)
	f := webtest.New(t)
	base := f.Srv.URL
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return strings.Join(strings.Fields(v), " ")
	}
	do("the form in Kazakh", chromedp.Navigate(base+"/login"),
		chromedp.Evaluate[chromedp.Void](`document.cookie = "jol_lang=kk; path=/"`), chromedp.Navigate(base+"/mentors/apply"))
	do("filling the form", chromedp.SendKeys(chromedp.CSS(`#name`), "Айгерім Нұрланқызы"), chromedp.SendKeys(chromedp.CSS(`#email`), "aigerim@example.org"),
		chromedp.SetValue(chromedp.CSS(`#background`), "young_deputy"), chromedp.SetValue(chromedp.CSS(`#org`), webtest.Itoa(f.Org.ID)),
		chromedp.SetValue(chromedp.CSS(`#region`), "KZ-75"), chromedp.Click(chromedp.CSS(`input[name=fields][value=career]`)),
		chromedp.Click(chromedp.CSS(`input[name=languages][value=kk]`)), chromedp.Click(chromedp.CSS(`input[name=online]`)),
		chromedp.SetValue(chromedp.CSS(`#capacity`), "80"), chromedp.Click(chromedp.CSS(`input[name=minors]`)))
	shot(t, ctx, "mentor-apply-filled")
	do("sending", chromedp.Submit(chromedp.CSS(`#mentor-apply`)), chromedp.WaitVisible(chromedp.CSS(`.error-summary`)))
	if got := text(`#capacity-error`); !strings.Contains(got, "50") {
		t.Fatalf("the capacity's error: %q", got)
	}
	if got, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("input[name=fields][value=career]").checked && document.querySelector("#name").value === "Айгерім Нұрланқызы"`)); err != nil || !got {
		t.Fatalf("the form lost what was typed: %v", err)
	}
	shot(t, ctx, "mentor-apply-errors")
	do("fixing", chromedp.SetValue(chromedp.CSS(`#capacity`), "3"), chromedp.Submit(chromedp.CSS(`#mentor-apply`)), chromedp.WaitVisible(chromedp.CSS(`#applied`)))

	do("logging in", chromedp.Evaluate[chromedp.Void](`document.cookie = "jol_lang=en; path=/"`), chromedp.Navigate(base+"/login"),
		chromedp.SendKeys(chromedp.CSS(`#email`), f.Coord.Email), chromedp.SendKeys(chromedp.CSS(`#password`), webtest.Password),
		chromedp.Submit(chromedp.CSS(`#password`)), chromedp.WaitReady(chromedp.CSS(`nav a[href="/mentors"]`)))
	ctxb := context.Background()
	admin := access.System
	for i, name := range []string{"Bolat Serikuly", "Dana Akhmetova", "Erlan Zhaksybek"} {
		webtest.Must(f.Svc.Mentoring.Create(ctxb, admin, mentoring.Input{Name: name, Phone: "+7 701 000 00 0" + webtest.Itoa(int64(i)),
			Background: mentoring.Backgrounds()[i], Fields: []string{"career", "sport"}, Languages: []string{"kk", "ru"},
			OrgID: f.Org.ID, RegionCode: "KZ-75", InPerson: true, Online: i > 0, Capacity: 2 + i}))
	}
	do("the list", chromedp.Navigate(base+"/mentors"), chromedp.WaitVisible(chromedp.CSS(`#mentors`)))
	shot(t, ctx, "mentors-list")
	do("the applicant", chromedp.Click(chromedp.Search(`//a[contains(., "Айгерім")]`)), chromedp.WaitVisible(chromedp.CSS(`#decide-form`)),
		chromedp.Click(chromedp.CSS(`#decide-form button[value=approve]`)), chromedp.WaitVisible(chromedp.CSS(`#status.approved`)))
	if got := text(`#eligible-adults`); !strings.Contains(got, "final check") {
		t.Fatalf("the mentor without the school: %q", got)
	}
	shot(t, ctx, "mentor-page")

	mods := []mentoring.Module{{Code: "state", Name: "State programmes for young people", Required: true},
		{Code: "safe", Name: "Safeguarding", Required: true, Position: 1}, {Code: "how", Name: "How to mentor", Required: true, Position: 2}}
	for i := range mods {
		mods[i] = webtest.Must(f.Svc.Mentoring.AddModule(ctxb, admin, mods[i]))
	}
	c := webtest.Must(f.Svc.Mentoring.CreateCohort(ctxb, admin, mentoring.Cohort{Name: "Autumn 2026", OrgID: f.Org.ID,
		StartsOn: webtest.Day(2026, 9, 1), EndsOn: webtest.Day(2026, 9, 30)}))
	list, _ := webtest.Must2(f.Svc.Mentoring.Page(ctxb, admin, mentoring.ListFilter{}, store.Page{Limit: 50}))
	var ids []int64
	for _, m := range list {
		webtest.Check(t, f.Svc.Mentoring.Enrol(ctxb, admin, c.ID, m.ID))
		ids = append(ids, m.ID)
	}
	for i, mod := range mods {
		ses := webtest.Must(f.Svc.Mentoring.AddSession(ctxb, admin, mentoring.Session{CohortID: c.ID, ModuleID: mod.ID,
			HeldOn: webtest.Day(2026, 9, 5+7*i), Trainer: "B. Omarov"}))
		webtest.Check(t, f.Svc.Mentoring.RecordAttendance(ctxb, admin, ses.ID, ids[:len(ids)-i]))
	}
	webtest.Check(t, f.Svc.Mentoring.RecordFinal(ctxb, admin, c.ID, ids[0], true, 91, webtest.Day(2026, 9, 30)))
	webtest.Check(t, f.Svc.Mentoring.RecordFinal(ctxb, admin, c.ID, ids[1], false, 42, webtest.Day(2026, 9, 30)))
	do("the cohort", chromedp.Navigate(base+"/mentors/school/cohorts/"+webtest.Itoa(c.ID)), chromedp.WaitVisible(chromedp.CSS(`#progress`)))
	if got := text(`#counts`); !strings.Contains(got, "4 members; 1 finished") {
		t.Fatalf("the cohort's counts: %q", got)
	}
	shot(t, ctx, "mentor-cohort")
	if r := f.Login(t, f.Coord.Email).Get("/mentors/stats"); r.Status != http.StatusOK {
		t.Fatalf("stats = %d", r.Status)
	}
}
