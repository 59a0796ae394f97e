package stock_test

import (
	"database/sql"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

func TestWarehousesDonorsAndHoldsAcrossScopes(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		coord := f.Principal(access.Coordinator)
		// The code is unique; the Tehran coordinator cannot open one in
		// the Foundation's tree.
		_, err := f.s.CreateWarehouse(f.ctx, coord, stock.WarehouseInput{Code: "krg-1", Name: "Again", Kind: stock.Store,
			OrgID: w.Foundation.ID, Active: true})
		wantKey(t, err, "error.stock_code_taken")
		_, err = f.s.CreateWarehouse(f.ctx, w.Stranger.Principal(), stock.WarehouseInput{Code: "T", Name: "T",
			Kind: stock.Store, OrgID: w.Foundation.ID, Active: true})
		wantKey(t, err, "error.org_out_of_scope")
		// Closed, the point takes no movement.
		closed, err := f.s.UpdateWarehouse(f.ctx, coord, f.point.ID, stock.WarehouseInput{Code: f.point.Code,
			Name: "Almaty point (closed)", Kind: stock.DistributionPoint, OrgID: w.Centre.ID})
		must(t, err)
		if closed.Active || closed.Name != "Almaty point (closed)" {
			t.Fatalf("updated %+v", closed)
		}
		_, err = f.s.Receive(f.ctx, f.wh, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Donation,
			DonorID: f.donor.ID, Lines: []stock.Line{{ItemID: f.backpack, Quantity: 1}}})
		wantKey(t, err, "error.stock_warehouse_closed")
		// The Foundation's donor is seen from the Support centre below it;
		// the Tehran coordinator sees none.
		ds, err := f.s.Donors(f.ctx, f.wh)
		must(t, err)
		if len(ds) != 1 || ds[0].ID != f.donor.ID {
			t.Fatalf("donors seen from the centre: %+v", ds)
		}
		if ds, err = f.s.Donors(f.ctx, w.Stranger.Principal()); err != nil || len(ds) != 0 {
			t.Fatalf("donors seen from Tehran: %+v %v", ds, err)
		}
		// Holds: a request's holds are listed and released by line.
		f.donate(t, f.central, stock.Line{ItemID: f.uniform, Size: "128", Quantity: 4})
		r := f.request(t, "Nurlan", f.uniform, "128", 3)
		h := stock.Hold{RequestID: r, Line: 1, WarehouseID: f.central.ID, ItemID: f.uniform, Size: "128", Quantity: 3}
		must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) error { return f.s.Reserve(f.ctx, tx, []stock.Hold{h}) }))
		hs, err := f.s.Holds(f.ctx, f.DB.R, r)
		must(t, err)
		if len(hs) != 1 || hs[0] != h {
			t.Fatalf("holds %+v", hs)
		}
		// Handing the line over elsewhere is refused: its stock is held here.
		_, err = f.s.Issue(f.ctx, f.admin, stock.IssueInput{WarehouseID: f.point.ID, RequestID: r, Line: 1})
		wantKey(t, err, "error.stock_hold_elsewhere")
		must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) error {
			n, err := f.s.Release(f.ctx, tx, []stock.LineRef{{RequestID: r, Line: 1}, {RequestID: r, Line: 9}})
			if n != 1 {
				t.Errorf("released %d, want 1", n)
			}
			return err
		}))
		if _, res := f.balance(t, f.central, f.uniform, "128"); res != 0 {
			t.Fatalf("%d still reserved", res)
		}
		// A hold of another item than the line's is refused.
		h.ItemID, h.Size = f.backpack, ""
		err = f.DB.Tx(f.ctx, func(tx *sql.Tx) error { return f.s.Reserve(f.ctx, tx, []stock.Hold{h}) })
		wantKey(t, err, "error.stock_hold_item")
		// Moving the Support centre under School №1 moves its warehouse's
		// path with it.
		_, err = f.Services.Orgs.Update(f.ctx, access.System, w.Centre.ID, orgs.Input{Name: w.Centre.Name,
			Type: w.Centre.Type, ParentID: w.School.ID, RegionCode: "KZ-75", Active: true})
		must(t, err)
		school := access.Principal{Role: access.Coordinator, OrgPath: w.School.Path}
		if _, err := f.s.Warehouse(f.ctx, school, f.point.ID); err != nil {
			t.Fatalf("the point is not under School №1 after the move: %v", err)
		}
		verify(t, f)
	})
}
