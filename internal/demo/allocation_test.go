package demo_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
)

// The demo commits a first round of allocation for this year's Road to
// School and the Astana computers: requests allocated with their stock
// held, others left on the waiting list with the reason, the ledger
// sound, and a second seed changes nothing.
func TestDemoAllocation(t *testing.T) {
	db, svc := seeded(t)
	if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil {
		t.Fatalf("second seed: %v", err)
	}
	l := svc.Catalog.Localizer(i18n.EN)
	for _, slug := range []string{"road-2026", "devices-astana-2026"} {
		c, err := svc.Campaigns.Public(ctx, slug)
		if err != nil {
			t.Fatal(err)
		}
		runs, err := svc.Allocation.Runs(ctx, access.System, c.ID, 10)
		if err != nil || len(runs) != 1 || !runs[0].Committed || runs[0].Served == 0 || runs[0].Waitlisted == 0 {
			t.Fatalf("%s: runs %+v %v", slug, runs, err)
		}
		var waiting, allocated []int64
		rows, err := db.R.QueryContext(ctx, store.Rebind(db.Engine, "SELECT id, status FROM requests WHERE campaign_id = $1"), c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			var st string
			if err := rows.Scan(&id, &st); err != nil {
				t.Fatal(err)
			}
			switch st {
			case "waitlisted":
				waiting = append(waiting, id)
			case "allocated":
				allocated = append(allocated, id)
			case "approved":
				t.Errorf("%s: request %d is still approved", slug, id)
			}
		}
		rows.Close()
		for _, id := range allocated {
			holds, err := svc.Stock.Holds(ctx, db.R, id)
			if err != nil || len(holds) == 0 {
				t.Errorf("%s: allocated request %d holds nothing", slug, id)
			}
		}
		for _, id := range waiting {
			lines, err := svc.ExplainAllocation(ctx, l, access.System, id)
			if err != nil || len(lines) == 0 || !strings.Contains(lines[0].Explanation, "quota") {
				t.Errorf("%s: waiting request %d explained as %+v %v", slug, id, lines, err)
			}
			t.Logf("%s: %s", slug, lines[0].Explanation)
		}
	}
	r, err := svc.Stock.Verify(ctx)
	if err != nil || len(r.Mismatches) > 0 {
		t.Fatalf("ledger: %v %+v", err, r.Mismatches)
	}
}
