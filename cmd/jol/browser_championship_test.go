package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/youth"
)

// seedChampionship opens a case championship of Almaty run by the
// coordinator's foundation, with eight teams of two registered young
// people and two jurors of other regions who have scored six teams, and
// returns it with its jurors.
func seedChampionship(t *testing.T, s *testServer) (championship.Championship, []championship.Juror, []championship.Team) {
	t.Helper()
	ctx := context.Background()
	coord := mustUser(t, s, "coordinator")
	u, err := s.app.Accounts.LookupEmail(ctx, demo.Email("coordinator"))
	check(t, err)
	p, cs := u.Principal(), s.app.Championship
	c, err := cs.Create(ctx, p, championship.Input{OrgID: coord.orgID, RegionCode: "KZ-75",
		Name: "Жастар мәселесі жастардың көзімен — Алматы", Starts: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
		Ends: time.Date(2026, 10, 3, 0, 0, 0, 0, time.UTC), Rubric: []championship.Criterion{
			{Code: "analysis", Name: "Мәселені талдау", Weight: 3, Min: 0, Max: 10},
			{Code: "solution", Name: "Ұсынылған шешім", Weight: 2, Min: 0, Max: 10},
			{Code: "delivery", Name: "Таныстырылым", Weight: 1, Min: 1, Max: 5}}})
	check(t, err)
	names := []string{"Ақсу", "Бота", "Дала", "Жұлдыз", "Көктем", "Самал", "Тұлпар", "Шапағат"}
	var teams []championship.Team
	for i, name := range names {
		var members []int64
		for k := range 2 {
			n := i*2 + k
			r, err := s.app.Youth.Register(ctx, p, coord.orgID, youth.Input{LastName: "Сейтқали",
				FirstName: "Ару" + strconv.Itoa(n), Birth: time.Date(2006, 3, 1+n, 0, 0, 0, 0, time.UTC),
				RegionCode: "KZ-75", Settlement: youth.Urban, Status: youth.NEET, Field: "career", Language: "kk",
				Contact: youth.Contact{Email: fmt.Sprintf("aru%d@example.org", n)}, Channel: youth.Web, Guardian: youth.GuardianDetails{Name: "Gulnar Seitkali", Relation: "mother", Contact: "+7 701 000 00 00"}})
			check(t, err)
			members = append(members, r.ID)
		}
		tm, err := cs.RegisterTeam(ctx, p, c.ID, championship.TeamInput{Name: name, RegionCode: "KZ-75", Members: members})
		check(t, err)
		teams = append(teams, tm)
	}
	var jurors []championship.Juror
	for _, j := range []championship.JurorInput{{Name: "Ерлан Сапаров", RegionCode: "KZ-71"}, {Name: "Динара Омарова", RegionCode: "KZ-79"}} {
		jr, err := cs.AddJuror(ctx, p, c.ID, j)
		check(t, err)
		jurors = append(jurors, jr)
	}
	c, err = cs.SetState(ctx, p, c.ID, championship.Scoring, c.Version)
	check(t, err)
	for i, tm := range teams[:6] {
		for k, j := range jurors {
			check(t, cs.Score(ctx, p, c.ID, championship.Sheet{JurorID: j.ID, TeamID: tm.ID, Scores: map[string]int{
				"analysis": 4 + (i*3+k)%7, "solution": 5 + (i+k)%5, "delivery": 1 + (i+2*k)%5}}))
		}
	}
	return c, jurors, teams
}

// A coordinator opens a championship's leaderboard, scores an unscored
// team out of range (refused beside the field, the input kept), then
// within range, and finds the team on the board.
func TestBrowserChampionshipScoring(t *testing.T) {
	ctx := browser(t)
	s := startServer(t)
	c, jurors, teams := seedChampionship(t, s)
	step, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	b := tab{t, step}
	run, js := b.run, b.js
	id := strconv.FormatInt(c.ID, 10)
	run("log in as the coordinator and open the championship",
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(s.url+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), demo.Email("coordinator")),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/championships"]`)),
		chromedp.Navigate(s.url+"/championships/"+id),
		chromedp.WaitVisible(chromedp.CSS("#leaderboard")),
	)
	if got := js(`document.querySelector("#tie-break").textContent`); !strings.Contains(got, "Мәселені талдау → Ұсынылған шешім → Таныстырылым") {
		t.Errorf("tie-break rule: %q", got)
	}
	rows := js(`Array.from(document.querySelectorAll("#leaderboard tbody tr")).map(r => r.innerText).join(" | ")`)
	if strings.Contains(rows, "Сейтқали") || !strings.Contains(rows, "Шапағат") {
		t.Errorf("the board names young people or misses a team: %s", rows)
	}
	shootFull(t, step, "championship-leaderboard")
	team := strconv.FormatInt(teams[7].ID, 10)
	run("score the last team out of range",
		chromedp.Navigate(s.url+"/championships/"+id+"/score?team="+team),
		chromedp.WaitVisible(chromedp.CSS("#score-form")),
		chromedp.SetValue(chromedp.CSS("#juror"), strconv.FormatInt(jurors[1].ID, 10)),
		chromedp.SendKeys(chromedp.CSS("#c_analysis"), "12"),
		chromedp.SendKeys(chromedp.CSS("#c_solution"), "8"),
		chromedp.SendKeys(chromedp.CSS("#c_delivery"), "4"),
		chromedp.Click(chromedp.CSS("#score-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".error-summary")),
	)
	if got := js(`document.querySelector("#c_analysis-error").textContent`); !strings.Contains(got, "12") {
		t.Errorf("the range error: %q", got)
	}
	if got := js(`document.querySelector("#c_solution").value`); got != "8" {
		t.Errorf("the form lost the solution's score: %q", got)
	}
	shootFull(t, step, "championship-score-form")
	run("score it within range",
		chromedp.SetValue(chromedp.CSS("#c_analysis"), "9"),
		chromedp.Click(chromedp.CSS("#score-form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#leaderboard")),
	)
	if rows := js(`document.querySelector("#leaderboard tbody tr").innerText`); !strings.Contains(rows, "Шапағат") {
		t.Errorf("the team scored (3·9+2·8+4)/6 ≈ 7.83 does not lead: %s", rows)
	}
}

// check fails the test on err.
func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
