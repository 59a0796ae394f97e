package tournament_test

import (
	"fmt"
	"testing"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/tournament"
)

// BenchmarkPairNext300 pairs round 4 of a 300-team tournament (150
// schools, four regions, 500 judges in panels of three) through the
// stored service, after three rounds decided: reading the tournament,
// tallying, the draw, the judges and writing the round. The round is
// deleted between iterations, outside the timer.
func BenchmarkPairNext300(b *testing.B) {
	for _, eng := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(eng.name, func(b *testing.B) {
			db := eng.open(b)
			w := setup(b, db)
			id := w.big(b, 300, 500)
			b.ResetTimer()
			for range b.N {
				r, err := w.s.PairNext(ctx, w.coord, id)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				for _, q := range []string{"DELETE FROM debate_debates WHERE round_id = $1", "DELETE FROM debate_rounds WHERE id = $1"} {
					if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, q), r.ID); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
			}
		})
	}
}

// big enters n teams of one speaker and the judges, and decides three
// rounds, the proposition winning two debates in three.
func (w *world) big(b *testing.B, n, judges int) int64 {
	b.Helper()
	tr, err := w.s.Create(ctx, w.coord, tournament.Input{Name: "National qualifier", Prelims: 5, BreakSize: 16, Qualifiers: 4,
		Rules: tournament.Rules{Speakers: 1, MinScore: 50, MaxScore: 100, PanelSize: 3}})
	must(b, err)
	ys := w.register(b, n)
	for i, y := range ys {
		_, err := w.s.AddTeam(ctx, w.coord, tr.ID, tournament.TeamInput{Name: fmt.Sprint("Team ", i+1),
			School: fmt.Sprint("School ", i/2), Region: fmt.Sprint("region", i%4), Members: []int64{y}})
		must(b, err)
	}
	for i := range judges {
		_, err := w.s.AddJudge(ctx, w.coord, tr.ID, tournament.JudgeInput{Name: fmt.Sprint("Judge ", i+1),
			Region: []string{"region0", "region1", "region2", "region3", "elsewhere"}[i%5], Strength: 1 + i%100})
		must(b, err)
	}
	for range 3 {
		r, err := w.s.PairNext(ctx, w.coord, tr.ID)
		must(b, err)
		must(b, w.s.Publish(ctx, w.coord, tr.ID, r.ID))
		for i, d := range r.Debates {
			in := tournament.BallotInput{Winner: "prop", PropScores: []int{70 + i%20}, OppScores: []int{60 + i%7}}
			if i%3 == 0 {
				in = tournament.BallotInput{Winner: "opp", PropScores: []int{60 + i%7}, OppScores: []int{70 + i%20}}
			}
			_, err := w.s.EnterBallot(ctx, w.coord, tr.ID, d.ID, in)
			must(b, err)
		}
	}
	return tr.ID
}
