package championship_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/championship"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

// benchParticipants is how many young people the leaderboard benchmark
// enters, in teams of four: JOL_BENCH_PARTICIPANTS, 20,000 by default.
func benchParticipants() int {
	if n, err := strconv.Atoi(os.Getenv("JOL_BENCH_PARTICIPANTS")); err == nil && n > 0 {
		return n
	}
	return 20_000
}

// BenchmarkLeaderboard reads pages of 50 of a regional championship's
// leaderboard whose participants are all scored by three jurors: the
// first page, and pages at random depths (by their cursors, as the
// page's Next link reaches them), on each engine. The championship's
// young people, teams and scores are entered through the service, but
// the young people themselves are written in bulk.
func BenchmarkLeaderboard(b *testing.B) {
	for _, eng := range []string{"sqlite", "postgres"} {
		b.Run(eng, func(b *testing.B) {
			db := storetest.SQLite(b)
			if eng == "postgres" {
				db = storetest.Postgres(b)
			}
			w := testworld.New(b, db)
			f, cursors := seedBoard(b, w, benchParticipants())
			auditor := w.Principal(access.Auditor)
			for _, depth := range []string{"first", "random"} {
				b.Run(depth, func(b *testing.B) {
					rng := rand.New(rand.NewPCG(1, 2))
					var ds []time.Duration
					for b.Loop() {
						cursor := ""
						if depth == "random" {
							cursor = cursors[rng.IntN(len(cursors))]
						}
						start := time.Now()
						rows, _, err := f.s.Leaderboard(ctx, auditor, f.c.ID, cursor, 50)
						if err != nil || len(rows) == 0 {
							b.Fatal(err, len(rows))
						}
						ds = append(ds, time.Since(start))
					}
					slices.Sort(ds)
					b.ReportMetric(float64(ds[len(ds)*95/100].Microseconds())/1000, "p95-ms")
				})
			}
			b.Run("results", func(b *testing.B) {
				for b.Loop() {
					if _, err := f.s.Results(ctx, auditor, f.c.ID); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// seedBoard enters n young people in teams of four in a championship of
// Almaty, scores every team by three jurors, finishes it, and returns it
// with the cursors of every page of its leaderboard.
func seedBoard(b *testing.B, w *testworld.World, n int) (*fixture, []string) {
	b.Helper()
	f := &fixture{w: w, s: w.Services.Championship, coord: w.Principal(access.Coordinator)}
	c, err := f.s.Create(ctx, f.coord, championship.Input{OrgID: w.Foundation.ID, RegionCode: "KZ-75",
		Name: "Bench", Starts: testworld.Day(2026, 10, 1), Ends: testworld.Day(2026, 10, 3), Rubric: rubric()})
	must(b, err)
	f.c = c
	ids := bulkYouth(b, w, n)
	var teams []int64
	for i := 0; i+4 <= len(ids); i += 4 {
		tm, err := f.s.RegisterTeam(ctx, f.coord, c.ID, championship.TeamInput{Name: fmt.Sprintf("Team %05d", i/4),
			RegionCode: "KZ-75", Members: ids[i : i+4]})
		must(b, err)
		teams = append(teams, tm.ID)
	}
	var jurors []championship.Juror
	for _, r := range []string{"KZ-71", "KZ-79", "KZ-71"} {
		j, err := f.s.AddJuror(ctx, f.coord, c.ID, championship.JurorInput{Name: "Juror " + r, RegionCode: r})
		must(b, err)
		jurors = append(jurors, j)
	}
	c, err = f.s.SetState(ctx, f.coord, c.ID, championship.Scoring, c.Version)
	must(b, err)
	rng := rand.New(rand.NewPCG(7, 9))
	for _, tm := range teams {
		for _, j := range jurors {
			must(b, f.s.Score(ctx, f.coord, c.ID, championship.Sheet{JurorID: j.ID, TeamID: tm,
				Scores: map[string]int{"analysis": rng.IntN(11), "solution": rng.IntN(11), "delivery": 1 + rng.IntN(5)}}))
		}
	}
	c, err = f.s.SetState(ctx, f.coord, c.ID, championship.Finished, c.Version)
	must(b, err)
	f.c = c
	var cursors []string
	for cursor := ""; ; {
		_, next, err := f.s.Leaderboard(ctx, f.coord, c.ID, cursor, 50)
		must(b, err)
		if next == "" {
			break
		}
		cursors, cursor = append(cursors, next), next
	}
	return f, cursors
}

// bulkYouth writes n young people of Almaty in one transaction.
func bulkYouth(b *testing.B, w *testworld.World, n int) []int64 {
	b.Helper()
	var region int64
	var path string
	must(b, w.DB.R.QueryRowContext(ctx, store.Rebind(w.DB.Engine, `SELECT id, path FROM regions WHERE code = $1`),
		"KZ-75").Scan(&region, &path))
	ins := store.Rebind(w.DB.Engine, `INSERT INTO youth (identity, last_name, first_name, birth_date, age_group,
		region_id, region_path, settlement, status, field, language, channel, org_id, org_path, registered_on,
		created_at, updated_at) VALUES ($1, 'Participant', $2, $3, '18-24', $4, $5, 'urban', 'neet', 'media', 'kk',
		'web', $6, $7, $8, $9, $9) RETURNING id`)
	ids := make([]int64, 0, n)
	tx, err := w.DB.W.BeginTx(ctx, nil)
	must(b, err)
	now := w.Clock.Now()
	for i := range n {
		var id int64
		must(b, tx.QueryRowContext(ctx, ins, "bench-"+strconv.Itoa(i), "N"+strconv.Itoa(i), testworld.Day(2006, 1, 1),
			region, path, w.Foundation.ID, w.Foundation.Path, store.Day(now), now).Scan(&id))
		ids = append(ids, id)
	}
	must(b, tx.Commit())
	return ids
}
