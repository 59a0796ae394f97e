package demo_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/store"
)

// TestTheCaseChampionship: Almaty Region's case championship is
// finished; every juror scored every team outside their own district,
// on every criterion, and no team of it; the leaderboard holds a tie of
// weighted means broken by the heaviest criterion, analysis.
func TestTheCaseChampionship(t *testing.T) {
	db, svc := seeded(t)
	cs, _, err := svc.Championship.List(ctx, access.System, store.Page{Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	var c championship.Championship
	for _, x := range cs {
		if x.Name == demo.ChampionshipName {
			c, err = svc.Championship.Get(ctx, access.System, x.ID)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	if c.State != championship.Finished || c.RegionCode != "KZ-19" || c.Teams < 12 || c.Teams > 20 || len(c.Rubric) < 3 {
		t.Fatalf("championship %+v", c)
	}
	jurors, err := svc.Championship.Jurors(ctx, access.System, c.ID)
	if err != nil || len(jurors) != 5 {
		t.Fatalf("%d jurors, %v", len(jurors), err)
	}
	// (juror, team) → criteria scored; the analysis sums by team.
	type pair struct{ juror, team int64 }
	sheets, analysis := map[pair]int{}, map[int64]float64{}
	rows, err := db.R.QueryContext(ctx, store.Rebind(db.Engine, `SELECT s.juror_id, s.team_id, s.code, s.score
		FROM championship_scores s JOIN championship_teams t ON t.id = s.team_id WHERE t.championship_id = $1`), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var pr pair
		var code string
		var score int
		if err := rows.Scan(&pr.juror, &pr.team, &code, &score); err != nil {
			t.Fatal(err)
		}
		sheets[pr]++
		if code == "analysis" {
			analysis[pr.team] += float64(score)
		}
	}
	board, _, err := svc.Championship.Leaderboard(ctx, access.System, c.ID, "", 100)
	if err != nil || len(board) != c.Teams {
		t.Fatalf("leaderboard of %d, %v", len(board), err)
	}
	outsider, refused := false, 0
	for _, j := range jurors {
		outsider = outsider || !strings.HasPrefix(j.RegionCode, "KZ-19")
		for _, st := range board {
			tm, err := svc.Championship.Team(ctx, access.System, st.TeamID)
			if err != nil {
				t.Fatal(err)
			}
			own := strings.HasPrefix(tm.RegionPath, j.RegionPath) || strings.HasPrefix(j.RegionPath, tm.RegionPath)
			switch n := sheets[pair{j.ID, tm.ID}]; {
			case own && n > 0:
				t.Errorf("juror %s (%s) scored %s of their own district %s", j.Name, j.RegionCode, tm.Name, tm.RegionCode)
			case own:
				refused++
			case n != len(c.Rubric):
				t.Errorf("juror %s scored %d criteria of %s", j.Name, n, tm.Name)
			}
		}
	}
	if !outsider || refused == 0 {
		t.Errorf("a juror from another region: %v; pairs left unscored by the own-district rule: %d", outsider, refused)
	}
	tie := false
	for i := 1; i < len(board); i++ {
		a, b := board[i-1], board[i]
		if a.Score < b.Score {
			t.Errorf("%s (%g) above %s (%g)", a.Name, a.Score, b.Name, b.Score)
		}
		if a.Score == b.Score && a.Jurors == b.Jurors {
			tie = true
			if analysis[a.TeamID] <= analysis[b.TeamID] {
				t.Errorf("tie of %s and %s broken against the analysis: %g, %g", a.Name, b.Name, analysis[a.TeamID], analysis[b.TeamID])
			}
		}
	}
	if !tie {
		t.Error("no tie on the leaderboard")
	}
}
