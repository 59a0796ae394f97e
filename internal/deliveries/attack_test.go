package deliveries_test

import (
	"math"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/testworld"
)

// Two dispatches of one delivery at once take its units from the
// warehouse once; fifty confirmations at once by the centre's staff record
// one receipt; a delivery not yet dispatched cannot be confirmed, and an
// absurd count is refused with nothing written.
func TestRacingDispatchesAndConfirmationsCountOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.stockUp(t, f.kit, 20)
		d := f.planned(t)[w.Centre.ID]

		before := f.state(t)
		_, err := f.s.Confirm(f.ctx, f.staff, deliveries.ConfirmInput{ID: d.ID, Version: d.Version})
		wantKey(t, err, "error.delivery_is_planned")
		if after := f.state(t); after != before {
			t.Fatalf("confirming a planned delivery wrote:\n%s\n%s", before, after)
		}

		var mu sync.Mutex
		var won []deliveries.Delivery
		var wg sync.WaitGroup
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				in := deliveries.DispatchInput{ID: d.ID}
				if i == 0 {
					in.Version = d.Version
				}
				got, err := f.s.Dispatch(f.ctx, f.keeper, in)
				if err != nil {
					if k := keyOf(err); k != "error.delivery_is_dispatched" && k != "error.delivery_changed" {
						t.Errorf("the losing dispatch: %v", err)
					}
					return
				}
				mu.Lock()
				won = append(won, got)
				mu.Unlock()
			}()
		}
		wg.Wait()
		if len(won) != 1 {
			t.Fatalf("%d dispatches won, want 1", len(won))
		}
		d = won[0]
		if n := f.scalar(t, "SELECT on_hand FROM stock_balances WHERE warehouse_id = $1 AND item_id = $2", f.central.ID, f.kit); n != 15 {
			t.Fatalf("%d kits left after two racing dispatches of 5, want 15", n)
		}
		if n := f.scalar(t, "SELECT count(*) FROM stock_docs WHERE kind = 'issue_institution'"); n != 1 {
			t.Fatalf("%d handovers to institutions in the ledger, want 1", n)
		}

		before = f.state(t)
		for _, q := range []int64{math.MaxInt64, math.MinInt64, 6} {
			_, err := f.s.Confirm(f.ctx, f.staff, deliveries.ConfirmInput{ID: d.ID, Version: d.Version,
				Lines: []deliveries.Receipt{{Line: 1, Quantity: q, Reason: deliveries.Missing}}})
			if k := keyOf(err); k != "error.delivery_received_more" && k != "error.delivery_quantity_range" {
				t.Fatalf("a count of %d: %v", q, err)
			}
		}
		// A shortfall needs its reason even when the count is zero.
		_, err = f.s.Confirm(f.ctx, f.staff, deliveries.ConfirmInput{ID: d.ID, Version: d.Version,
			Lines: []deliveries.Receipt{{Line: 1, Quantity: 0}}})
		wantKey(t, err, "error.delivery_reason_required")
		if after := f.state(t); after != before {
			t.Fatalf("a refused count wrote:\n%s\n%s", before, after)
		}

		const racers = 50
		ok := make(chan deliveries.Delivery, racers)
		wg = sync.WaitGroup{}
		for i := range racers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				in := deliveries.ConfirmInput{ID: d.ID, Lines: []deliveries.Receipt{{Line: 1, Quantity: 4,
					Reason: deliveries.Missing, Note: "one box short"}}}
				if i%2 == 0 {
					in.Version = d.Version
				}
				got, err := f.s.Confirm(f.ctx, f.staff, in)
				if err != nil {
					if k := keyOf(err); k != "error.delivery_is_confirmed" && k != "error.delivery_changed" {
						t.Errorf("a losing confirmation: %v", err)
					}
					return
				}
				ok <- got
			}()
		}
		wg.Wait()
		close(ok)
		if len(ok) != 1 {
			t.Fatalf("%d confirmations won, want 1", len(ok))
		}
		c := <-ok
		if c.Status != deliveries.Confirmed || c.Received != 4 || c.Shortfall != 1 || c.Version != d.Version+1 {
			t.Fatalf("confirmed %+v", c)
		}
		for q, want := range map[string]int64{
			"SELECT count(*) FROM audit_log WHERE entity = 'delivery' AND action = 'confirm'": 1,
			"SELECT COALESCE(SUM(received), 0) FROM delivery_lines WHERE delivery_id = $1":    4,
			"SELECT count(*) FROM stock_docs WHERE kind = 'issue_institution'":                1,
			"SELECT version FROM deliveries WHERE id = $1":                                    int64(d.Version + 1),
		} {
			var args []any
			if len(q) > 0 && q[len(q)-2:] == "$1" {
				args = append(args, d.ID)
			}
			if n := f.scalar(t, q, args...); n != want {
				t.Fatalf("%s: %d, want %d", q, n, want)
			}
		}
		if n := f.scalar(t, "SELECT on_hand FROM stock_balances WHERE warehouse_id = $1 AND item_id = $2", f.central.ID, f.kit); n != 15 {
			t.Fatalf("%d kits left after the confirmation, want 15", n)
		}
	})
}

// A dispatch of more than the warehouse holds is refused with the
// shortage named and nothing written; the delivery can then go when the
// stock arrives.
func TestDispatchBeyondTheStockChangesNothing(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.stockUp(t, f.kit, 4)
		d := f.planned(t)[w.Centre.ID] // five kits
		before := f.state(t)
		_, err := f.s.Dispatch(f.ctx, f.keeper, deliveries.DispatchInput{ID: d.ID, Version: d.Version, Locale: "ru"})
		wantKey(t, err, "error.stock_short")
		_, err = f.s.Dispatch(f.ctx, f.keeper, deliveries.DispatchInput{ID: d.ID, Version: d.Version,
			Lines: []deliveries.LineQuantity{{Line: 1, Quantity: math.MaxInt64}}})
		wantKey(t, err, "error.delivery_quantity_range")
		if after := f.state(t); after != before {
			t.Fatalf("a refused dispatch wrote:\n%s\n%s", before, after)
		}
		f.stockUp(t, f.kit, 1)
		got, err := f.s.Dispatch(f.ctx, f.keeper, deliveries.DispatchInput{ID: d.ID, Version: d.Version})
		must(t, err)
		if got.Dispatched != 5 {
			t.Fatalf("dispatched %d, want 5", got.Dispatched)
		}
	})
}

// A plan counts the roster as it stands when planned: a pupil who joins
// afterwards does not change a delivery already planned, and planning
// again does not plan the centre twice. A deadline already passed is
// refused.
func TestPlanFromAChangedRosterAndAPastDeadline(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		in := f.kitsPerPupil()
		before := f.state(t)
		for _, due := range []int{-1, -30} {
			past := in
			past.DueOn = testworld.Day(2026, 9, 1).AddDate(0, 0, due)
			_, err := f.s.Plan(f.ctx, f.coord, past)
			wantKey(t, err, "error.delivery_due_past")
		}
		if after := f.state(t); after != before {
			t.Fatalf("a plan due in the past wrote:\n%s\n%s", before, after)
		}
		today := in
		today.DueOn = testworld.Day(2026, 9, 1)
		first, err := f.s.Plan(f.ctx, f.coord, today)
		must(t, err)
		centre := deliveryOf(first.Deliveries, w.Centre.ID)
		if centre.Planned != 5 {
			t.Fatalf("planned %d kits for the centre, want 5", centre.Planned)
		}
		f.pupil(t, w.Centre.ID, 2, 30)
		again, err := f.s.Plan(f.ctx, f.coord, in)
		must(t, err)
		if len(again.Deliveries) != 0 {
			t.Fatalf("planning again planned %+v", again.Deliveries)
		}
		got, err := f.s.Get(f.ctx, f.coord, centre.ID)
		must(t, err)
		if got.Planned != 5 || got.Version != centre.Version {
			t.Fatalf("the planned delivery changed with the roster: %+v", got)
		}
	})
}

// At the board's boundaries: a deadline yesterday is overdue, today and a
// week ahead are soon, eight days ahead on schedule.
func TestBoardBoundaries(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		days := map[string]int{"Yesterday": -1, "Today": 0, "Tomorrow": 1, "In a week": deliveries.SoonDays,
			"In eight days": deliveries.SoonDays + 1}
		want := map[string]deliveries.Risk{"Yesterday": deliveries.Overdue, "Today": deliveries.DueSoon,
			"Tomorrow": deliveries.DueSoon, "In a week": deliveries.DueSoon, "In eight days": deliveries.OnSchedule}
		for n := range days {
			o := w.Org(t, orgs.Input{Name: n, Type: orgs.SupportCentre, ParentID: w.Foundation.ID, RegionCode: "KZ-75"})
			f.pupil(t, o.ID, 2, 40+len(n))
		}
		for _, d := range f.planned(t) {
			n, ok := days[d.OrgName]
			if !ok {
				continue
			}
			_, err := f.s.Reschedule(f.ctx, f.coord, d.ID, d.Version, testworld.Day(2026, 9, 1).AddDate(0, 0, n))
			must(t, err)
		}
		board, _, err := f.s.Board(f.ctx, f.coord, deliveries.BoardFilter{CampaignID: f.campaign.ID}, deliveries.Page{Limit: 50})
		must(t, err)
		if len(board) == 0 || board[0].OrgName != "Yesterday" {
			t.Fatalf("the board starts with %v", orgNames(board))
		}
		for _, d := range board {
			if r, ok := want[d.OrgName]; ok && *d.Risk != r {
				t.Fatalf("%s is %v, want %v", d.OrgName, *d.Risk, r)
			}
		}
	})
}

func deliveryOf(ds []deliveries.Delivery, org int64) deliveries.Delivery {
	for _, d := range ds {
		if d.OrgID == org {
			return d
		}
	}
	return deliveries.Delivery{}
}

// keyOf is the message key of a domain error (of its first field when it
// is a validation error).
func keyOf(err error) string {
	e := errs.As(err)
	switch {
	case e == nil:
		return ""
	case len(e.Fields) > 0:
		return e.Fields[0].Key
	}
	return e.Key
}
