package requests_test

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// benchRequests is how many requests the list benchmark holds:
// JOL_BENCH_REQUESTS, 1,000,000 by default.
func benchRequests() int {
	if n, err := strconv.Atoi(os.Getenv("JOL_BENCH_REQUESTS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// BenchmarkCampaignList reads a page of 50 of a campaign's requests as the
// request list and GET /api/v1/requests do, on SQLite with every request
// in one campaign: the first page, one a long way down (by its keyset
// cursor), and the first page of one status, for an unscoped
// administrator and for an operator of one school of twenty. The
// statuses are spread evenly, so one status is a ninth of the campaign
// and a ninth of a school's twentieth.
func BenchmarkCampaignList(b *testing.B) {
	db := storetest.SQLite(b)
	w := setup(b, db)
	n := benchRequests()
	op := seedRequests(b, w, n)
	for _, who := range []struct {
		name string
		p    access.Principal
	}{{"admin", admin}, {"school", op}} {
		for _, c := range []struct {
			name   string
			f      requests.Filter
			before int64
		}{
			{"first", requests.Filter{CampaignID: w.campaign}, 0},
			{"deep", requests.Filter{CampaignID: w.campaign}, int64(n / 10)},
			{"approved", requests.Filter{CampaignID: w.campaign, Status: requests.Approved}, 0},
			{"approved-deep", requests.Filter{CampaignID: w.campaign, Status: requests.Approved}, int64(n / 10)},
		} {
			b.Run(who.name+"/"+c.name, func(b *testing.B) {
				var ds []time.Duration
				for b.Loop() {
					start := time.Now()
					rows, _, err := w.s.List(ctx, who.p, c.f, store.Page{Limit: 50, Before: c.before})
					if err != nil {
						b.Fatal(err)
					}
					if len(rows) == 0 {
						b.Fatal("no rows")
					}
					ds = append(ds, time.Since(start))
				}
				slices.Sort(ds)
				b.ReportMetric(float64(ds[len(ds)*95/100].Microseconds())/1000, "p95-ms")
			})
		}
	}
}

// seedRequests registers n children in twenty schools of Karaganda and a
// request for each in the world's campaign, statuses in turn, and returns
// an operator of the first school.
func seedRequests(b *testing.B, w *world, n int) access.Principal {
	b.Helper()
	o, err := orgs.New(w.db, w.log, clock)
	must(b, err)
	var paths []string
	w.exec(b, "CREATE TABLE bench_schools (i INTEGER PRIMARY KEY, id INTEGER NOT NULL, path TEXT NOT NULL)")
	for i := range 20 {
		s, err := o.Create(ctx, admin, orgs.Input{Name: fmt.Sprint("School ", i), Type: orgs.School, ParentID: w.found.ID, RegionCode: "KZ-35"})
		must(b, err)
		w.exec(b, "INSERT INTO bench_schools (i, id, path) VALUES ($1, $2, $3)", i, s.ID, s.Path)
		paths = append(paths, s.Path)
	}
	began := time.Now()
	w.exec(b, `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1)
		INSERT INTO persons (last_name, first_name, region_id, region_path, org_id, org_path, created_at, updated_at)
		SELECT 'Child', CAST(n.i AS TEXT), r.id, r.path, s.id, s.path, $2, $2
		FROM n JOIN bench_schools s ON s.i = n.i % 20 JOIN regions r ON r.code = 'KZ-35'`, n, clock())
	statuses := requests.Statuses()
	w.exec(b, `INSERT INTO requests (reference, campaign_id, person_id, applicant_kind, channel, locale, status,
		org_id, org_path, region_id, region_path, submitted_at, updated_at)
		SELECT 'B' || CAST(p.id AS TEXT), $1, p.id, 'parent', 'hotline', 'ru',
		       CASE p.id % 9 WHEN 0 THEN $2 WHEN 1 THEN $3 WHEN 2 THEN $4 WHEN 3 THEN $5 WHEN 4 THEN $6
		                     WHEN 5 THEN $7 WHEN 6 THEN $8 WHEN 7 THEN $9 ELSE $10 END,
		       p.org_id, p.org_path, p.region_id, p.region_path, $11, $11
		FROM persons p`, w.campaign, statuses[0], statuses[1], statuses[2], statuses[3], statuses[4], statuses[5],
		statuses[6], statuses[7], statuses[8], clock())
	w.exec(b, "ANALYZE")
	b.Logf("%d requests in %v", n, time.Since(began))
	return access.Principal{UserID: 2, Role: access.Operator, OrgPath: paths[0]}
}
