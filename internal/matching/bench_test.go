package matching_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentoring/match"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

var benchFields = []string{"education", "career", "business", "public_service", "media", "culture", "sport", "it"}

// BenchmarkRun20000x1000 is the cohort end to end: 20,000 young
// people of one branch (two in five ranked up to three mentors, one in
// twenty a minor with consent) and 1,000 mentors through the school with
// 1 to 39 places, five regions and eight fields, at most 50 candidates
// each. One iteration reads the cohort and the mentors, solves, takes the
// places and stores the run, its proposals and its unmatched; the store
// is put back between iterations, untimed.
func BenchmarkRun20000x1000(b *testing.B) {
	w := testworld.SQLite(b)
	ctx := context.Background()
	coord := w.Principal(access.Coordinator)
	rng := rand.New(rand.NewPCG(20000, 1000))
	regions := benchRegions(b, w)
	mentors := benchMentors(b, w, coord, rng, regions)
	benchYouth(b, w, rng, regions, mentors)
	pr := matching.Params{Rule: match.Rule{Limit: 50}}
	var r matching.Run
	for b.Loop() {
		b.StopTimer()
		for _, q := range []string{"DELETE FROM match_unmatched", "DELETE FROM match_proposals", "DELETE FROM match_runs",
			"UPDATE mentors SET mentees = 0"} {
			if _, err := w.DB.W.ExecContext(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		var err error
		if r, err = w.Services.Matching.Run(ctx, coord, pr); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(r.Matched), "matched")
	b.ReportMetric(float64(r.Youth), "youth")
	b.ReportMetric(float64(r.Mentors), "mentors")
}

type benchRegion struct {
	id         int64
	code, path string
}

func benchRegions(b *testing.B, w *testworld.World) []benchRegion {
	rows, err := store.Select(context.Background(), w.DB.R, func(sc store.Scanner) (benchRegion, error) {
		var r benchRegion
		return r, sc.Scan(&r.id, &r.code, &r.path)
	}, "SELECT id, code, path FROM regions WHERE code IN ('KZ-75', 'KZ-71', 'KZ-35', 'KZ-79', 'KZ-55') ORDER BY code")
	if err != nil || len(rows) != 5 {
		b.Fatalf("regions %v %v", rows, err)
	}
	return rows
}

// benchMentors adds 1,000 mentors who finished the school.
func benchMentors(b *testing.B, w *testworld.World, p access.Principal, rng *rand.Rand, regions []benchRegion) []int64 {
	ctx, ms := context.Background(), w.Services.Mentoring
	mod, err := ms.AddModule(ctx, access.System, mentoring.Module{Code: "how", Name: "How to mentor", Required: true})
	check(b, err)
	c, err := ms.CreateCohort(ctx, p, mentoring.Cohort{Name: "All", OrgID: w.Foundation.ID,
		StartsOn: time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), EndsOn: time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC)})
	check(b, err)
	sess, err := ms.AddSession(ctx, p, mentoring.Session{CohortID: c.ID, ModuleID: mod.ID,
		HeldOn: time.Date(2026, 8, 10, 0, 0, 0, 0, time.UTC), Trainer: "Trainer"})
	check(b, err)
	var ids []int64
	for i := range 1000 {
		f1, f2 := benchFields[rng.IntN(len(benchFields))], benchFields[rng.IntN(len(benchFields))]
		fields := []string{f1}
		if f2 != f1 {
			fields = append(fields, f2)
		}
		m, err := ms.Create(ctx, p, mentoring.Input{Name: fmt.Sprintf("Mentor %04d", i), Email: fmt.Sprintf("m%d@example.org", i),
			Background: mentoring.Coach, Fields: fields, Languages: []string{"kk", "ru"}[:1+rng.IntN(2)], OrgID: w.Foundation.ID,
			RegionCode: regions[rng.IntN(len(regions))].code, InPerson: true, Online: rng.IntN(2) == 0, Capacity: 1 + rng.IntN(39),
			Minors: i%5 == 0, Vetting: mentoring.Vetting{Document: "V", On: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
				Expires: time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC), CheckedBy: "X"}})
		check(b, err)
		check(b, ms.Enrol(ctx, p, c.ID, m.ID))
		ids = append(ids, m.ID)
	}
	check(b, ms.RecordAttendance(ctx, p, sess.ID, ids))
	for _, id := range ids {
		check(b, ms.RecordFinal(ctx, p, c.ID, id, true, 80, time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC)))
	}
	return ids
}

// benchYouth writes 20,000 young people of the Foundation and their
// choices straight into the tables, as registrations would.
func benchYouth(b *testing.B, w *testworld.World, rng *rand.Rand, regions []benchRegion, mentors []int64) {
	ctx, now := context.Background(), w.Clock.Now()
	check(b, w.DB.Tx(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, store.Rebind(w.DB.Engine, `INSERT INTO youth (identity, last_name, first_name,
			birth_date, age_group, region_id, region_path, settlement, status, field, language, channel, org_id, org_path,
			guardian_consent_on, registered_on, created_at, updated_at)
			VALUES ($1, 'Bench', $2, $3, $4, $5, $6, 'rural', 'neet', $7, $8, 'web', $9, $10, $11, $12, $13, $13) RETURNING id`))
		if err != nil {
			return err
		}
		choose, err := tx.PrepareContext(ctx, store.Rebind(w.DB.Engine,
			"INSERT INTO youth_choices (youth_id, choice, mentor_id, chosen_at) VALUES ($1, $2, $3, $4)"))
		if err != nil {
			return err
		}
		for i := range 20000 {
			reg := regions[rng.IntN(len(regions))]
			birth, group, consent := time.Date(1998+rng.IntN(10), 1+time.Month(rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC), "18-24", sql.NullTime{}
			if i%20 == 0 {
				birth, group, consent = time.Date(2010, 5, 1, 0, 0, 0, 0, time.UTC), "14-17", sql.NullTime{Time: time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), Valid: true}
			}
			var id int64
			if err := ins.QueryRowContext(ctx, fmt.Sprintf("bench-%d", i), fmt.Sprintf("Y%05d", i), birth, group, reg.id, reg.path,
				benchFields[rng.IntN(len(benchFields))], []string{"kk", "ru"}[rng.IntN(2)], w.Foundation.ID, w.Foundation.Path,
				consent, time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), now).Scan(&id); err != nil {
				return err
			}
			if rng.IntN(5) < 2 {
				for k, j := range rng.Perm(len(mentors))[:1+rng.IntN(3)] {
					if _, err := choose.ExecContext(ctx, id, k+1, mentors[j], now); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}))
}

func check(b testing.TB, err error) {
	b.Helper()
	if err != nil {
		b.Fatal(err)
	}
}
