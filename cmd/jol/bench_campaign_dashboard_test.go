package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
)

// benchDashboardRequests is how many requests BenchmarkCampaignDashboard
// puts in its campaign: JOL_BENCH_DASHBOARD_REQUESTS, 1,000,000 by
// default, with three times as many people in the registry.
func benchDashboardRequests() int {
	if n, err := strconv.Atoi(os.Getenv("JOL_BENCH_DASHBOARD_REQUESTS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// BenchmarkCampaignDashboard measures the dashboard of one campaign whose
// requests are benchDashboardRequests, over a registry of three times as
// many people spread over 200 districts of the 20 regions it covers (ten in each Kazakh region), a
// request per third person, in every status, each with a kit and every
// third with a uniform, half the children holding a category. It reports
// how long a refresh of the snapshot takes, then the 50th and 95th
// percentile latency of the service call and of the HTTP page (session,
// figures, charts, render), for the foundation's coordinator (every
// request) and the service call alone for a coordinator of Karaganda (a
// region's twentieth).
// Run: go test -bench CampaignDashboard -run '^$' -benchtime 200x -timeout 60m ./cmd/jol
func BenchmarkCampaignDashboard(b *testing.B) {
	s := startServer(b)
	ctx := context.Background()
	coord, err := s.app.Accounts.LookupEmail(ctx, demo.Email("coordinator"))
	if err != nil {
		b.Fatal(err)
	}
	fund, err := s.app.Orgs.Get(ctx, coord.Principal(), coord.OrgID)
	if err != nil {
		b.Fatal(err)
	}
	c := seedDashboard(b, s, fund.ID, fund.Path, benchDashboardRequests())
	t0, cpu := time.Now(), cpuTime()
	if err := s.app.Dashboard.Refresh(ctx, c.ID); err != nil {
		b.Fatal(err)
	}
	b.Logf("refresh of the snapshot: %v (processor time %v)", time.Since(t0), cpuTime()-cpu)
	path := "/dashboard?campaign=" + strconv.FormatInt(c.ID, 10)
	// The region's reader is the coordinator narrowed to Karaganda: the
	// service call only, as no demo login of one region sees this campaign.
	region := coord.Principal()
	region.RegionPath = "/KZ/KZ-35/"
	for _, who := range []struct {
		name string
		p    principal
		page bool
	}{{"coordinator", coord.Principal(), true}, {"karaganda", region, false}} {
		p := who.p
		b.Run(who.name+"/service", func(b *testing.B) {
			var lat []time.Duration
			for b.Loop() {
				t0 := time.Now()
				if _, err := s.app.Dashboard.Campaign(ctx, p, c.ID, "ru"); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t0))
			}
			b.ReportMetric(float64(percentile(lat, 50).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(percentile(lat, 95).Microseconds())/1000, "p95-ms")
		})
		if !who.page {
			continue
		}
		cl := s.login(b, "coordinator")
		b.Run(who.name+"/page", func(b *testing.B) {
			var lat []time.Duration
			for b.Loop() {
				t0 := time.Now()
				res, err := cl.Get(s.url + path)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK {
					b.Fatalf("status %d", res.StatusCode)
				}
				lat = append(lat, time.Since(t0))
			}
			b.ReportMetric(float64(percentile(lat, 50).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(percentile(lat, 95).Microseconds())/1000, "p95-ms")
		})
	}
}

// principal is a reader of the benchmark.
type principal = access.Principal

// seedDashboard opens a campaign of organisation orgID covering every
// Kazakh region and fills it with n requests of as many children out of
// 3n people over 200 districts, as the dashboard's benchmark describes.
func seedDashboard(tb testing.TB, s *testServer, orgID int64, orgPath string, n int) requeststest.Campaign {
	tb.Helper()
	ctx, db := context.Background(), s.app.db
	codes, err := store.Select(ctx, db.R, func(sc store.Scanner) (string, error) {
		var code string
		return code, sc.Scan(&code)
	}, "SELECT code FROM regions WHERE country = 'KZ' AND type IN ('region', 'city') ORDER BY code")
	if err != nil {
		tb.Fatal(err)
	}
	c := requeststest.Open(tb, db, time.Now(), "bench-dashboard", orgID, orgPath, codes...)
	exec := func(q string, args ...any) {
		tb.Helper()
		if _, err := db.W.ExecContext(ctx, store.Rebind(db.Engine, q), args...); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
	began := time.Now()
	exec(`INSERT INTO regions (code, parent_id, country, type, path, name_en)
		SELECT r.code || '-D' || CAST(d.i AS TEXT), r.id, 'KZ', 'district', r.path || r.code || '-D' || CAST(d.i AS TEXT) || '/', 'District'
		FROM regions r, (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i FROM n) d
		WHERE r.country = 'KZ' AND r.type IN ('region', 'city')`)
	exec(`CREATE TABLE bench_districts AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS i, id, path FROM regions WHERE type = 'district'`)
	var districts int
	if err := db.R.QueryRowContext(ctx, "SELECT count(*) FROM bench_districts").Scan(&districts); err != nil {
		tb.Fatal(err)
	}
	exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1)
		INSERT INTO persons (last_name, first_name, region_id, region_path, org_id, org_path, created_at, updated_at)
		SELECT 'Child', CAST(n.i AS TEXT), d.id, d.path, $2, $3, $4, $4
		FROM n JOIN bench_districts d ON d.i = n.i % $5`, 3*n, orgID, orgPath, time.Now(), districts)
	statuses := []string{"submitted", "under_review", "verified", "approved", "allocated", "delivered", "delivered", "rejected", "withdrawn", "waitlisted"}
	exec(`INSERT INTO requests (reference, campaign_id, person_id, applicant_kind, channel, locale, status,
		org_id, org_path, region_id, region_path, submitted_at, updated_at)
		SELECT 'D' || CAST(p.id AS TEXT), $1, p.id, 'parent', 'hotline', 'ru',
		       CASE p.id % 10 WHEN 0 THEN $2 WHEN 1 THEN $3 WHEN 2 THEN $4 WHEN 3 THEN $5 WHEN 4 THEN $6
		                      WHEN 5 THEN $7 WHEN 6 THEN $8 WHEN 7 THEN $9 WHEN 8 THEN $10 ELSE $11 END,
		       p.org_id, p.org_path, p.region_id, p.region_path, $12, $12
		FROM persons p WHERE p.last_name = 'Child' AND p.id % 3 = 0`, c.ID, statuses[0], statuses[1], statuses[2],
		statuses[3], statuses[4], statuses[5], statuses[6], statuses[7], statuses[8], statuses[9], time.Now())
	exec(`INSERT INTO request_lines (request_id, line, item_id, quantity) SELECT id, 1, $2, 1 FROM requests WHERE campaign_id = $1`, c.ID, c.Kit)
	exec(`INSERT INTO request_lines (request_id, line, item_id, quantity) SELECT id, 2, $2, 1 FROM requests WHERE campaign_id = $1 AND id % 3 = 0`, c.ID, c.Uniform)
	exec(`CREATE TABLE bench_categories AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS i, id FROM categories`)
	exec(`INSERT INTO person_categories (person_id, category_id, assigned_at)
		SELECT p.id, k.id, $1 FROM persons p JOIN bench_categories k ON k.i = (p.id / 2) % 5
		WHERE p.last_name = 'Child' AND p.id % 2 = 0`, time.Now())
	exec("ANALYZE")
	var reqs int
	if err := db.R.QueryRowContext(ctx, store.Rebind(db.Engine, "SELECT count(*) FROM requests WHERE campaign_id = $1"), c.ID).Scan(&reqs); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("%d people, %d requests over %d districts in %v", 3*n, reqs, districts, time.Since(began))
	return c
}
