package stock_test

import (
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

// BenchmarkIssue measures handovers of one unit to an institution, each a
// document of its own in its own transaction, by 16 goroutines at once
// against one balance row (the worst case: every handover waits for the
// one before on that row), on each engine. Reported: handovers per second.
func BenchmarkIssue(b *testing.B) {
	for _, eng := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(eng.name, func(b *testing.B) {
			w := testworld.New(b, eng.open(b))
			s, ctx, p := w.Services.Stock, b.Context(), w.Principal(access.Admin)
			var backpack int64
			if err := w.DB.R.QueryRowContext(ctx, "SELECT id FROM aid_items WHERE code = 'backpack'").Scan(&backpack); err != nil {
				b.Fatal(err)
			}
			wh, err := s.CreateWarehouse(ctx, p, stock.WarehouseInput{Code: "B", Name: "Bench", Kind: stock.Store,
				OrgID: w.Foundation.ID, Active: true})
			if err != nil {
				b.Fatal(err)
			}
			d, err := s.CreateDonor(ctx, p, stock.DonorInput{Name: "D", Kind: stock.DonorCompany, OrgID: w.Foundation.ID})
			if err != nil {
				b.Fatal(err)
			}
			// Ten lots, so handovers walk the oldest first.
			for range 10 {
				if _, err := s.Receive(ctx, p, stock.ReceiptInput{WarehouseID: wh.ID, Kind: stock.Donation, DonorID: d.ID,
					Lines: []stock.Line{{ItemID: backpack, Quantity: stock.MaxQuantity}}}); err != nil {
					b.Fatal(err)
				}
			}
			in := stock.InstitutionInput{WarehouseID: wh.ID, OrgID: w.Centre.ID, Lines: []stock.Line{{ItemID: backpack, Quantity: 1}}}
			b.SetParallelism(8) // 8 × GOMAXPROCS (2) goroutines
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := s.IssueInstitution(ctx, p, in); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "issues/s")
			var moves int64
			if err := w.DB.R.QueryRowContext(ctx, "SELECT count(*) FROM stock_moves WHERE quantity < 0").Scan(&moves); err != nil || moves < int64(b.N) {
				b.Fatalf("%d moves out for %d handovers (%v)", moves, b.N, err)
			}
		})
	}
}

// BenchmarkReserve measures holds of one unit for request lines, 500 per
// transaction as an allocation run writes them, on each engine; the
// requests are written before the clock starts. Reported: holds per
// second.
func BenchmarkReserve(b *testing.B) {
	for _, eng := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(eng.name, func(b *testing.B) {
			w := testworld.New(b, eng.open(b))
			benchReserve(b, w)
		})
	}
}

func benchReserve(b *testing.B, w *testworld.World) {
	s, ctx, p := w.Services.Stock, b.Context(), w.Principal(access.Admin)
	var uniform int64
	if err := w.DB.R.QueryRowContext(ctx, "SELECT id FROM aid_items WHERE code = 'school_uniform'").Scan(&uniform); err != nil {
		b.Fatal(err)
	}
	wh, err := s.CreateWarehouse(ctx, p, stock.WarehouseInput{Code: "R", Name: "Bench", Kind: stock.Store,
		OrgID: w.Foundation.ID, Active: true})
	if err != nil {
		b.Fatal(err)
	}
	d, err := s.CreateDonor(ctx, p, stock.DonorInput{Name: "D", Kind: stock.DonorCompany, OrgID: w.Foundation.ID})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Receive(ctx, p, stock.ReceiptInput{WarehouseID: wh.ID, Kind: stock.Donation, DonorID: d.ID,
		Lines: []stock.Line{{ItemID: uniform, Size: "128", Quantity: stock.MaxQuantity}}}); err != nil {
		b.Fatal(err)
	}
	holds := make([]stock.Hold, b.N)
	err = w.DB.Tx(ctx, func(tx *sql.Tx) error {
		var campaign int64
		q := func(dst *int64, query string, args ...any) error {
			return tx.QueryRowContext(ctx, store.Rebind(w.DB.Engine, query), args...).Scan(dst)
		}
		if err := q(&campaign, `INSERT INTO campaigns (slug, programme, organiser_id, org_path, starts_on, ends_on, status,
			created_at, updated_at) VALUES ('bench', 'kits', $1, $2, $3, $3, 'open', $4, $4) RETURNING id`,
			w.Foundation.ID, w.Foundation.Path, testworld.Day(2026, 9, 1), testworld.Epoch()); err != nil {
			return err
		}
		for i := range holds {
			var person, req int64
			if err := q(&person, `INSERT INTO persons (last_name, first_name, org_id, org_path, region_id, region_path,
				created_at, updated_at) SELECT 'B', 'B', $1, $2, id, path, $3, $3 FROM regions WHERE code = 'KZ-75'
				RETURNING id`, w.Foundation.ID, w.Foundation.Path, testworld.Epoch()); err != nil {
				return err
			}
			if err := q(&req, `INSERT INTO requests (reference, campaign_id, person_id, applicant_kind, channel, status,
				region_id, region_path, submitted_at, updated_at) SELECT $1, $2, $3, 'parent', 'centre', 'approved', id, path,
				$4, $4 FROM regions WHERE code = 'KZ-75' RETURNING id`, fmt.Sprint("B", i), campaign, person,
				testworld.Epoch()); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, store.Rebind(w.DB.Engine, `INSERT INTO request_lines (request_id, line, item_id,
				quantity, size) VALUES ($1, 1, $2, 1, '128')`), req, uniform); err != nil {
				return err
			}
			holds[i] = stock.Hold{RequestID: req, Line: 1, WarehouseID: wh.ID, ItemID: uniform, Size: "128", Quantity: 1}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	const batch = 500
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < len(holds); i += batch {
		if err := w.DB.Tx(ctx, func(tx *sql.Tx) error { return s.Reserve(ctx, tx, holds[i:min(i+batch, len(holds))]) }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "holds/s")
}
