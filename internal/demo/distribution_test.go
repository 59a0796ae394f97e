package demo_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// The demo's distribution day at the central warehouse in Karaganda: open,
// the kits the allocation held there on its list, three handed over with
// a code, a signature and the signed list's photo, the rest waiting; loading the
// demo again adds nothing, and the ledger agrees with its counters.
func TestDemoDistributionDay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := services(t, db)
		for range 2 {
			if _, err := demo.Seed(ctx, svc, demo.Options{Now: now}); err != nil {
				t.Fatal(err)
			}
		}
		events, err := svc.Distribution.Events(ctx, access.System, distribution.Filter{})
		if err != nil || len(events) != 2 {
			t.Fatalf("events %+v %v", events, err)
		}
		byPoint := map[string]distribution.Event{}
		for _, e := range events {
			byPoint[e.WarehouseCode] = e
		}
		e := byPoint["KRG-C"]
		if e.Place != demo.DayPlace || e.Status != distribution.Open || e.WarehouseCode != "KRG-C" {
			t.Fatalf("the day %+v", e)
		}
		_, rows, err := svc.Distribution.Lines(ctx, access.System, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		proofs := map[distribution.Proof]int{}
		waiting := 0
		for _, r := range rows {
			if r.Handed() {
				proofs[r.Proof]++
			} else if r.HeldAt == e.WarehouseID {
				waiting++
			}
		}
		// The day's list is what the sample allocation's first round held
		// there: DayHanded handed over, the rest waiting.
		runs, err := svc.Allocation.Runs(ctx, access.System, e.CampaignID, 10)
		if err != nil || len(runs) != 1 {
			t.Fatalf("allocation runs %+v %v", runs, err)
		}
		if proofs[distribution.Code] != 1 || proofs[distribution.Signature] != 1 || proofs[distribution.ListPhoto] != 1 ||
			waiting != runs[0].Served-demo.DayHanded {
			t.Fatalf("proofs %v, %d waiting", proofs, waiting)
		}
		photos, err := svc.Distribution.Photos(ctx, access.System, e.ID)
		if err != nil || len(photos) != 1 {
			t.Fatalf("photos %+v %v", photos, err)
		}
		// Astana's computers the allocation held are handed over at a day
		// of their own, each with a signature and its serial number.
		pc := byPoint["AST-1"]
		_, rows, err = svc.Distribution.Lines(ctx, access.System, pc.ID)
		if err != nil {
			t.Fatal(err)
		}
		handed := 0
		for _, r := range rows {
			if !r.Handed() || r.Proof != distribution.Signature || len(r.Serials) != 1 || r.RequestStatus != "delivered" {
				t.Errorf("computer line %+v", r)
			}
			handed++
		}
		runs, err = svc.Allocation.Runs(ctx, access.System, pc.CampaignID, 10)
		if err != nil || len(runs) != 1 || handed != runs[0].Served || handed < 3 || pc.Place != demo.DevicesPlace {
			t.Fatalf("%d computers handed over at %q, allocation runs %+v %v", handed, pc.Place, runs, err)
		}
		if r, err := svc.Stock.Verify(ctx); err != nil || len(r.Mismatches) != 0 {
			t.Fatalf("verify: %+v %v", r, err)
		}
	})
}
