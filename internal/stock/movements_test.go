package stock_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

func TestTransferWithDiscrepancy(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.central, stock.Line{ItemID: f.backpack, Quantity: 30})
		f.donate(t, f.central, stock.Line{ItemID: f.pc, Serials: []string{"A1", "A2", "A3"}})
		before := f.state(t)
		_, err := f.s.Dispatch(f.ctx, f.admin, stock.TransferInput{FromID: f.central.ID, ToID: f.central.ID,
			Lines: []stock.Line{{ItemID: f.backpack, Quantity: 1}}})
		wantKey(t, err, "error.stock_same_warehouse")
		_, err = f.s.Dispatch(f.ctx, f.admin, stock.TransferInput{FromID: f.central.ID, ToID: f.point.ID,
			Lines: []stock.Line{{ItemID: f.backpack, Quantity: 31}}})
		wantKey(t, err, "error.stock_short")
		if after := f.state(t); after != before {
			t.Fatalf("a refused transfer changed the ledger:\n%s\n%s", before, after)
		}
		d, err := f.s.Dispatch(f.ctx, f.admin, stock.TransferInput{FromID: f.central.ID, ToID: f.point.ID,
			Lines: []stock.Line{{ItemID: f.backpack, Quantity: 20}, {ItemID: f.pc, Quantity: 2}}})
		must(t, err)
		if d.Status != stock.InTransit {
			t.Fatalf("status %s", d.Status)
		}
		if on, _ := f.balance(t, f.central, f.backpack, ""); on != 10 {
			t.Fatalf("central keeps %d backpacks, want 10", on)
		}
		transit, err := f.s.InTransitTo(f.ctx, f.wh, f.point.ID)
		must(t, err)
		if len(transit) != 1 || transit[0].ID != d.ID || transit[0].Net != -22 {
			t.Fatalf("in transit %+v", transit)
		}
		// 18 backpacks and one computer arrive.
		got, err := f.s.ReceiveTransfer(f.ctx, f.wh, stock.ArrivalInput{DocID: d.ID, Note: "two torn",
			Lines: []stock.Line{{ItemID: f.backpack, Quantity: 18}, {ItemID: f.pc, Serials: []string{"a2"}}}})
		must(t, err)
		if got.Status != stock.Received || got.ReceivedNote != "two torn" {
			t.Fatalf("received %+v", got)
		}
		if on, _ := f.balance(t, f.point, f.backpack, ""); on != 18 {
			t.Fatalf("point holds %d backpacks, want 18", on)
		}
		if on, _ := f.balance(t, f.point, f.pc, ""); on != 1 {
			t.Fatalf("point holds %d computers, want 1", on)
		}
		units, err := f.s.Units(f.ctx, f.admin, f.central.ID, "")
		must(t, err)
		states := map[string]string{}
		for _, u := range units {
			states[u.Serial] = u.State
		}
		if states["A1"] != stock.UnitWrittenOff || states["A3"] != stock.UnitInStock {
			t.Fatalf("central devices %v", states)
		}
		before = f.state(t)
		_, err = f.s.ReceiveTransfer(f.ctx, f.wh, stock.ArrivalInput{DocID: d.ID})
		wantKey(t, err, "error.stock_transfer_received")
		if after := f.state(t); after != before {
			t.Fatalf("a second arrival changed the ledger:\n%s\n%s", before, after)
		}
		// The discrepancy is the document's net: 2 backpacks and a computer.
		doc, err := f.s.Doc(f.ctx, f.wh, d.ID)
		must(t, err)
		net := map[int64]int64{}
		for _, m := range doc.Moves {
			net[m.ItemID] += m.Quantity
		}
		if net[f.backpack] != -2 || net[f.pc] != -1 {
			t.Fatalf("discrepancy %v", net)
		}
		verify(t, f)
	})
}

func TestKitAssemblyTracesDonors(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		other, err := f.s.CreateDonor(f.ctx, f.admin, stock.DonorInput{Name: "Bank", Kind: stock.DonorCompany,
			OrgID: w.Foundation.ID})
		must(t, err)
		f.donate(t, f.central, stock.Line{ItemID: f.backpack, Quantity: 3}, stock.Line{ItemID: f.stationery, Quantity: 5},
			stock.Line{ItemID: f.diary, Quantity: 5})
		_, err = f.s.Receive(f.ctx, f.admin, stock.ReceiptInput{WarehouseID: f.central.ID, Kind: stock.Donation,
			DonorID: other.ID, Lines: []stock.Line{{ItemID: f.notebook, Quantity: 25}}})
		must(t, err)
		before := f.state(t)
		// Four kits need 40 notebooks and 4 backpacks: refused, naming the
		// component.
		_, err = f.s.Assemble(f.ctx, f.wh, stock.AssembleInput{WarehouseID: f.central.ID, KitID: f.kit, Quantity: 2})
		if err == nil {
			t.Fatal("the Support centre's warehouse user assembled at the Foundation's warehouse")
		}
		_, err = f.s.Assemble(f.ctx, f.admin, stock.AssembleInput{WarehouseID: f.central.ID, KitID: f.kit, Quantity: 4,
			Locale: "kk"})
		wantKey(t, err, "error.stock_kit_short")
		_, err = f.s.Assemble(f.ctx, f.admin, stock.AssembleInput{WarehouseID: f.central.ID, KitID: f.backpack, Quantity: 1})
		wantKey(t, err, "error.stock_not_kit")
		if after := f.state(t); after != before {
			t.Fatalf("a refused assembly changed the ledger:\n%s\n%s", before, after)
		}
		d, err := f.s.Assemble(f.ctx, f.admin, stock.AssembleInput{WarehouseID: f.central.ID, KitID: f.kit, Quantity: 2})
		must(t, err)
		if on, _ := f.balance(t, f.central, f.kit, ""); on != 2 {
			t.Fatalf("%d kits", on)
		}
		if on, _ := f.balance(t, f.central, f.notebook, ""); on != 5 {
			t.Fatalf("%d notebooks left, want 5", on)
		}
		if len(d.Moves) != 5 {
			t.Fatalf("assembly moves %+v", d.Moves)
		}
		// A kit handed to a child reaches both donors; the operator of
		// School №1 sees the child, the warehouse role only the count.
		r := f.request(t, "Gulnar", f.kit, "", 1)
		_, err = f.s.Issue(f.ctx, f.admin, stock.IssueInput{WarehouseID: f.central.ID, RequestID: r, Line: 1})
		must(t, err)
		for _, donor := range []int64{f.donor.ID, other.ID} {
			tr, err := f.s.Trace(f.ctx, f.Principal(access.Coordinator), donor)
			must(t, err)
			if tr.Children != 1 || len(tr.Requests) != 1 || tr.Requests[0].RequestID != r || tr.InStock[f.kit] != 1 {
				t.Fatalf("trace of donor %d: %+v", donor, tr)
			}
		}
		tr, err := f.s.Trace(f.ctx, f.Principal(access.Warehouse), other.ID)
		if err == nil && len(tr.Requests) != 0 {
			t.Fatalf("the warehouse role reads the children a gift reached: %+v", tr.Requests)
		}
		if _, err := f.s.Trace(f.ctx, f.Principal(access.Sponsor), other.ID); err == nil {
			t.Fatal("a sponsor traced a gift to children")
		}
		verify(t, f)
	})
}

func TestWriteOffReturnAndCount(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.point, stock.Line{ItemID: f.uniform, Size: "134", Quantity: 10},
			stock.Line{ItemID: f.pc, Serials: []string{"X1", "X2"}})
		before := f.state(t)
		for _, in := range []stock.WriteOffInput{
			{WarehouseID: f.point.ID, Lines: []stock.Line{{ItemID: f.uniform, Size: "134", Quantity: 1}}},
			{WarehouseID: f.point.ID, Reason: stock.Other, Lines: []stock.Line{{ItemID: f.uniform, Size: "134", Quantity: 1}}},
		} {
			_, err := f.s.WriteOff(f.ctx, f.wh, in)
			wantKey(t, err, map[bool]string{true: "error.invalid_choice_of", false: "error.stock_reason_note"}[in.Reason == ""])
		}
		if after := f.state(t); after != before {
			t.Fatalf("a refused write-off changed the ledger:\n%s\n%s", before, after)
		}
		_, err := f.s.WriteOff(f.ctx, f.wh, stock.WriteOffInput{WarehouseID: f.point.ID, Reason: stock.Damaged,
			Lines: []stock.Line{{ItemID: f.uniform, Size: "134", Quantity: 2}, {ItemID: f.pc, Serials: []string{"X1"}}}})
		must(t, err)
		r := f.request(t, "Farida", f.pc, "", 1)
		_, err = f.s.Issue(f.ctx, f.wh, stock.IssueInput{WarehouseID: f.point.ID, RequestID: r, Line: 1,
			Serials: []string{"X1"}})
		wantKey(t, err, "error.stock_serial_written_off")
		given, err := f.s.IssueInstitution(f.ctx, f.wh, stock.InstitutionInput{WarehouseID: f.point.ID, OrgID: w.Centre.ID,
			Lines: []stock.Line{{ItemID: f.uniform, Size: "134", Quantity: 5}}})
		must(t, err)
		_, err = f.s.Return(f.ctx, f.wh, stock.ReturnInput{DocID: given.ID,
			Lines: []stock.Line{{ItemID: f.uniform, Size: "134", Quantity: 6}}})
		wantKey(t, err, "error.stock_return_exceeds")
		_, err = f.s.Return(f.ctx, f.wh, stock.ReturnInput{DocID: given.ID,
			Lines: []stock.Line{{ItemID: f.uniform, Size: "134", Quantity: 4}}})
		must(t, err)
		_, err = f.s.Return(f.ctx, f.wh, stock.ReturnInput{DocID: given.ID,
			Lines: []stock.Line{{ItemID: f.uniform, Size: "134", Quantity: 2}}})
		wantKey(t, err, "error.stock_return_exceeds")
		if on, _ := f.balance(t, f.point, f.uniform, "134"); on != 7 {
			t.Fatalf("%d uniforms, want 10-2-5+4 = 7", on)
		}
		// A device handed over and brought back can be handed over again.
		d, err := f.s.Issue(f.ctx, f.wh, stock.IssueInput{WarehouseID: f.point.ID, RequestID: r, Line: 1,
			Serials: []string{"X2"}})
		must(t, err)
		_, err = f.s.Return(f.ctx, f.wh, stock.ReturnInput{DocID: d.ID, Lines: []stock.Line{{ItemID: f.pc, Serials: []string{"X2"}}}})
		must(t, err)
		_, err = f.s.Issue(f.ctx, f.wh, stock.IssueInput{WarehouseID: f.point.ID, RequestID: r, Line: 1,
			Serials: []string{"X2"}})
		must(t, err)
		// A count finds 9: two more come in as a surplus lot.
		_, err = f.s.Count(f.ctx, f.wh, stock.CountInput{WarehouseID: f.point.ID,
			Lines: []stock.Counted{{ItemID: f.uniform, Size: "134", Counted: 9}, {ItemID: f.backpack, Counted: 0}}})
		must(t, err)
		if on, _ := f.balance(t, f.point, f.uniform, "134"); on != 9 {
			t.Fatalf("%d uniforms after the count", on)
		}
		_, err = f.s.Count(f.ctx, f.wh, stock.CountInput{WarehouseID: f.point.ID,
			Lines: []stock.Counted{{ItemID: f.uniform, Size: "134", Counted: 3}}})
		must(t, err)
		lots, err := f.s.LotBalances(f.ctx, f.wh, f.point.ID)
		must(t, err)
		var total int64
		for _, l := range lots {
			if l.ItemID == f.uniform {
				total += l.OnHand
			}
		}
		if total != 3 {
			t.Fatalf("lots hold %d uniforms, want 3: %+v", total, lots)
		}
		_, err = f.s.Count(f.ctx, f.wh, stock.CountInput{WarehouseID: f.point.ID,
			Lines: []stock.Counted{{ItemID: f.pc, Counted: 3}}})
		wantKey(t, err, "error.stock_count_devices")
		es, next, err := f.s.History(f.ctx, f.wh, f.point.ID, store.Page{Limit: 3})
		must(t, err)
		if len(es) != 3 || next == "" || es[0].Kind != stock.Count {
			t.Fatalf("history %+v next %q", es, next)
		}
		n, err := f.s.HistoryCount(f.ctx, f.wh, f.point.ID)
		must(t, err)
		if n.N != 9 {
			t.Fatalf("history count %+v, want 9", n)
		}
		verify(t, f)
	})
}

func verify(t *testing.T, f *fix) {
	t.Helper()
	r, err := f.s.Verify(f.ctx)
	must(t, err)
	if len(r.Mismatches) != 0 {
		t.Fatalf("the counters disagree with the ledger: %+v", r.Mismatches)
	}
}
