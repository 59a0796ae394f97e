package championship_test

import (
	"math/rand/v2"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/testworld"
)

// TestLeaderboardFollowsDebate scores teams at random, with many ties,
// and checks the stored leaderboard, read a page at a time, against
// debate's Leaderboard over the same scores.
func TestLeaderboardFollowsDebate(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := newFixture(t, w)
		const n = 12
		ys := f.youths(t, n)
		var teams []championship.Team
		var dteams []debate.Team
		for i := range n {
			tm, err := f.s.RegisterTeam(ctx, f.coord, f.c.ID, championship.TeamInput{Name: "Team " + string(rune('A'+i)),
				RegionCode: "KZ-75", Members: []int64{ys[i]}})
			must(t, err)
			teams, dteams = append(teams, tm), append(dteams, debate.Team{ID: tm.ID, Region: "KZ-75"})
		}
		var jurors []championship.Juror
		var djurors []debate.Juror
		for _, r := range []string{"KZ-71", "KZ-79", "KZ-71"} {
			j, err := f.s.AddJuror(ctx, f.coord, f.c.ID, championship.JurorInput{Name: "Juror " + r, RegionCode: r})
			must(t, err)
			jurors, djurors = append(jurors, j), append(djurors, debate.Juror{ID: j.ID, Region: r})
		}
		var dr debate.Rubric
		for _, c := range rubric() {
			dr = append(dr, debate.Criterion{Key: c.Code, Weight: c.Weight, Min: c.Min, Max: c.Max})
		}
		dc, err := debate.NewChampionship(dr, djurors, dteams)
		must(t, err)
		c, err := f.s.SetState(ctx, f.coord, f.c.ID, championship.Scoring, f.c.Version)
		must(t, err)
		rng := rand.New(rand.NewPCG(13, 41))
		for i, tm := range teams[:n-2] { // the last two stay unscored
			for k, j := range jurors {
				if (i+k)%4 == 3 {
					continue // not every juror scores every team
				}
				// Few distinct values, so that totals tie and the
				// criteria must break them.
				sh := sheet(j, tm, 4+rng.IntN(3), 4+rng.IntN(3), 2+rng.IntN(2))
				must(t, f.s.Score(ctx, f.coord, c.ID, sh))
				must(t, dc.Score(j.ID, tm.ID, sh.Scores))
			}
		}
		want := dc.Leaderboard()
		var got []championship.Standing
		cursor := ""
		for {
			page, next, err := f.s.Leaderboard(ctx, w.Principal(access.Auditor), c.ID, cursor, 5)
			must(t, err)
			got = append(got, page...)
			if next == "" {
				break
			}
			cursor = next
		}
		if len(got) != len(want) {
			t.Fatalf("%d standings, want %d", len(got), len(want))
		}
		for i := range want {
			if got[i].TeamID != want[i].Team || got[i].Rank != want[i].Rank || got[i].Jurors != want[i].Jurors ||
				got[i].Score != want[i].Score() {
				t.Fatalf("place %d: %+v, want %+v", i+1, got[i], want[i])
			}
		}
	})
}
