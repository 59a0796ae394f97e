package demo_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// The demo's stock: three warehouses, kits assembled in Karaganda, 100
// computers by serial in Astana, backpacks in transit; seeding twice adds
// nothing and the counters agree with the ledger.
func TestDemoStock(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := services(t, db)
		for range 2 {
			if _, err := demo.Seed(ctx, svc, demo.Options{Now: now, NoRegistry: true}); err != nil {
				t.Fatal(err)
			}
		}
		ws, err := svc.Stock.Warehouses(ctx, access.System)
		if err != nil {
			t.Fatal(err)
		}
		byCode := map[string]stock.Warehouse{}
		for _, w := range ws {
			byCode[w.Code] = w
		}
		if len(ws) != 3 || byCode["KRG-C"].RegionCode != "KZ-35" || byCode["QZV-1"].RegionCode != "IR-26" {
			t.Fatalf("warehouses %+v", ws)
		}
		units, err := svc.Stock.Units(ctx, access.System, byCode["AST-1"].ID, stock.UnitInStock)
		if err != nil || len(units) != 100 || units[0].Serial != "DT-PC-0001" {
			t.Fatalf("%d computers in Astana (%v)", len(units), err)
		}
		transit, err := svc.Stock.InTransitTo(ctx, access.System, byCode["AST-1"].ID)
		if err != nil || len(transit) != 1 {
			t.Fatalf("in transit to Astana: %+v %v", transit, err)
		}
		bs, err := svc.Stock.Balances(ctx, access.System, byCode["KRG-C"].ID)
		if err != nil {
			t.Fatal(err)
		}
		kits := int64(0)
		for _, b := range bs {
			if b.ItemCode == "primary_kit" {
				kits = b.OnHand
			}
		}
		if kits != demo.KitsAssembled {
			t.Fatalf("%d kits in Karaganda, want %d", kits, demo.KitsAssembled)
		}
		r, err := svc.Stock.Verify(ctx)
		if err != nil || len(r.Mismatches) != 0 {
			t.Fatalf("verify: %+v %v", r, err)
		}
	})
}
