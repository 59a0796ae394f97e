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

// One device named by many handovers at once is handed over once; one
// serial received by many receipts at once comes in once.
func TestASerialGoesOutAndComesInOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.point, stock.Line{ItemID: f.pc, Serials: []string{"RACE-1", "RACE-2"}})
		reqs := make([]int64, 20)
		for i := range reqs {
			reqs[i] = f.request(t, fmt.Sprint("Child", i), f.pc, "", 1)
		}
		wins, keys := raceKeys(t, 40, func(i int) error {
			if i%2 == 1 {
				_, err := f.s.IssueInstitution(f.ctx, f.wh, stock.InstitutionInput{WarehouseID: f.point.ID,
					OrgID: w.Centre.ID, Lines: []stock.Line{{ItemID: f.pc, Serials: []string{"race-1"}}}})
				return err
			}
			_, err := f.s.Issue(f.ctx, f.wh, stock.IssueInput{WarehouseID: f.point.ID, RequestID: reqs[i/2], Line: 1,
				Serials: []string{"RACE-1"}})
			return err
		})
		if wins != 1 || keys["error.stock_serial_issued"] != 39 {
			t.Fatalf("%d handovers of RACE-1, refusals %v", wins, keys)
		}
		if n := f.scalar(t, `SELECT count(*) FROM stock_moves m JOIN stock_units u ON u.id = m.unit_id
			WHERE u.serial = 'RACE-1' AND m.quantity < 0`); n != 1 {
			t.Fatalf("RACE-1 left the warehouse %d times", n)
		}
		wins, keys = raceKeys(t, 30, func(i int) error {
			_, err := f.s.Receive(f.ctx, f.wh, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Donation,
				DonorID: f.donor.ID, Lines: []stock.Line{{ItemID: f.pc, Serials: []string{"NEW-7"}}}})
			return err
		})
		if wins != 1 || keys["error.stock_serial_taken"] != 29 {
			t.Fatalf("%d receipts of NEW-7, refusals %v", wins, keys)
		}
		if on, _ := f.balance(t, f.point, f.pc, ""); on != 2 {
			t.Fatalf("%d computers on hand, want 2 (RACE-2 and NEW-7)", on)
		}
		verify(t, f)
	})
}

// Transfers of computers by quantity alone, sent at once, each take
// devices of their own: none is refused while devices are left.
func TestTransfersByQuantityPickDevicesOfTheirOwn(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		sns := make([]string, 12)
		for i := range sns {
			sns[i] = fmt.Sprintf("Q-%02d", i)
		}
		f.donate(t, f.central, stock.Line{ItemID: f.pc, Serials: sns})
		wins, keys := raceKeys(t, 8, func(int) error {
			_, err := f.s.Dispatch(f.ctx, f.admin, stock.TransferInput{FromID: f.central.ID, ToID: f.point.ID,
				Lines: []stock.Line{{ItemID: f.pc, Quantity: 2}}})
			return err
		})
		if wins != 6 || keys["error.stock_short"] != 2 {
			t.Fatalf("%d transfers of 2 of 12 computers sent, refusals %v; want 6 and 2 for want of stock", wins, keys)
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_units WHERE state = 'in_transit'"); n != 12 {
			t.Fatalf("%d computers in transit, want 12", n)
		}
		verify(t, f)
	})
}

// A device handed over and written off at the same moment goes one way,
// and the clerk who lost is told which: handed over, or written off.
func TestADeviceRacedTwoWaysNamesTheWinner(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		const n = 10
		sns := make([]string, n)
		for i := range sns {
			sns[i] = fmt.Sprintf("D-%02d", i)
		}
		f.donate(t, f.point, stock.Line{ItemID: f.pc, Serials: sns})
		var mu sync.Mutex
		won, lost := map[int]string{}, map[int]string{}
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range 2 * n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				unit, line := i/2, []stock.Line{{ItemID: f.pc, Serials: []string{sns[i/2]}}}
				var err error
				action := "issued"
				if i%2 == 0 {
					_, err = f.s.IssueInstitution(f.ctx, f.wh, stock.InstitutionInput{WarehouseID: f.point.ID,
						OrgID: w.Centre.ID, Lines: line})
				} else {
					action = "written_off"
					_, err = f.s.WriteOff(f.ctx, f.wh, stock.WriteOffInput{WarehouseID: f.point.ID, Reason: stock.Lost,
						Lines: line})
				}
				mu.Lock()
				defer mu.Unlock()
				if err == nil {
					won[unit] = action
					return
				}
				if e := errs.As(err); e != nil && len(e.Fields) > 0 {
					lost[unit] = e.Fields[0].Key
					return
				}
				t.Errorf("%s of %s: %v", action, sns[unit], err)
			}()
		}
		close(start)
		wg.Wait()
		for unit := range n {
			if want := "error.stock_serial_" + won[unit]; won[unit] == "" || lost[unit] != want {
				t.Errorf("%s: %q won, the other was told %q, want %q", sns[unit], won[unit], lost[unit], want)
			}
		}
		verify(t, f)
	})
}
