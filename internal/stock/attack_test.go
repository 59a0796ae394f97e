package stock_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// raceKeys runs fn n times at once and returns how many succeeded and
// the refusal keys of the others (a field's key for a validation error);
// an error that is not a refusal fails the test.
func raceKeys(t *testing.T, n int, fn func(i int) error) (int, map[string]int) {
	t.Helper()
	var mu sync.Mutex
	var wg sync.WaitGroup
	wins, keys := 0, map[string]int{}
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			err := fn(i)
			mu.Lock()
			defer mu.Unlock()
			e := errs.As(err)
			switch {
			case err == nil:
				wins++
			case e == nil:
				t.Errorf("goroutine %d: %v", i, err)
			case len(e.Fields) > 0:
				keys[e.Fields[0].Key]++
			default:
				keys[e.Key]++
			}
		}()
	}
	close(start)
	wg.Wait()
	return wins, keys
}

// A transfer received by a hundred clerks at once comes in once: one
// receipt, the others told it was received, and the counters agree with
// the ledger.
func TestTransferReceivedOnceByManyAtOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.central, stock.Line{ItemID: f.backpack, Quantity: 10},
			stock.Line{ItemID: f.pc, Serials: []string{"T-1", "T-2"}})
		d, err := f.s.Dispatch(f.ctx, f.admin, stock.TransferInput{FromID: f.central.ID, ToID: f.point.ID,
			Lines: []stock.Line{{ItemID: f.backpack, Quantity: 7}, {ItemID: f.pc, Quantity: 2}}})
		must(t, err)
		wins, keys := raceKeys(t, 100, func(int) error {
			_, err := f.s.ReceiveTransfer(f.ctx, f.admin, stock.ArrivalInput{DocID: d.ID})
			return err
		})
		if wins != 1 || keys["error.stock_transfer_received"] != 99 {
			t.Fatalf("%d receipts, refusals %v; want 1 and 99 error.stock_transfer_received", wins, keys)
		}
		if on, _ := f.balance(t, f.point, f.backpack, ""); on != 7 {
			t.Fatalf("%d backpacks arrived, want 7", on)
		}
		if on, _ := f.balance(t, f.point, f.pc, ""); on != 2 {
			t.Fatalf("%d computers arrived, want 2", on)
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_moves WHERE doc_id = $1 AND quantity > 0", d.ID); n != 3 {
			t.Fatalf("%d arrival moves, want 3 (one lot of backpacks, two computers)", n)
		}
		verify(t, f)
	})
}

// An item given on two lines of one count or one arrival is refused: the
// second line would be read against the balance the first one had not
// changed yet (two lines "5" of 10 on hand counted 0).
func TestAnItemOnTwoLinesIsRefused(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.central, stock.Line{ItemID: f.backpack, Quantity: 10},
			stock.Line{ItemID: f.uniform, Size: "128", Quantity: 4})
		before := f.state(t)
		_, err := f.s.Count(f.ctx, f.admin, stock.CountInput{WarehouseID: f.central.ID, Locale: "ru",
			Lines: []stock.Counted{{ItemID: f.backpack, Counted: 5}, {ItemID: f.backpack, Counted: 5}}})
		wantKey(t, err, "error.stock_line_twice")
		if e := errs.As(err); len(e.Fields) != 1 || e.Fields[0].Field != "lines.1.item" ||
			fmt.Sprint(e.Fields[0].Args) != "[Item Рюкзак]" {
			t.Fatalf("the refusal %+v", e.Fields)
		}
		// The same size in another spelling is the same line.
		_, err = f.s.Count(f.ctx, f.admin, stock.CountInput{WarehouseID: f.central.ID,
			Lines: []stock.Counted{{ItemID: f.uniform, Size: "128", Counted: 1}, {ItemID: f.uniform, Size: " 128", Counted: 1}}})
		wantKey(t, err, "error.stock_line_twice")
		if after := f.state(t); after != before {
			t.Fatalf("a refused count changed the ledger:\n%s\n%s", before, after)
		}
		d, err := f.s.Dispatch(f.ctx, f.admin, stock.TransferInput{FromID: f.central.ID, ToID: f.point.ID,
			Lines: []stock.Line{{ItemID: f.backpack, Quantity: 4}}})
		must(t, err)
		before = f.state(t)
		_, err = f.s.ReceiveTransfer(f.ctx, f.admin, stock.ArrivalInput{DocID: d.ID,
			Lines: []stock.Line{{ItemID: f.backpack, Quantity: 1}, {ItemID: f.backpack, Quantity: 3}}})
		wantKey(t, err, "error.stock_line_twice")
		if after := f.state(t); after != before {
			t.Fatalf("a refused arrival changed the ledger:\n%s\n%s", before, after)
		}
		_, err = f.s.ReceiveTransfer(f.ctx, f.admin, stock.ArrivalInput{DocID: d.ID,
			Lines: []stock.Line{{ItemID: f.backpack, Quantity: 4}}})
		must(t, err)
		verify(t, f)
	})
}

// Many clerks assembling kits at once out of the components of five:
// five kits are made, never a component below zero.
func TestKitsRaceForTheLastComponents(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		rows, err := f.DB.R.QueryContext(f.ctx, store.Rebind(f.DB.Engine,
			"SELECT component_id, quantity FROM kit_components WHERE kit_id = $1"), f.kit)
		must(t, err)
		parts, err := store.Collect(rows, func(sc store.Scanner) (stock.Line, error) {
			var l stock.Line
			return l, sc.Scan(&l.ItemID, &l.Quantity)
		})
		must(t, err)
		if len(parts) == 0 {
			t.Fatal("the primary kit has no components")
		}
		const kits = 5
		for i := range parts {
			parts[i].Quantity *= kits
		}
		f.donate(t, f.central, parts...)
		wins, keys := raceKeys(t, 40, func(i int) error {
			_, err := f.s.Assemble(f.ctx, f.admin, stock.AssembleInput{WarehouseID: f.central.ID, KitID: f.kit,
				Quantity: 1 + int64(i%2)})
			return err
		})
		made, _ := f.balance(t, f.central, f.kit, "")
		if made != kits || wins < 3 || wins > kits || keys["error.stock_kit_short"] != 40-wins {
			t.Fatalf("%d kits made by %d assemblies, refusals %v", made, wins, keys)
		}
		for _, p := range parts {
			if on, _ := f.balance(t, f.central, p.ItemID, ""); on != 0 {
				t.Fatalf("component %d: %d left, want 0", p.ItemID, on)
			}
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_balances WHERE on_hand < 0 OR reserved < 0"); n != 0 {
			t.Fatalf("%d negative balances", n)
		}
		verify(t, f)
	})
}
