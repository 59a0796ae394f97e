package strands_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/outcomes"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/web/webtest"
)

// TestPagesInTheBrowser opens an activity with participants and a
// session, and the coverage report with its chart, in headless Chromium
// as a coordinator. With JOL_SCREENSHOTS naming a folder it saves both
// pages there, to be looked at by eye.
func TestPagesInTheBrowser(t *testing.T) {
	f := webtest.New(t)
	ctx, p := context.Background(), f.Coord.Principal()
	act := webtest.Must(f.Svc.Strands.Create(ctx, p, strands.Input{Name: "Dombra for beginners", Strand: strands.Creative,
		OrgID: f.Org.ID, RegionCode: "KZ-75", StartsOn: webtest.Day(2026, 9, 1), EndsOn: webtest.Day(2026, 12, 20),
		Capacity: 12, MinAge: 14, MaxAge: 24}))
	lead := webtest.Must(f.Svc.Strands.Create(ctx, p, strands.Input{Name: "School of young leaders, Almaty", Strand: strands.Leaders,
		OrgID: f.Org.ID, RegionCode: "KZ-75", StartsOn: webtest.Day(2026, 9, 1), EndsOn: webtest.Day(2027, 5, 31), Capacity: 40}))
	se := webtest.Must(f.Svc.Strands.AddSession(ctx, p, act.ID, webtest.Day(2026, 9, 1), "Kui of Kurmangazy", "Erlan Nurpeisov"))
	var marks []strands.Mark
	for i, name := range []string{"Aruzhan", "Dana", "Madina", "Tomiris", "Alia"} {
		id := young(t, f, name, 15+i*2)
		webtest.Must(f.Svc.Strands.Enrol(ctx, p, act.ID, id))
		if i%2 == 0 {
			webtest.Must(f.Svc.Strands.Join(ctx, id, lead.ID))
		}
		webtest.Check(t, f.Svc.Strands.SetProgress(ctx, p, act.ID, id, 20*i, ""))
		marks = append(marks, strands.Mark{YouthID: id, Present: i != 3})
		if i < 3 {
			webtest.Must(f.Svc.Outcomes.Set(ctx, p, id, outcomes.Input{Code: outcomes.Codes()[i], On: webtest.Day(2026, 8, 31)}))
		}
	}
	young(t, f, "Zhanna", 27)
	webtest.Check(t, f.Svc.Strands.RecordAttendance(ctx, p, se.ID, marks))

	bctx := webtest.Browser(t)
	bctx, cancel := context.WithTimeout(bctx, 90*time.Second)
	defer cancel()
	err := chromedp.Do(bctx, chromedp.Navigate(f.Srv.URL+"/login"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "coord@example.org"),
		chromedp.SendKeys(chromedp.CSS("#password"), webtest.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".usermenu > summary")),
		chromedp.Navigate(f.Srv.URL+"/activities/"+webtest.Itoa(act.ID)), chromedp.WaitVisible(chromedp.CSS("#participants")))
	if err != nil {
		t.Fatal(err)
	}
	activity, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	shot(t, bctx, "activity")
	err = chromedp.Do(bctx, chromedp.Navigate(f.Srv.URL+"/coverage"), chromedp.WaitVisible(chromedp.CSS("#by-region")))
	if err != nil {
		t.Fatal(err)
	}
	coverage, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	shot(t, bctx, "coverage")
	activity, coverage = strings.Join(strings.Fields(activity), " "), strings.Join(strings.Fields(coverage), " ")
	if !strings.Contains(activity, "Seitkali Tomiris") || !strings.Contains(activity, "4 came of 5 marked") {
		t.Errorf("activity page: %s", activity)
	}
	if !strings.Contains(coverage, "5 of the 20,000 young people targeted are reached") {
		t.Errorf("coverage page: %s", coverage)
	}
}

func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("JOL_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	webtest.Check(t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
}
