package stock_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

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
