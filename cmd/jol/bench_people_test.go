package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
)

// benchPagePersons is how many persons BenchmarkPeoplePage registers:
// JOL_BENCH_PERSONS, 100,000 by default.
func benchPagePersons() int {
	if n, err := strconv.Atoi(os.Getenv("JOL_BENCH_PERSONS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// BenchmarkPeoplePage measures the people list page as a coordinator sees
// it — session, the bounded count, the page of 50, each row's categories,
// the filter choices, the render — over real HTTP, one client at a time,
// on a registry of benchPagePersons persons in the coordinator's
// foundation, and reports the 50th and 95th percentile latency.
// Run: JOL_BENCH_PERSONS=1000000 go test -bench PeoplePage -run '^$' -benchtime 200x ./cmd/jol
func BenchmarkPeoplePage(b *testing.B) {
	s := startServer(b)
	ctx := context.Background()
	users, _, err := s.app.Accounts.List(ctx, access.System, accounts.Filter{Query: demo.Email("coordinator")}, store.Page{})
	if err != nil || len(users) != 1 {
		b.Fatalf("the demo coordinator: %v", err)
	}
	org, err := s.app.Orgs.Get(ctx, access.System, users[0].OrgID)
	if err != nil {
		b.Fatal(err)
	}
	began := time.Now()
	err = s.app.db.Tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, store.Rebind(s.app.db.Engine, `INSERT INTO persons (last_name, first_name, name_key,
			birth_date, sex, id_kind, national_id, region_id, region_path, org_id, org_path, status, created_at, updated_at)
			SELECT $1, $2, $3, $4, 'F', '', '', id, path, $5, $6, 'pupil', $7, $7 FROM regions WHERE code = $8`))
		if err != nil {
			return err
		}
		for i := range benchPagePersons() {
			last, first := fmt.Sprintf("Ахметова%d", i%977), fmt.Sprintf("Мадина%d", i%89)
			birth := time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%4000)
			if _, err := st.ExecContext(ctx, last, first, text.NameKey(last, first, ""), birth, org.ID, org.Path,
				time.Now().UTC(), org.RegionCode); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("registered %d persons in %v", benchPagePersons(), time.Since(began))
	c := s.login(b, "coordinator")
	for _, page := range []struct{ name, path string }{
		{"first", "/people"},
		{"by-name-page-3", "/people?sort=name&page=3"},
		{"pupils-aged-10-14", "/people?status=pupil&age_from=10&age_to=14&sort=name"},
	} {
		b.Run(page.name, func(b *testing.B) {
			var lat []time.Duration
			for b.Loop() {
				start := time.Now()
				res, err := c.Get(s.url + page.path)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					b.Fatalf("status %d", res.StatusCode)
				}
				lat = append(lat, time.Since(start))
			}
			b.ReportMetric(float64(percentile(lat, 50).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(percentile(lat, 95).Microseconds())/1000, "p95-ms")
		})
	}
}
