package outcomes_test

import (
	"database/sql"
	"fmt"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// BenchmarkCoverage20000 reports the coverage of 20,000 young people in
// five regions and three age groups: half on one or two activities of
// 40 in the two strands, a fifth with a mentor, three in five with an
// outcome. Once as an administrator (the whole country, by region) and
// once as a coordinator of one branch.
func BenchmarkCoverage20000(b *testing.B) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(engine.name, func(b *testing.B) {
			db := engine.open(b)
			w := setup(b, db)
			seed(b, w, 20000)
			if w.DB.Engine == store.Postgres {
				// What autovacuum does soon after a bulk load: without
				// statistics the planner may pick nested loops.
				_, err := w.DB.W.ExecContext(ctx, "ANALYZE")
				check(b, err)
			}
			for _, who := range []struct {
				name string
				p    access.Principal
			}{{"admin", admin}, {"branch", w.CoordAlmaty}} {
				b.Run(who.name, func(b *testing.B) {
					for b.Loop() {
						r, err := w.o.Coverage(ctx, who.p)
						if err != nil || r.Total.Registered == 0 {
							b.Fatalf("%+v %v", r.Total, err)
						}
					}
				})
			}
		})
	}
}

// seed inserts n young people straight into the tables, in one
// transaction, with their enrolments, mentorships and outcomes.
func seed(b *testing.B, w *world, n int) {
	b.Helper()
	regions := []string{"KZ-75", "KZ-71", "KZ-79", "KZ-55", "KZ-39"}
	orgs := map[string][2]any{"KZ-75": {w.Almaty.ID, w.Almaty.Path}, "KZ-71": {w.Astana.ID, w.Astana.Path}}
	ids := map[string]int64{}
	paths := map[string]string{}
	for _, code := range regions {
		var id int64
		var path string
		check(b, w.DB.R.QueryRowContext(ctx, store.Rebind(w.DB.Engine, "SELECT id, path FROM regions WHERE code = $1"), code).Scan(&id, &path))
		ids[code], paths[code] = id, path
		if _, ok := orgs[code]; !ok {
			orgs[code] = [2]any{w.Head.ID, w.Head.Path}
		}
	}
	q := func(tx *sql.Tx, s string, args ...any) {
		if _, err := tx.ExecContext(ctx, store.Rebind(w.DB.Engine, s), args...); err != nil {
			b.Fatal(err)
		}
	}
	check(b, w.DB.Tx(ctx, func(tx *sql.Tx) error {
		var mentor int64
		if err := tx.QueryRowContext(ctx, store.Rebind(w.DB.Engine, `INSERT INTO mentors (name, contact_key, background, org_id,
			org_path, region_id, region_path, in_person, online, capacity, minors, status, source, created_at, updated_at)
			VALUES ('Mentor', 'm', 'coach', $1, $2, $3, $4, TRUE, FALSE, 30, FALSE, 'active', 'web', $5, $5) RETURNING id`),
			w.Almaty.ID, w.Almaty.Path, ids["KZ-75"], paths["KZ-75"], now).Scan(&mentor); err != nil {
			return err
		}
		for i := range 40 {
			strand := []string{"leaders", "creative"}[i%2]
			code := regions[i%len(regions)]
			q(tx, `INSERT INTO activities (name, strand, org_id, org_path, region_id, region_path, starts_on, ends_on, capacity,
				enrolled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 1000, 0, $8, $8)`,
				fmt.Sprintf("Activity %d", i), strand, orgs[code][0], orgs[code][1], ids[code], paths[code], today, now)
		}
		groups := []string{"14-17", "18-24", "25-29"}
		codes := []string{"education", "employed", "business", "neet", "not_reached"}
		for i := 1; i <= n; i++ {
			code := regions[i%len(regions)]
			q(tx, `INSERT INTO youth (identity, last_name, first_name, birth_date, age_group, region_id, region_path, settlement,
				status, field, language, channel, org_id, org_path, registered_on, created_at, updated_at)
				VALUES ($1, 'Seitkali', $2, $3, $4, $5, $6, 'rural', 'neet', 'it', 'kk', 'web', $7, $8, $3, $9, $9)`,
				fmt.Sprintf("id%d", i), fmt.Sprintf("Y%d", i), today.AddDate(-20, 0, 0), groups[i%3], ids[code], paths[code],
				orgs[code][0], orgs[code][1], now)
			if i%2 == 0 {
				q(tx, `INSERT INTO activity_enrolments (activity_id, youth_id, enrolled_via, enrolled_at, updated_at)
					SELECT a.id, y.id, 'coordinator', $2, $2 FROM activities a, youth y WHERE a.name = $3 AND y.identity = $1`,
					fmt.Sprintf("id%d", i), now, fmt.Sprintf("Activity %d", i%40))
				if i%4 == 0 {
					q(tx, `INSERT INTO activity_enrolments (activity_id, youth_id, enrolled_via, enrolled_at, updated_at)
						SELECT a.id, y.id, 'youth', $2, $2 FROM activities a, youth y WHERE a.name = $3 AND y.identity = $1`,
						fmt.Sprintf("id%d", i), now, fmt.Sprintf("Activity %d", (i+1)%40))
				}
			}
			if i%5 == 0 {
				q(tx, `INSERT INTO mentorships (youth_id, mentor_id, org_path, region_path, minor, status, started_on, created_at, updated_at)
					SELECT y.id, $2, y.org_path, y.region_path, FALSE, 'active', $3, $4, $4 FROM youth y WHERE y.identity = $1`,
					fmt.Sprintf("id%d", i), mentor, today, now)
			}
			if i%5 < 3 {
				q(tx, `INSERT INTO youth_outcomes (youth_id, outcome, outcome_on, recorder, updated_at)
					SELECT y.id, $2, $3, 'bench', $4 FROM youth y WHERE y.identity = $1`,
					fmt.Sprintf("id%d", i), codes[i%len(codes)], today, now)
			}
		}
		return nil
	}))
}
