package main

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/reports"
	"github.com/jolproject/jol/internal/store"
)

// BenchmarkCampaignReport measures the final report pack of the campaign
// BenchmarkCampaignDashboard seeds (benchDashboardRequests requests, three
// times as many people), closed: producing the report (a fresh count of
// the campaign and the figures kept) and, alone, the fresh count it
// starts with (the dashboard's refresh), drawing its PDF (in Russian) and
// its workbook, the two drawings together, and the whole pack (produce,
// PDF, workbook), each with the processor time it took (cpu-s/op), which
// the machine's load stretches less than wall time. Producing
// again removes the report first; the campaign stays reported.
// Run: go test -v -bench CampaignReport -run '^$' -benchtime 3x -timeout 60m ./cmd/jol
func BenchmarkCampaignReport(b *testing.B) {
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
	seeded := seedDashboard(b, s, fund.ID, fund.Path, benchDashboardRequests())
	c, err := s.app.Campaigns.Get(ctx, access.System, seeded.ID)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.app.Campaigns.Transition(ctx, access.System, c.ID, c.Version, campaign.Closed); err != nil {
		b.Fatal(err)
	}
	p, rs := coord.Principal(), s.app.Reports
	// produce makes the report again and returns it with the processor
	// time it took.
	produce := func(b *testing.B) (reports.Report, time.Duration) {
		b.StopTimer()
		if _, err := s.app.db.W.ExecContext(ctx, store.Rebind(s.app.db.Engine, "DELETE FROM campaign_reports WHERE campaign_id = $1"), c.ID); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		cpu := cpuTime()
		rep, err := rs.Produce(ctx, p, c.ID)
		if err != nil {
			b.Fatal(err)
		}
		return rep, cpuTime() - cpu
	}
	draw := func(b *testing.B, rep reports.Report, pdf, xlsx bool) {
		if pdf {
			if err := rs.WritePDF(io.Discard, rep, i18n.RU); err != nil {
				b.Fatal(err)
			}
		}
		if xlsx {
			if err := rs.WriteXLSX(io.Discard, rep, i18n.RU); err != nil {
				b.Fatal(err)
			}
		}
	}
	t0 := time.Now()
	rep, _ := produce(b)
	b.Logf("first report: %v; %d requests, %d regions, %d categories", time.Since(t0), rep.Figures.Requests,
		len(rep.Figures.Regions), len(rep.Figures.Categories))
	// The fresh count Produce starts with, alone.
	b.Run("refresh", func(b *testing.B) {
		cpu := cpuTime()
		for b.Loop() {
			if err := s.app.Dashboard.Refresh(ctx, c.ID); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	})
	for _, x := range []struct {
		name      string
		fresh     bool
		pdf, xlsx bool
	}{{"produce", true, false, false}, {"pdf", false, true, false}, {"xlsx", false, false, true},
		{"pdf+xlsx", false, true, true}, {"pack", true, true, true}} {
		b.Run(x.name, func(b *testing.B) {
			var cpu time.Duration // processor time of the timed part
			for b.Loop() {
				r := rep
				if x.fresh {
					var took time.Duration
					r, took = produce(b)
					cpu += took
				}
				t0 := cpuTime()
				draw(b, r, x.pdf, x.xlsx)
				cpu += cpuTime() - t0
			}
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
