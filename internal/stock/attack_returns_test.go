package stock_test

import (
	"testing"

	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// A device comes back only from the handover it is out with: not from
// another child's, and not a second time from its first handover once it
// has gone out again with a later one.
func TestADeviceComesBackFromItsOwnHandoverOnly(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.point, stock.Line{ItemID: f.pc, Serials: []string{"R-1", "R-2", "R-3"}})
		first, err := f.s.IssueInstitution(f.ctx, f.wh, stock.InstitutionInput{WarehouseID: f.point.ID, OrgID: w.Centre.ID,
			Lines: []stock.Line{{ItemID: f.pc, Serials: []string{"R-1", "R-2"}}}})
		must(t, err)
		r := f.request(t, "Gulnar", f.pc, "", 1)
		other, err := f.s.Issue(f.ctx, f.wh, stock.IssueInput{WarehouseID: f.point.ID, RequestID: r, Line: 1,
			Serials: []string{"R-3"}})
		must(t, err)
		back := func(doc int64, serial string) error {
			_, err := f.s.Return(f.ctx, f.wh, stock.ReturnInput{DocID: doc, Locale: "ru",
				Lines: []stock.Line{{ItemID: f.pc, Serials: []string{serial}}}})
			return err
		}
		before := f.state(t)
		wantKey(t, back(first.ID, "R-3"), "error.stock_return_serial") // another child's
		wantKey(t, back(other.ID, "R-1"), "error.stock_return_serial")
		wantKey(t, back(first.ID, "R-9"), "error.stock_return_serial") // never recorded
		if after := f.state(t); after != before {
			t.Fatalf("a refused return changed the ledger:\n%s\n%s", before, after)
		}
		must(t, back(first.ID, "R-1"))
		wantKey(t, back(first.ID, "R-1"), "error.stock_return_serial") // back already, in stock
		again, err := f.s.IssueInstitution(f.ctx, f.wh, stock.InstitutionInput{WarehouseID: f.point.ID, OrgID: w.Centre.ID,
			Lines: []stock.Line{{ItemID: f.pc, Serials: []string{"R-1"}}}})
		must(t, err)
		// R-2 is still out with the first handover, so its lot has one to
		// give back: R-1 is out with the second, and must not come back
		// from the first.
		before = f.state(t)
		wantKey(t, back(first.ID, "R-1"), "error.stock_return_serial")
		if after := f.state(t); after != before {
			t.Fatalf("a refused return changed the ledger:\n%s\n%s", before, after)
		}
		must(t, back(again.ID, "R-1"))
		must(t, back(first.ID, "R-2"))
		if on, _ := f.balance(t, f.point, f.pc, ""); on != 2 {
			t.Fatalf("%d computers on hand, want R-1 and R-2", on)
		}
		verify(t, f)
	})
}

// Many returns of one handover at once give back at most what it gave.
func TestReturnsAtOnceGiveBackWhatWasGiven(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.point, stock.Line{ItemID: f.backpack, Quantity: 5})
		f.donate(t, f.point, stock.Line{ItemID: f.backpack, Quantity: 5})
		given, err := f.s.IssueInstitution(f.ctx, f.wh, stock.InstitutionInput{WarehouseID: f.point.ID, OrgID: w.Centre.ID,
			Lines: []stock.Line{{ItemID: f.backpack, Quantity: 7}}})
		must(t, err)
		wins, keys := raceKeys(t, 30, func(i int) error {
			_, err := f.s.Return(f.ctx, f.wh, stock.ReturnInput{DocID: given.ID,
				Lines: []stock.Line{{ItemID: f.backpack, Quantity: 1 + int64(i%2)}}})
			return err
		})
		back := f.scalar(t, `SELECT coalesce(sum(m.quantity), 0) FROM stock_moves m JOIN stock_docs d ON d.id = m.doc_id
			WHERE d.kind = 'return' AND d.ref_doc_id = $1`, given.ID)
		if back > 7 || back < 6 || wins+keys["error.stock_return_exceeds"] != 30 {
			t.Fatalf("%d came back by %d returns (refusals %v), want 6 or 7 of the 7 given", back, wins, keys)
		}
		if on, _ := f.balance(t, f.point, f.backpack, ""); on != 3+back {
			t.Fatalf("%d on hand, want %d", on, 3+back)
		}
		verify(t, f)
	})
}

// Counts and handovers racing at one warehouse: no handover takes what
// is not there, the only refusal is the shortage, the balance never goes
// below zero and the counters agree with the ledger.
func TestCountsRacingIssues(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.point, stock.Line{ItemID: f.backpack, Quantity: 20})
		_, keys := raceKeys(t, 60, func(i int) error {
			if i%3 == 0 {
				_, err := f.s.Count(f.ctx, f.wh, stock.CountInput{WarehouseID: f.point.ID,
					Lines: []stock.Counted{{ItemID: f.backpack, Counted: int64(i % 7)}}})
				return err
			}
			_, err := f.s.IssueInstitution(f.ctx, f.wh, stock.InstitutionInput{WarehouseID: f.point.ID,
				OrgID: w.Centre.ID, Lines: []stock.Line{{ItemID: f.backpack, Quantity: 2}}})
			return err
		})
		for k := range keys {
			if k != "error.stock_short" {
				t.Fatalf("refusals %v, want only error.stock_short", keys)
			}
		}
		on, _ := f.balance(t, f.point, f.backpack, "")
		moved := f.scalar(t, `SELECT coalesce(sum(quantity), 0) FROM stock_moves WHERE warehouse_id = $1 AND item_id = $2`,
			f.point.ID, f.backpack)
		if on < 0 || on != moved {
			t.Fatalf("%d on hand, the ledger says %d", on, moved)
		}
		verify(t, f)
	})
}

// Counts of an item a warehouse has never held, made at once, and with
// receipts of it: each count brings the balance to what it found at its
// turn, never to the sum of every count's surplus.
func TestCountsOfANewItemAtOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		count := func(size string) error {
			_, err := f.s.Count(f.ctx, f.wh, stock.CountInput{WarehouseID: f.point.ID,
				Lines: []stock.Counted{{ItemID: f.uniform, Size: size, Counted: 5}}})
			return err
		}
		if wins, keys := raceKeys(t, 15, func(int) error { return count("134") }); wins != 15 {
			t.Fatalf("%d of 15 counts recorded, refusals %v", wins, keys)
		}
		// Taking turns, the first count finds a surplus of 5 and every
		// later one finds the balance right.
		moved := f.scalar(t, `SELECT count(DISTINCT d.id) FROM stock_docs d JOIN stock_moves m ON m.doc_id = d.id
			WHERE d.kind = 'count'`)
		if on, _ := f.balance(t, f.point, f.uniform, "134"); on != 5 || moved != 1 {
			t.Fatalf("%d uniforms on hand after counts that each found 5, %d counts moved stock, want 1", on, moved)
		}
		wins, keys := raceKeys(t, 20, func(i int) error {
			if i%4 == 3 {
				_, err := f.s.Receive(f.ctx, f.wh, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Donation,
					DonorID: f.donor.ID, Lines: []stock.Line{{ItemID: f.uniform, Size: "140", Quantity: 100}}})
				return err
			}
			return count("140")
		})
		if wins != 20 {
			t.Fatalf("%d of 20 documents recorded, refusals %v", wins, keys)
		}
		// 5 after the last count, and 100 for each receipt after it.
		if on, _ := f.balance(t, f.point, f.uniform, "140"); on%100 != 5 || on > 505 {
			t.Fatalf("%d uniforms on hand: the counts and receipts did not take turns", on)
		}
		verify(t, f)
	})
}
