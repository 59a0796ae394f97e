package services_test

import (
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/youth"
)

// TestASelectionPullsAFinishedChampionship: the wired source
// "championship" gives each member of a finished championship's teams
// their team's score and place, and refuses one still scoring.
func TestASelectionPullsAFinishedChampionship(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, cs, coord := t.Context(), w.Services.Championship, w.Principal(access.Coordinator)
		var ids []int64
		for i := range 4 {
			r, err := w.Services.Youth.Register(ctx, coord, w.Foundation.ID, youth.Input{LastName: "Member",
				FirstName: "N" + strconv.Itoa(i), Birth: day(3, 1+i).AddDate(-20, 0, 0), RegionCode: "KZ-75",
				Settlement: youth.Urban, Status: youth.NEET, Field: "media", Language: "kk", Channel: youth.Web,
				Contact: youth.Contact{Email: "m" + strconv.Itoa(i) + "@example.org"}})
			check(t, err)
			ids = append(ids, r.ID)
		}
		c, err := cs.Create(ctx, coord, championship.Input{OrgID: w.Foundation.ID, RegionCode: "KZ-75",
			Name: "Cases of Almaty", Starts: day(10, 1), Ends: day(10, 2),
			Rubric: []championship.Criterion{{Code: "analysis", Name: "Analysis", Weight: 2, Min: 0, Max: 10}}})
		check(t, err)
		first, err := cs.RegisterTeam(ctx, coord, c.ID, championship.TeamInput{Name: "First", RegionCode: "KZ-75", Members: ids[:2]})
		check(t, err)
		second, err := cs.RegisterTeam(ctx, coord, c.ID, championship.TeamInput{Name: "Second", RegionCode: "KZ-75", Members: ids[2:]})
		check(t, err)
		j, err := cs.AddJuror(ctx, coord, c.ID, championship.JurorInput{Name: "A. Juror", RegionCode: "KZ-71"})
		check(t, err)
		c, err = cs.SetState(ctx, coord, c.ID, championship.Scoring, c.Version)
		check(t, err)
		check(t, cs.Score(ctx, coord, c.ID, championship.Sheet{JurorID: j.ID, TeamID: first.ID, Scores: map[string]int{"analysis": 6}}))
		check(t, cs.Score(ctx, coord, c.ID, championship.Sheet{JurorID: j.ID, TeamID: second.ID, Scores: map[string]int{"analysis": 9}}))

		sel, err := w.Services.Selection.Create(ctx, coord, selection.Input{Name: "Leaders", OrgID: w.Foundation.ID,
			Places: 2, QuotaMode: selection.ProportionalQuotas, TieRule: selection.RegisteredFirst})
		check(t, err)
		if got := w.Services.Selection.Sources(); len(got) != 2 || got[0] != "championship" || got[1] != "tournament" {
			t.Fatalf("sources %v", got)
		}
		_, err = w.Services.Selection.PullFrom(ctx, coord, sel.ID, "Cases", "championship", c.ID)
		if e := errs.As(err); e == nil || e.Key != "error.championship_unfinished" {
			t.Fatalf("a championship still scoring: %v", err)
		}
		_, err = cs.SetState(ctx, coord, c.ID, championship.Finished, c.Version)
		check(t, err)
		got, err := w.Services.Selection.PullFrom(ctx, coord, sel.ID, "Cases", "championship", c.ID)
		check(t, err)
		if got.Entered != 4 || len(got.Refused) != 0 {
			t.Fatalf("pulled %+v", got)
		}
		want := map[int64][2]float64{ids[0]: {6, 2}, ids[1]: {6, 2}, ids[2]: {9, 1}, ids[3]: {9, 1}}
		rows, err := w.DB.R.QueryContext(ctx, store.Rebind(w.DB.Engine,
			"SELECT youth_id, score, round_rank FROM selection_scores WHERE selection_id = $1"), sel.ID)
		check(t, err)
		defer rows.Close()
		n := 0
		for ; rows.Next(); n++ {
			var y int64
			var score float64
			var rank int
			check(t, rows.Scan(&y, &score, &rank))
			if w := want[y]; score != w[0] || float64(rank) != w[1] {
				t.Errorf("young person %d: score %g rank %d, want %v", y, score, rank, w)
			}
		}
		check(t, rows.Err())
		if n != 4 {
			t.Fatalf("%d scores", n)
		}
		again, err := w.Services.Selection.PullFrom(ctx, coord, sel.ID, "Cases", "championship", c.ID)
		check(t, err)
		if again.Entered != 0 || len(again.Refused) != 4 {
			t.Errorf("pulled twice: %+v", again)
		}
	})
}
