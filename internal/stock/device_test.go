package stock_test

import (
	"database/sql"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// A device's story: the donation it came in, the transfer that took it
// to the distribution point, the hold allocation made and the handover
// that closed it, each read back through the exported reads.
func TestDeviceStoryIsReadBack(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.central, stock.Line{ItemID: f.pc, Serials: []string{"pc-101", "pc-102"}})
		tr, err := f.s.Dispatch(f.ctx, f.admin, stock.TransferInput{FromID: f.central.ID, ToID: f.point.ID,
			Lines: []stock.Line{{ItemID: f.pc, Serials: []string{"PC-101"}}}})
		must(t, err)
		_, err = f.s.ReceiveTransfer(f.ctx, f.wh, stock.ArrivalInput{DocID: tr.ID})
		must(t, err)
		r := f.request(t, "Aru", f.pc, "", 1)
		must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) error {
			return f.s.Reserve(f.ctx, tx, []stock.Hold{{RequestID: r, Line: 1, WarehouseID: f.point.ID, ItemID: f.pc,
				Quantity: 1, RunID: 7}})
		}))
		var issue stock.Doc
		must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) (err error) {
			issue, err = f.s.IssueReserved(f.ctx, tx, f.wh, stock.Handover{RequestID: r, Line: 1, Serials: []string{"pc-101"}})
			return err
		}))

		found, err := f.s.DevicesBySerial(f.ctx, f.wh, " pc-101")
		must(t, err)
		if len(found) != 1 || found[0].State != stock.UnitIssued || found[0].WarehouseID != f.point.ID ||
			found[0].DonorName != "Steel Co" || found[0].LotKind != stock.LotDonation || found[0].DocID != issue.ID {
			t.Fatalf("by serial %+v", found)
		}
		dev, err := f.s.Device(f.ctx, f.wh, found[0].ID)
		must(t, err)
		if dev.Serial != "PC-101" || dev.ItemID != f.pc {
			t.Fatalf("device %+v", dev)
		}
		evs, err := f.s.DeviceHistory(f.ctx, f.wh, dev.ID)
		must(t, err)
		want := []struct {
			kind stock.DocKind
			wh   int64
			qty  int64
		}{{stock.Donation, f.central.ID, 1}, {stock.Transfer, f.central.ID, -1}, {stock.Transfer, f.point.ID, 1},
			{stock.IssuePerson, f.point.ID, -1}}
		if len(evs) != len(want) {
			t.Fatalf("%d events, want %d: %+v", len(evs), len(want), evs)
		}
		for i, e := range evs {
			if e.Kind != want[i].kind || e.WarehouseID != want[i].wh || e.Quantity != want[i].qty {
				t.Fatalf("event %d is %+v, want %+v", i, e, want[i])
			}
		}
		if last := evs[3]; last.RequestID != r || last.Reference == "" || last.RequestLine != 1 {
			t.Fatalf("handover %+v", last)
		}
		if evs[1].ToName != "Almaty point" || evs[2].ReceivedAt.IsZero() {
			t.Fatalf("transfer %+v %+v", evs[1], evs[2])
		}
		holds, err := f.s.LineHolds(f.ctx, f.wh, r, 1)
		must(t, err)
		if len(holds) != 1 || holds[0].Status != "issued" || holds[0].DocID != issue.ID || holds[0].RunID != 7 ||
			holds[0].ClosedAt.IsZero() || holds[0].WarehouseName != "Almaty point" {
			t.Fatalf("holds %+v", holds)
		}

		// Outside the scope the device is not there, nor its holds.
		stranger := w.Stranger.Principal()
		if _, err := f.s.Device(f.ctx, stranger, dev.ID); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("a stranger read the device: %v", err)
		}
		if got, _ := f.s.DevicesBySerial(f.ctx, stranger, "PC-101"); len(got) != 0 {
			t.Fatalf("a stranger found %+v", got)
		}
		if got, _ := f.s.LineHolds(f.ctx, stranger, r, 1); len(got) != 0 {
			t.Fatalf("a stranger read holds %+v", got)
		}
		if _, err := f.s.Device(f.ctx, w.Principal(access.Sponsor), dev.ID); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("a sponsor read a device: %v", err)
		}
	})
}

// IssueInstitutionTx writes in the caller's transaction: what the caller
// rolls back leaves no trace in the ledger, and a shortage is refused.
func TestIssueInstitutionInCallersTransaction(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.central, stock.Line{ItemID: f.backpack, Quantity: 10})
		before := f.state(t)
		in := stock.InstitutionInput{WarehouseID: f.central.ID, OrgID: w.Centre.ID,
			Lines: []stock.Line{{ItemID: f.backpack, Quantity: 4}}}
		rollback := errs.New(errs.Conflict, "error.test")
		err := f.DB.Tx(f.ctx, func(tx *sql.Tx) error {
			if _, err := f.s.IssueInstitutionTx(f.ctx, tx, f.admin, in); err != nil {
				return err
			}
			return rollback
		})
		if err != rollback {
			t.Fatal(err)
		}
		if after := f.state(t); after != before {
			t.Fatalf("a rolled back issue changed the ledger:\n%s\n%s", before, after)
		}
		in.Lines[0].Quantity = 11
		err = f.DB.Tx(f.ctx, func(tx *sql.Tx) error { _, err := f.s.IssueInstitutionTx(f.ctx, tx, f.admin, in); return err })
		wantKey(t, err, "error.stock_short")
		in.Lines[0].Quantity = 10
		must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) error { _, err := f.s.IssueInstitutionTx(f.ctx, tx, f.admin, in); return err }))
		if on, _ := f.balance(t, f.central, f.backpack, ""); on != 0 {
			t.Fatalf("%d backpacks left, want 0", on)
		}
	})
}
