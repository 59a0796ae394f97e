package championship_test

import (
	"strconv"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/debate"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// A hundred sheets for one team arrive at once, from twenty jurors each
// sending five (the last one stored replaces the others): every
// submission is taken, and the team's stored totals are those debate
// computes over the sheets that remain, with no juror's sheet lost or
// counted twice.
func TestParallelScoresOfOneTeam(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := newFixture(t, w)
		ys := f.youths(t, 1)
		tm, err := f.s.RegisterTeam(ctx, f.coord, f.c.ID, championship.TeamInput{Name: "Aqsu", RegionCode: "KZ-75",
			Members: ys})
		must(t, err)
		const jurors, each = 20, 5
		var js []championship.Juror
		var djs []debate.Juror
		for i := range jurors {
			j, err := f.s.AddJuror(ctx, f.coord, f.c.ID, championship.JurorInput{Name: "Juror " + strconv.Itoa(i),
				RegionCode: "KZ-71"})
			must(t, err)
			js, djs = append(js, j), append(djs, debate.Juror{ID: j.ID, Region: "KZ-71"})
		}
		c, err := f.s.SetState(ctx, f.coord, f.c.ID, championship.Scoring, f.c.Version)
		must(t, err)
		errs := make([]error, jurors*each)
		var wg sync.WaitGroup
		for i := range jurors * each {
			wg.Go(func() {
				errs[i] = f.s.Score(ctx, f.coord, c.ID, sheet(js[i%jurors], tm, i%11, (i/jurors)%11, 1+i%5))
			})
		}
		wg.Wait()
		for _, err := range errs {
			must(t, err)
		}

		var dr debate.Rubric
		for _, cr := range rubric() {
			dr = append(dr, debate.Criterion{Key: cr.Code, Weight: cr.Weight, Min: cr.Min, Max: cr.Max})
		}
		dc, err := debate.NewChampionship(dr, djs, []debate.Team{{ID: tm.ID, Region: "KZ-75"}})
		must(t, err)
		for _, j := range js {
			scores := map[string]int{}
			rows, err := w.DB.R.QueryContext(ctx, store.Rebind(w.DB.Engine,
				"SELECT code, score FROM championship_scores WHERE juror_id = $1 AND team_id = $2"), j.ID, tm.ID)
			must(t, err)
			for rows.Next() {
				var code string
				var v int
				must(t, rows.Scan(&code, &v))
				scores[code] = v
			}
			must(t, rows.Close())
			if len(scores) != len(rubric()) {
				t.Fatalf("juror %d has %d scores stored, want one sheet of %d", j.ID, len(scores), len(rubric()))
			}
			must(t, dc.Score(j.ID, tm.ID, scores))
		}
		want := dc.Leaderboard()
		got, _, err := f.s.Leaderboard(ctx, w.Principal(access.Auditor), c.ID, "", 5)
		must(t, err)
		if len(got) != 1 || got[0].Jurors != jurors || got[0].Jurors != want[0].Jurors || got[0].Score != want[0].Score() {
			t.Fatalf("stored standing %+v, want %+v", got, want)
		}
	})
}
