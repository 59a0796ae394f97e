package main

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/store"
)

// benchAppeals is how many appeals BenchmarkDeskQueue records:
// JOL_BENCH_APPEALS, 100,000 by default.
func benchAppeals() int {
	if n, err := strconv.Atoi(os.Getenv("JOL_BENCH_APPEALS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// deskRegions are where the benchmark's appeals come from: Karaganda,
// whose hotline records a quarter of them, and four other regions whose
// appeals the foundation records.
var deskRegions = []string{"KZ-35", "KZ-75", "KZ-71", "KZ-79", "KZ-61"}

// BenchmarkDeskQueue measures the desk's queue page — session, the bounded
// count, the page of 50 by deadline, the callers' names, the render —
// over real HTTP, one client at a time, on benchAppeals appeals, as the
// Karaganda hotline's operator (a quarter of them in scope) and as the
// foundation's coordinator (all of them), and reports the 50th and 95th
// percentile latency. A fifth of the appeals are open; their deadlines
// spread over two years.
// Run: JOL_BENCH_APPEALS=1000000 go test -bench DeskQueue -run '^$' -benchtime 200x ./cmd/jol
func BenchmarkDeskQueue(b *testing.B) {
	s := startServer(b)
	ctx := context.Background()
	hotline, err := s.app.Accounts.LookupEmail(ctx, demo.Email("hotline"))
	if err != nil {
		b.Fatal(err)
	}
	hp := hotline.Principal()
	coord, err := s.app.Accounts.LookupEmail(ctx, demo.Email("coordinator"))
	if err != nil {
		b.Fatal(err)
	}
	fund, err := s.app.Orgs.Get(ctx, coord.Principal(), coord.OrgID)
	if err != nil {
		b.Fatal(err)
	}
	kinds := []string{"question", "complaint", "request_for_aid", "out_of_school_report", "other"}
	statuses := []string{"open", "answered", "closed", "closed", "closed"}
	began := time.Now()
	err = s.app.db.Tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, store.Rebind(s.app.db.Engine, `INSERT INTO appeals (kind, channel, status,
			caller_name, caller_phone, subject, region_id, region_path, org_id, org_path, assignee_id, received_at,
			working_days, due_on, updated_at)
			SELECT $1, 'hotline', $2, $3, '+7 701 000 00 00', $4, id, path, $5, $6, $7, $8, 3, $9, $8 FROM regions WHERE code = $10`))
		if err != nil {
			return err
		}
		start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range benchAppeals() {
			region := deskRegions[i%len(deskRegions)]
			org, orgPath := fund.ID, fund.Path
			var assignee sql.NullInt64
			if region == "KZ-35" {
				org, orgPath = hotline.OrgID, hp.OrgPath
				if i%3 == 0 {
					assignee = sql.NullInt64{Int64: hotline.ID, Valid: true}
				}
			}
			received := start.Add(time.Duration(i%700_000) * time.Minute)
			due := store.Day(received).AddDate(0, 0, 1+i%5)
			if _, err := st.ExecContext(ctx, kinds[(i/len(deskRegions))%len(kinds)], statuses[(i/7)%len(statuses)], "Заявитель "+strconv.Itoa(i%997),
				"Вопрос о помощи к школе №"+strconv.Itoa(i), org, orgPath, assignee, received, due, region); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("recorded %d appeals in %v", benchAppeals(), time.Since(began))
	for _, who := range []struct {
		name, local string
		paths       []string
	}{
		{"hotline", "hotline", []string{"/desk", "/desk?kind=complaint", "/desk?mine=1", "/desk?page=20", "/desk?status=closed",
			"/desk?kind=other&status=answered&mine=1"}},
		{"coordinator", "coordinator", []string{"/desk", "/desk?kind=out_of_school_report&status=answered"}},
	} {
		c := s.login(b, who.local)
		for _, path := range who.paths {
			b.Run(who.name+path, func(b *testing.B) {
				var lat []time.Duration
				for b.Loop() {
					t0 := time.Now()
					res, err := c.Get(s.url + path)
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
}
