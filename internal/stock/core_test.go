package stock_test

import (
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

func TestReceiptsMakeLotsAndBalances(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.central, stock.Line{ItemID: f.backpack, Quantity: 100},
			stock.Line{ItemID: f.uniform, Size: " 128 ", Quantity: 40})
		_, err := f.s.Receive(f.ctx, f.wh, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Purchase,
			Currency: "kzt", Lines: []stock.Line{{ItemID: f.backpack, Quantity: 5, UnitCost: 850000}}})
		must(t, err)
		if on, res := f.balance(t, f.central, f.uniform, "128"); on != 40 || res != 0 {
			t.Fatalf("uniform 128: %d on hand, %d reserved; want 40, 0", on, res)
		}
		bs, err := f.s.Balances(f.ctx, f.wh, f.point.ID)
		must(t, err)
		if len(bs) != 1 || bs[0].ItemID != f.backpack || bs[0].OnHand != 5 || bs[0].Available != 5 {
			t.Fatalf("point balances %+v", bs)
		}
		lots, err := f.s.LotBalances(f.ctx, f.admin, f.central.ID)
		must(t, err)
		if len(lots) != 2 || lots[0].DonorName != "Steel Co" || lots[0].Kind != stock.LotDonation {
			t.Fatalf("central lots %+v", lots)
		}
		lots, err = f.s.LotBalances(f.ctx, f.admin, f.point.ID)
		must(t, err)
		if len(lots) != 1 || lots[0].UnitCost != 850000 || lots[0].Currency != "KZT" || lots[0].DonorID != 0 {
			t.Fatalf("point lots %+v", lots)
		}
		// The warehouse role of the Support centre sees its point, not the
		// Foundation's central warehouse.
		if _, err := f.s.Balances(f.ctx, f.wh, f.central.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("central warehouse seen from the centre: %v", err)
		}
		ws, err := f.s.Warehouses(f.ctx, f.admin)
		must(t, err)
		if len(ws) != 2 || ws[0].Name != "Almaty point" || ws[0].OnHand != 5 || ws[1].OnHand != 140 {
			t.Fatalf("warehouses %+v", ws)
		}
	})
}

func TestReserveReleaseAndIssueReserved(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.central, stock.Line{ItemID: f.uniform, Size: "128", Quantity: 3})
		r1, r2 := f.request(t, "Aigerim", f.uniform, "128", 2), f.request(t, "Bolat", f.uniform, "128", 2)
		hold := func(r int64) stock.Hold {
			return stock.Hold{RequestID: r, Line: 1, WarehouseID: f.central.ID, ItemID: f.uniform, Size: "128", Quantity: 2, RunID: 7}
		}
		must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) error { return f.s.Reserve(f.ctx, tx, []stock.Hold{hold(r1)}) }))
		if on, res := f.balance(t, f.central, f.uniform, "128"); on != 3 || res != 2 {
			t.Fatalf("after the hold: %d on hand, %d reserved", on, res)
		}
		before := f.state(t)
		// Only one unit is left: the second hold is refused and the
		// transaction stays usable.
		must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) error {
			wantKey(t, f.s.Reserve(f.ctx, tx, []stock.Hold{hold(r2)}), "error.stock_short_size")
			wantKey(t, f.s.Reserve(f.ctx, tx, []stock.Hold{hold(r1)}), "error.stock_hold_exists")
			_, err := f.s.Available(f.ctx, tx, stock.AvailableFilter{})
			return err
		}))
		if after := f.state(t); after != before {
			t.Fatalf("a refused hold changed the ledger:\n%s\n%s", before, after)
		}
		avail, err := f.s.Available(f.ctx, nil, stock.AvailableFilter{CampaignID: f.campaign, OrgPath: w.Foundation.Path})
		must(t, err)
		if len(avail) != 1 || avail[0].Available != 1 || avail[0].Reserved != 2 || avail[0].RegionCode != "KZ-35" {
			t.Fatalf("available %+v", avail)
		}
		must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) error {
			n, err := f.s.ReleaseRun(f.ctx, tx, 7)
			if n != 1 {
				t.Errorf("released %d holds, want 1", n)
			}
			return err
		}))
		if _, res := f.balance(t, f.central, f.uniform, "128"); res != 0 {
			t.Fatalf("after the release %d reserved", res)
		}
		// Held again, then handed over from the hold.
		must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) error { return f.s.Reserve(f.ctx, tx, []stock.Hold{hold(r2)}) }))
		var d stock.Doc
		must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) (err error) {
			d, err = f.s.IssueReserved(f.ctx, tx, f.admin, stock.Handover{RequestID: r2, Line: 1})
			return err
		}))
		if d.Kind != stock.IssuePerson || len(d.Moves) != 1 || d.Moves[0].Quantity != -2 {
			t.Fatalf("issue %+v", d)
		}
		if on, res := f.balance(t, f.central, f.uniform, "128"); on != 1 || res != 0 {
			t.Fatalf("after the handover: %d on hand, %d reserved", on, res)
		}
		err = f.DB.Tx(f.ctx, func(tx *sql.Tx) error {
			_, err := f.s.IssueReserved(f.ctx, tx, f.admin, stock.Handover{RequestID: r2, Line: 1})
			return err
		})
		wantKey(t, err, "error.stock_hold_missing")
		_, err = f.s.Issue(f.ctx, f.admin, stock.IssueInput{WarehouseID: f.central.ID, RequestID: r2, Line: 1})
		wantKey(t, err, "error.stock_line_issued")
	})
}

func TestIssuingMoreThanTheBalanceChangesNothing(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.central, stock.Line{ItemID: f.backpack, Quantity: 10}, stock.Line{ItemID: f.notebook, Quantity: 5})
		before := f.state(t)
		_, err := f.s.IssueInstitution(f.ctx, f.admin, stock.InstitutionInput{WarehouseID: f.central.ID, OrgID: w.Centre.ID,
			Lines: []stock.Line{{ItemID: f.backpack, Quantity: 10}, {ItemID: f.notebook, Quantity: 6}}, Locale: "ru"})
		wantKey(t, err, "error.stock_short")
		if e := errs.As(err); fmt.Sprint(e.Args) != "[Item Тетрадь Available 5 Wanted 6]" {
			t.Fatalf("refusal args %v", e.Args)
		}
		if after := f.state(t); after != before {
			t.Fatalf("a refused issue changed the ledger:\n%s\n%s", before, after)
		}
	})
}

// TestLastUnitsRace: 100 goroutines race to take the last 10 units, by
// handover to an institution and by hold: exactly 10 of each succeed and
// the ledger agrees with the balances.
func TestLastUnitsRace(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.central, stock.Line{ItemID: f.backpack, Quantity: 6})
		f.donate(t, f.central, stock.Line{ItemID: f.backpack, Quantity: 4})
		wins := race(100, func(int) error {
			_, err := f.s.IssueInstitution(f.ctx, f.admin, stock.InstitutionInput{WarehouseID: f.central.ID,
				OrgID: w.Centre.ID, Lines: []stock.Line{{ItemID: f.backpack, Quantity: 1}}})
			return err
		}, t)
		if wins != 10 {
			t.Fatalf("%d handovers succeeded, want 10", wins)
		}
		if on, _ := f.balance(t, f.central, f.backpack, ""); on != 0 {
			t.Fatalf("%d left on hand", on)
		}
		f.donate(t, f.central, stock.Line{ItemID: f.uniform, Size: "128", Quantity: 10})
		reqs := make([]int64, 100)
		for i := range reqs {
			reqs[i] = f.request(t, fmt.Sprint("Child", i), f.uniform, "128", 1)
		}
		wins = race(100, func(i int) error {
			return f.DB.Tx(f.ctx, func(tx *sql.Tx) error {
				return f.s.Reserve(f.ctx, tx, []stock.Hold{{RequestID: reqs[i], Line: 1, WarehouseID: f.central.ID,
					ItemID: f.uniform, Size: "128", Quantity: 1}})
			})
		}, t)
		if wins != 10 {
			t.Fatalf("%d holds succeeded, want 10", wins)
		}
		if on, res := f.balance(t, f.central, f.uniform, "128"); on != 10 || res != 10 {
			t.Fatalf("%d on hand, %d reserved after the holds", on, res)
		}
		report, err := f.s.Verify(f.ctx)
		must(t, err)
		if len(report.Mismatches) != 0 {
			t.Fatalf("ledger and balances disagree: %v", report.Mismatches)
		}
	})
}

// race runs fn n times at once and counts the successes; every failure
// must be a refusal for want of stock.
func race(n int, fn func(i int) error, t *testing.T) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	wins := 0
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			err := fn(i)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins++
			case errs.CodeOf(err) != errs.Conflict:
				t.Errorf("goroutine %d: %v", i, err)
			}
		}()
	}
	close(start)
	wg.Wait()
	return wins
}
