package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/tournament"
	"github.com/jolproject/jol/internal/youth"
)

// A coordinator creates a tournament of eight teams, pairs round 1, is
// refused pairing round 2 before the ballots are in and a ballot out of
// range, enters the ballots, pairs round 2 (no repeat), enters its
// ballots, breaks to four and reads the standings and the bracket.
func TestBrowserDebateTournament(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	coord := mustUser(t, s, "coordinator")
	bg := context.Background()
	org, err := s.app.Orgs.Get(bg, access.System, coord.orgID)
	if err != nil {
		t.Fatal(err)
	}
	var ys []string
	for i := range 16 {
		r, err := s.app.Youth.Register(bg, youth.FormPrincipal(org.ID, org.Path), org.ID, youth.Input{LastName: "Оспанов",
			FirstName: fmt.Sprintf("Дебатер%d", i+1), Birth: time.Date(2007, 3, 1+i, 0, 0, 0, 0, time.UTC), RegionCode: org.RegionCode,
			Settlement: youth.Rural, Status: youth.NEET, Field: "media", Language: "kk",
			Contact: youth.Contact{Phone: fmt.Sprintf("+7 702 %07d", i+1)}, Channel: youth.Web, Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 00 00"}})
		if err != nil {
			t.Fatal(err)
		}
		ys = append(ys, fmt.Sprint(r.ID))
	}
	step, cancel := context.WithTimeout(ctx, 180*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	// fill sets the fields of the form sel and submits it, waiting for the
	// page that follows to show wait.
	fill := func(what, sel string, values map[string]string, submit, wait string) {
		t.Helper()
		var set strings.Builder
		for k, v := range values {
			fmt.Fprintf(&set, "f.querySelector('[name=%q]').value = %q;", k, v)
		}
		// The flash and the refusal of the page before are taken away, so
		// the wait below sees the next page's.
		js(fmt.Sprintf(`(() => { document.querySelectorAll(".flash, .error-summary").forEach(e => e.remove());
			const f = document.querySelector(%q); %s return "" })()`, sel, set.String()))
		run(what, chromedp.Click(chromedp.CSS(submit)), chromedp.WaitVisible(chromedp.CSS(wait+", .error-summary")))
		if wait != ".error-summary" {
			if got := b.content(".error-summary"); got != "" {
				t.Fatalf("%s: refused: %s", what, got)
			}
		}
	}
	run("log in as the coordinator and open the tournaments",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitReady(chromedp.CSS(`nav a[href="/tournaments"]`)),
		chromedp.Click(chromedp.CSS(`.navgroup:has(a[href="/tournaments"]) > details > summary`)),
		chromedp.Click(chromedp.CSS(`nav a[href="/tournaments"]`)),
		chromedp.WaitVisible(chromedp.CSS("#new-tournament")),
		chromedp.Click(chromedp.CSS("#new-tournament")),
		chromedp.WaitVisible(chromedp.CSS("#tournament-form")),
	)
	fill("create the tournament", "#tournament-form", map[string]string{"name": "Кубок Караганды", "prelims": "2", "break_size": "4",
		"qualifiers": "2", "speakers": "2", "min_score": "60", "max_score": "80", "panel_size": "1"}, "#create", "#team-form")
	page := js(`location.pathname`)
	for i := range 8 {
		school := fmt.Sprint("Школа ", i/2+1) // two teams of each school
		fill("enter a team", "#team-form", map[string]string{"team_name": fmt.Sprintf("Команда %c", 'A'+i), "team_school": school,
			"team_region": org.RegionCode, "members": ys[2*i] + ", " + ys[2*i+1]}, "#add-team", ".flash")
	}
	for i, school := range []string{"Школа 1", "Лицей", "Гимназия", "Колледж", "Школа 9"} {
		fill("enter a judge", "#judge-form", map[string]string{"judge_name": fmt.Sprint("Судья ", i+1), "judge_school": school,
			"strength": fmt.Sprint(50 + i)}, "#add-judge", ".flash")
	}
	if n := js(`String(document.querySelectorAll("#team-table tbody tr").length)`); n != "8" {
		t.Fatalf("%s teams listed", n)
	}
	id := int64(0)
	fmt.Sscanf(page, "/tournaments/%d", &id)
	book := func() *tournament.Book {
		t.Helper()
		bk, err := s.app.Tournaments.Book(bg, access.System, id)
		if err != nil {
			t.Fatal(err)
		}
		return bk
	}
	pairs := func() []string {
		return strings.Split(js(`Array.from(document.querySelectorAll("#draw tbody tr")).map(r => [r.cells[0].innerText, r.cells[1].innerText].sort().join(" v ")).join("|")`), "|")
	}
	// decide enters the ballots of the latest round, the proposition
	// winning; the first is tried with a score out of range.
	decide := func() {
		t.Helper()
		round := js(`location.pathname`)
		for i, d := range book().Latest().Debates {
			form := fmt.Sprintf("#ballot-%d", d.ID)
			if i == 0 {
				run("choose the winner", chromedp.Click(chromedp.CSS(form+` input[value="prop"]`)))
				fill("a score out of range", form, map[string]string{"prop_1": "75", "prop_2": "95", "opp_1": "70", "opp_2": "70"},
					fmt.Sprintf("#save-%d", d.ID), ".error-summary")
				if got := js(`document.querySelector(".error-summary").innerText`); !strings.Contains(got, "95") {
					t.Errorf("the refusal: %s", got)
				}
				run("back to the round", chromedp.Navigate(s.url+round), chromedp.WaitVisible(chromedp.CSS(form)))
			}
			run("choose the winner", chromedp.Click(chromedp.CSS(form+` input[value="prop"]`)))
			fill("enter a ballot", form, map[string]string{"prop_1": "75", "prop_2": "74", "opp_1": "70", "opp_2": "71"},
				fmt.Sprintf("#save-%d", d.ID), ".flash")
		}
	}
	run("pair round 1", chromedp.Click(chromedp.CSS("#pair")), chromedp.WaitVisible(chromedp.CSS("#publish")))
	first := pairs()
	if len(first) != 4 {
		t.Fatalf("round 1: %v", first)
	}
	if got := js(`document.querySelector("#notes").innerText`); !strings.Contains(got, "every rule of the draw is kept") && !strings.Contains(got, "both from") {
		t.Errorf("the notes of round 1: %s", got)
	}
	run("try to pair round 2 at once", chromedp.Navigate(s.url+page), chromedp.Click(chromedp.CSS("#pair")), chromedp.WaitVisible(chromedp.CSS(".error-summary")))
	if got := js(`document.querySelector(".error-summary").innerText`); !strings.Contains(got, "Round 1 is not finished") {
		t.Errorf("pairing before the ballots: %s", got)
	}
	run("publish round 1", chromedp.Click(chromedp.CSS(`#round-list a`)), chromedp.WaitVisible(chromedp.CSS("#publish")),
		chromedp.Click(chromedp.CSS("#publish")), chromedp.WaitVisible(chromedp.CSS("#published")))
	decide()
	shootFull(t, step, "debate-draw")
	run("pair round 2", chromedp.Navigate(s.url+page), chromedp.Click(chromedp.CSS("#pair")), chromedp.WaitVisible(chromedp.CSS("#publish")))
	second := pairs()
	for _, p := range second {
		if slices.Contains(first, p) {
			t.Errorf("round 2 repeats %s", p)
		}
	}
	run("publish round 2", chromedp.Click(chromedp.CSS("#publish")), chromedp.WaitVisible(chromedp.CSS("#published")))
	decide()
	run("break to four", chromedp.Navigate(s.url+page), chromedp.Click(chromedp.CSS("#break")), chromedp.WaitVisible(chromedp.CSS("#publish")))
	if n := len(pairs()); n != 2 {
		t.Errorf("%d semi-finals", n)
	}
	run("read the standings", chromedp.Navigate(s.url+page+"/standings"), chromedp.WaitVisible(chromedp.CSS("#standings")))
	rows := js(`document.querySelector("#standings tbody").innerText`)
	if strings.Count(rows, "seed ") != 4 || !strings.Contains(js(`document.querySelector("#tie-rule").innerText`), "Ranked by wins") ||
		!strings.Contains(js(`document.querySelector("#bracket").innerText`), "Elimination round 1") {
		t.Errorf("the standings: %s", rows)
	}
	shootFull(t, step, "debate-standings")
}
