package stock_test

import (
	"fmt"
	"testing"

	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

func TestDevicesAreFollowedBySerial(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.point, stock.Line{ItemID: f.pc, Serials: []string{"pc-001", "PC-002 ", "pc-003"}})
		if on, _ := f.balance(t, f.point, f.pc, ""); on != 3 {
			t.Fatalf("%d computers on hand, want 3", on)
		}
		// The same serial again, in any case, is refused.
		before := f.state(t)
		_, err := f.s.Receive(f.ctx, f.wh, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Donation,
			DonorID: f.donor.ID, Lines: []stock.Line{{ItemID: f.pc, Serials: []string{"PC-004", "Pc-002"}}}})
		wantKey(t, err, "error.stock_serial_taken")
		_, err = f.s.Receive(f.ctx, f.wh, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Donation,
			DonorID: f.donor.ID, Lines: []stock.Line{{ItemID: f.pc, Quantity: 2}}})
		wantKey(t, err, "error.stock_serials_required")
		if after := f.state(t); after != before {
			t.Fatalf("a refused receipt changed the ledger:\n%s\n%s", before, after)
		}
		r1, r2 := f.request(t, "Dana", f.pc, "", 1), f.request(t, "Erlan", f.pc, "", 1)
		d, err := f.s.Issue(f.ctx, f.wh, stock.IssueInput{WarehouseID: f.point.ID, RequestID: r1, Line: 1,
			Serials: []string{"pc-002"}})
		must(t, err)
		if len(d.Moves) != 1 || d.Moves[0].Serial != "PC-002" {
			t.Fatalf("issue moves %+v", d.Moves)
		}
		before = f.state(t)
		_, err = f.s.Issue(f.ctx, f.wh, stock.IssueInput{WarehouseID: f.point.ID, RequestID: r2, Line: 1,
			Serials: []string{"PC-002"}, Locale: "fa"})
		wantKey(t, err, "error.stock_serial_issued")
		_, err = f.s.Issue(f.ctx, f.wh, stock.IssueInput{WarehouseID: f.point.ID, RequestID: r2, Line: 1,
			Serials: []string{"PC-999"}})
		wantKey(t, err, "error.stock_serial_unknown")
		if after := f.state(t); after != before {
			t.Fatalf("a refused handover changed the ledger:\n%s\n%s", before, after)
		}
		// A receipt of a handed-over serial is refused as such.
		_, err = f.s.Receive(f.ctx, f.wh, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Donation,
			DonorID: f.donor.ID, Lines: []stock.Line{{ItemID: f.pc, Serials: []string{"PC-002"}}}})
		wantKey(t, err, "error.stock_serial_issued")
	})
}

func TestHostileQuantitiesAndSerials(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		before := f.state(t)
		many := make([]string, 10_000)
		for i := range many {
			many[i] = fmt.Sprintf("SN-%05d", i)
		}
		for _, tc := range []struct {
			lines []stock.Line
			key   string
		}{
			{[]stock.Line{{ItemID: f.backpack, Quantity: -5}}, "error.stock_quantity_range"},
			{[]stock.Line{{ItemID: f.backpack, Quantity: 0}}, "error.stock_quantity_range"},
			{[]stock.Line{{ItemID: f.backpack, Quantity: 1 << 62}}, "error.stock_quantity_range"},
			{[]stock.Line{{ItemID: f.pc, Serials: many}}, "error.stock_serials_too_many"},
			{[]stock.Line{{ItemID: f.pc, Serials: []string{"A", "a"}}}, "error.stock_serial_twice"},
			{[]stock.Line{{ItemID: f.pc, Serials: []string{"A\x00B"}}}, "error.stock_serial_invalid"},
			{[]stock.Line{{ItemID: f.backpack, Quantity: 1, Serials: []string{"X"}}}, "error.stock_serials_not_tracked"},
			{[]stock.Line{{ItemID: f.uniform, Quantity: 1}}, "error.size_required"},
			{[]stock.Line{{ItemID: f.backpack, Size: "XL", Quantity: 1}}, "error.size_not_applicable"},
			{[]stock.Line{{ItemID: 999999, Quantity: 1}}, "error.stock_item_unknown"},
			{nil, "error.stock_lines_range"},
			{make([]stock.Line, stock.MaxLines+1), "error.stock_lines_range"},
		} {
			_, err := f.s.Receive(f.ctx, f.wh, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Donation,
				DonorID: f.donor.ID, Lines: tc.lines})
			wantKey(t, err, tc.key)
		}
		_, err := f.s.Receive(f.ctx, f.wh, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Purchase,
			Currency: "tenge", Lines: []stock.Line{{ItemID: f.backpack, Quantity: 1, UnitCost: -1}}})
		wantKey(t, err, "error.stock_currency")
		wantKey(t, err, "error.stock_cost_range")
		if after := f.state(t); after != before {
			t.Fatalf("a refused receipt changed the ledger:\n%s\n%s", before, after)
		}
		// MaxSerials devices in one receipt are taken.
		_, err = f.s.Receive(f.ctx, f.wh, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Donation,
			DonorID: f.donor.ID, Lines: []stock.Line{{ItemID: f.pc, Serials: many[:stock.MaxSerials]}}})
		must(t, err)
		if on, _ := f.balance(t, f.point, f.pc, ""); on != stock.MaxSerials {
			t.Fatalf("%d devices on hand, want %d", on, stock.MaxSerials)
		}
	})
}
