package deliveries_test

import (
	"errors"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// A delivery goes from the plan through the warehouse's dispatch (the
// ledger's handover to the institution) and its arrival to the centre's
// own confirmation with a shortfall and its reason.
func TestDispatchDeliverAndConfirmWithAShortfall(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.stockUp(t, f.kit, 6)
		got := f.planned(t)
		centre, adapt := got[w.Centre.ID], got[f.adapt.ID]

		d, err := f.s.Dispatch(f.ctx, f.keeper, deliveries.DispatchInput{ID: centre.ID, Version: centre.Version})
		must(t, err)
		if d.Status != deliveries.Dispatched || d.Dispatched != 5 || d.DocID == 0 || d.DispatchedName != "Keeper" ||
			d.Version != 2 {
			t.Fatalf("dispatched %+v", d)
		}
		doc, err := w.Services.Stock.Doc(f.ctx, f.keeper, d.DocID)
		must(t, err)
		if doc.Kind != stock.IssueInstitution || doc.OrgID != w.Centre.ID || len(doc.Moves) != 1 || doc.Moves[0].Quantity != -5 {
			t.Fatalf("the ledger's handover %+v", doc)
		}

		// Three kits for the adaptation centre when one is left: refused by
		// the ledger, and nothing is written.
		before := f.state(t)
		_, err = f.s.Dispatch(f.ctx, f.keeper, deliveries.DispatchInput{ID: adapt.ID, Version: adapt.Version,
			Lines: []deliveries.LineQuantity{{Line: 1, Quantity: 3}}})
		wantKey(t, err, "error.stock_short")
		_, err = f.s.Dispatch(f.ctx, f.keeper, deliveries.DispatchInput{ID: adapt.ID, Version: adapt.Version,
			Lines: []deliveries.LineQuantity{{Line: 1, Quantity: 0}}})
		wantKey(t, err, "error.delivery_nothing_to_send")
		_, err = f.s.Dispatch(f.ctx, f.keeper, deliveries.DispatchInput{ID: adapt.ID, Version: adapt.Version,
			Lines: []deliveries.LineQuantity{{Line: 9, Quantity: 1}}})
		wantKey(t, err, "error.delivery_line_unknown")
		_, err = f.s.Dispatch(f.ctx, f.keeper, deliveries.DispatchInput{ID: centre.ID, Version: d.Version})
		wantKey(t, err, "error.delivery_is_dispatched")
		_, err = f.s.Dispatch(f.ctx, w.Principal(access.Operator), deliveries.DispatchInput{ID: adapt.ID})
		if errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("an operator dispatched: %v", err)
		}
		if after := f.state(t); after != before {
			t.Fatalf("a refused dispatch wrote:\n%s\n%s", before, after)
		}

		d, err = f.s.MarkDelivered(f.ctx, f.keeper, d.ID, d.Version)
		must(t, err)
		if d.Status != deliveries.Delivered || d.DeliveredAt.IsZero() {
			t.Fatalf("delivered %+v", d)
		}

		// Only the Support centre's own staff may confirm, and they may not
		// count more than was sent nor less without a reason.
		before = f.state(t)
		four := []deliveries.Receipt{{Line: 1, Quantity: 4, Reason: deliveries.Missing, Note: "one box short"}}
		in := deliveries.ConfirmInput{ID: d.ID, Version: d.Version, Lines: four}
		_, err = f.s.Confirm(f.ctx, f.adaptStaff, in)
		wantKey(t, err, "error.delivery_confirm_not_yours")
		_, err = f.s.Confirm(f.ctx, w.Principal(access.SchoolStaff), in) // School №1's staff
		wantKey(t, err, "error.delivery_confirm_not_yours")
		if _, err = f.s.Confirm(f.ctx, f.coord, in); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("a coordinator confirmed: %v", err)
		}
		for _, bad := range []struct {
			r   deliveries.Receipt
			key string
		}{
			{deliveries.Receipt{Line: 1, Quantity: 6}, "error.delivery_received_more"},
			{deliveries.Receipt{Line: 1, Quantity: -1}, "error.delivery_quantity_range"},
			{deliveries.Receipt{Line: 1, Quantity: 4}, "error.delivery_reason_required"},
			{deliveries.Receipt{Line: 1, Quantity: 4, Reason: "stolen"}, "error.invalid_choice_of"},
			{deliveries.Receipt{Line: 1, Quantity: 4, Reason: deliveries.Other}, "error.delivery_note_required"},
		} {
			_, err = f.s.Confirm(f.ctx, f.staff, deliveries.ConfirmInput{ID: d.ID, Version: d.Version,
				Lines: []deliveries.Receipt{bad.r}})
			wantKey(t, err, bad.key)
		}
		_, err = f.s.Confirm(f.ctx, f.staff, deliveries.ConfirmInput{ID: d.ID, Version: d.Version,
			Lines: []deliveries.Receipt{}})
		wantKey(t, err, "error.delivery_received_required")
		_, err = f.s.Confirm(f.ctx, f.staff, deliveries.ConfirmInput{ID: d.ID, Version: d.Version - 1, Lines: four})
		wantKey(t, err, "error.delivery_changed")
		if after := f.state(t); after != before {
			t.Fatalf("a refused confirmation wrote:\n%s\n%s", before, after)
		}

		d, err = f.s.Confirm(f.ctx, f.staff, deliveries.ConfirmInput{ID: d.ID, Version: d.Version, Lines: four,
			Note: "signed by the director"})
		must(t, err)
		l := d.Lines[0]
		if d.Status != deliveries.Confirmed || d.Shortfall != 1 || d.Received != 4 || d.ConfirmedName != "Centre staff" ||
			d.ReceiptNote != "signed by the director" || l.Received == nil || *l.Received != 4 ||
			l.Reason != deliveries.Missing || l.Discrepancy != "one box short" || l.Short() != 1 {
			t.Fatalf("confirmed %+v %+v", d, l)
		}
		// Confirmation leaves the ledger as the dispatch left it.
		if n := f.scalar(t, "SELECT on_hand FROM stock_balances WHERE warehouse_id = $1 AND item_id = $2", f.central.ID, f.kit); n != 1 {
			t.Fatalf("%d kits left, want 1", n)
		}
		_, err = f.s.Confirm(f.ctx, f.staff, deliveries.ConfirmInput{ID: d.ID, Version: d.Version})
		wantKey(t, err, "error.delivery_is_confirmed")
		_, err = f.s.Cancel(f.ctx, f.coord, d.ID, d.Version, "no")
		wantKey(t, err, "error.delivery_is_confirmed")

		// The adaptation centre confirms a delivery it was never marked
		// delivered for: everything arrived.
		a, err := f.s.Dispatch(f.ctx, f.coord, deliveries.DispatchInput{ID: adapt.ID, Version: adapt.Version,
			Lines: []deliveries.LineQuantity{{Line: 1, Quantity: 1}}})
		must(t, err)
		a, err = f.s.Confirm(f.ctx, f.adaptStaff, deliveries.ConfirmInput{ID: a.ID, Version: a.Version})
		must(t, err)
		if a.Status != deliveries.Confirmed || a.Shortfall != 0 || a.Received != 1 || a.DeliveredName != "Adaptation staff" {
			t.Fatalf("confirmed in full %+v", a)
		}
		// The centre's staff see their own deliveries, not the other's.
		if _, err := f.s.Get(f.ctx, f.staff, a.ID); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("the Support centre read the adaptation centre's delivery: %v", err)
		}
	})
}

// Cancelling needs a reason and only a planned delivery; rescheduling
// moves the deadline of one not yet confirmed.
func TestCancelAndReschedule(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		d := f.planned(t)[w.Centre.ID]
		_, err := f.s.Cancel(f.ctx, f.coord, d.ID, d.Version, " ")
		wantKey(t, err, "error.required")
		r, err := f.s.Reschedule(f.ctx, f.coord, d.ID, d.Version, testworld.Day(2026, 9, 25))
		must(t, err)
		if !r.DueOn.Equal(testworld.Day(2026, 9, 25)) || r.Version != d.Version+1 {
			t.Fatalf("rescheduled %+v", r)
		}
		_, err = f.s.Reschedule(f.ctx, f.coord, d.ID, d.Version, testworld.Day(2026, 9, 26))
		wantKey(t, err, "error.delivery_changed")
		c, err := f.s.Cancel(f.ctx, f.coord, d.ID, r.Version, "the centre closed for repairs")
		must(t, err)
		if c.Status != deliveries.Cancelled || c.Note != "the centre closed for repairs" {
			t.Fatalf("cancelled %+v", c)
		}
		_, err = f.s.Dispatch(f.ctx, f.coord, deliveries.DispatchInput{ID: d.ID})
		wantKey(t, err, "error.delivery_is_cancelled")
		// A cancelled delivery leaves room for a new plan of the centre.
		again, err := f.s.Plan(f.ctx, f.coord, f.kitsPerPupil())
		must(t, err)
		if len(again.Deliveries) != 1 || again.Deliveries[0].OrgID != w.Centre.ID {
			t.Fatalf("planned again %+v", again)
		}
		if n := f.scalar(t, "SELECT count(*) FROM audit_log WHERE entity = 'delivery' AND action IN ('cancel', 'reschedule')"); n != 2 {
			t.Fatalf("%d entries for the cancel and the reschedule, want 2", n)
		}
	})
}
