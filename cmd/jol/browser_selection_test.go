package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/store"
)

// A coordinator reads a ranked selection — every row with its reason —
// and a visitor reads the published shortlist, which names only the young
// people who consented. Both pages fit a phone's screen.
func TestBrowserSelectionRankingAndShortlist(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	bg := context.Background()
	c := mustUser(t, s, "coordinator")
	sel, err := s.app.Selection.Create(bg, access.System, selection.Input{Name: "School of young leaders 2026",
		OrgID: c.orgID, Places: 6, QuotaMode: selection.Fixed, TieRule: selection.RegisteredFirst, AppealDays: 3,
		Quotas: map[selection.Macro]int{selection.South: 2, selection.North: 1, selection.West: 1, selection.Centre: 1, selection.East: 1}})
	if err != nil {
		t.Fatal(err)
	}
	db := s.app.db
	people := []struct {
		last, first, region string
		consent             bool
		score               float64
	}{
		{"Абенова", "Аружан", "KZ-75", true, 92}, {"Беков", "Нурлан", "KZ-79", false, 88}, {"Даулетова", "Дана", "KZ-61", true, 85},
		{"Ермеков", "Ерлан", "KZ-55", true, 71}, {"Жанова", "Жания", "KZ-71", false, 77}, {"Ибраев", "Ислам", "KZ-63", true, 64},
		{"Касымова", "Камила", "KZ-10", true, 60},
	}
	var youth []int64
	for i, p := range people {
		var id int64
		if err := db.W.QueryRow(store.Rebind(db.Engine, `INSERT INTO youth (identity, last_name, first_name, birth_date,
			age_group, region_id, region_path, settlement, status, field, language, channel, shortlist_consent, org_id,
			org_path, registered_on, created_at, updated_at)
			SELECT $1, $2, $3, $4, '18-24', r.id, r.path, 'rural', 'neet', 'media', 'kk', 'web', $5, o.id, o.path, $4, $6, $6
			FROM regions r, organisations o WHERE r.code = $7 AND o.id = $8 RETURNING id`), fmt.Sprintf("browser-%d", i),
			p.last, p.first, time.Date(2004, 5, 1, 0, 0, 0, 0, time.UTC), p.consent, time.Now(), p.region, c.orgID).Scan(&id); err != nil {
			t.Fatal(err)
		}
		youth = append(youth, id)
		if err := s.app.Selection.Enter(bg, access.System, sel.ID, selection.Score{Round: "Regional round " + p.region, YouthID: id, Score: p.score}); err != nil {
			t.Fatal(err)
		}
	}
	for _, step := range []func(context.Context, access.Principal, int64) (selection.Selection, error){s.app.Selection.Rank, s.app.Selection.OpenAppeals} {
		if _, err := step(bg, access.System, sel.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.app.Selection.FileOwn(bg, sel.ID, youth[6], "My second round was not counted"); err != nil {
		t.Fatal(err)
	}
	step, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	b.logIn(s.url, "coordinator")
	page := fmt.Sprintf("/selections/%d", sel.ID)
	look := func(name, path, ready string) {
		t.Helper()
		run("open "+name+" on a phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(s.url+path), chromedp.WaitVisible(chromedp.CSS(ready)))
		if js(`String(document.documentElement.scrollWidth <= window.innerWidth)`) != "true" {
			t.Errorf("%s is wider than the phone's screen", name)
		}
		shootFull(t, step, "selection-"+name+"-390")
		run("open "+name+" on a desktop", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+path), chromedp.WaitVisible(chromedp.CSS(ready)))
		shootFull(t, step, "selection-"+name+"-desktop")
	}
	look("ranking", page, "#ranking-table")
	rows := js(`document.querySelector("#ranking-table tbody").innerText`)
	for _, want := range []string{"No. 1 in the South, within its quota of 2", "No. 3 in the South, beyond its quota of 2",
		"No. 2 in the East, below its quota of 1"} {
		if !strings.Contains(rows, want) {
			t.Errorf("ranking lacks %q: %s", want, rows)
		}
	}
	if !strings.Contains(js(`document.querySelector("#appeal-list").innerText`), "My second round was not counted") {
		t.Error("the appeal is not listed")
	}
	if _, err := db.W.Exec(store.Rebind(db.Engine, "UPDATE selections SET appeals_close_on = $1 WHERE id = $2"),
		time.Now().AddDate(0, 0, -1).UTC().Truncate(24*time.Hour), sel.ID); err != nil {
		t.Fatal(err)
	}
	appeals, _ := s.app.Selection.Appeals(bg, access.System, sel.ID)
	if _, err := s.app.Selection.Decide(bg, access.System, appeals[0].ID, selection.Decision{Reason: "Both rounds were counted"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.app.Selection.Publish(bg, access.System, sel.ID); err != nil {
		t.Fatal(err)
	}
	js(`document.querySelector("form.logout").submit(), ""`)
	run("log out", chromedp.WaitVisible(chromedp.CSS("#email")))
	look("shortlist", fmt.Sprintf("/shortlists/%d", sel.ID), "#shortlist")
	list := js(`document.querySelector("#shortlist").innerText`)
	if !strings.Contains(list, "Аружан Абенова") || strings.Contains(list, "Беков") || strings.Contains(list, "Жанова") ||
		!strings.Contains(list, "A participant from Shymkent") {
		t.Errorf("shortlist: %s", list)
	}
}
