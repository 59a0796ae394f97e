package deliveries

import (
	"context"
	"database/sql"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// Receipt is what an institution counted of a delivery's line (by its
// number) and, when that is less than was dispatched, why (Other needs a
// note).
type Receipt struct {
	Line     int    `json:"line"`
	Quantity int64  `json:"quantity"`
	Reason   Reason `json:"reason,omitempty"`
	Note     string `json:"note,omitempty"`
}

// ConfirmInput confirms the receipt of a delivery at the Version read.
// Lines name what was counted of each line dispatched; none at all says
// everything dispatched arrived.
type ConfirmInput struct {
	ID      int64
	Version int
	Lines   []Receipt
	Note    string
}

// Confirm records that the institution received a dispatched (or
// delivered) delivery, with what its staff counted per line: never more
// than was dispatched, and a shortfall with its reason. Only the
// institution's own staff may confirm: a school_staff login whose
// organisation is the delivery's institution (error.delivery_confirm_not_yours
// for anyone else, whatever their scope). The ledger is not changed: the
// units left the warehouse when the delivery was dispatched.
func (s *Service) Confirm(ctx context.Context, p access.Principal, in ConfirmInput) (Delivery, error) {
	if err := access.Can(p, access.ConfirmDeliveries, p.Scope()); err != nil {
		return Delivery{}, err
	}
	in.Note = text.Clean(in.Note)
	var after Delivery
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.LockDelivery, in.ID); err != nil {
			return err
		}
		d, err := s.delivery(ctx, tx, in.ID)
		if err != nil {
			return err
		}
		if p.OrgID == 0 || d.OrgID != p.OrgID {
			return errs.New(errs.Forbidden, "error.delivery_confirm_not_yours")
		}
		if err := check(p, access.ConfirmDeliveries, d, in.Version, []Status{Dispatched, Delivered}); err != nil {
			return err
		}
		got, short, err := receipts(d, in)
		if err != nil {
			return err
		}
		now := s.now().UTC()
		err = s.exec(ctx, tx, s.q.SetConfirmed, d.ID, d.Version, store.NullID(p.UserID), p.Name, now, in.Note, short)
		if err != nil {
			return err
		}
		for _, r := range got {
			if _, err := tx.ExecContext(ctx, s.q.SetLineReceived, d.ID, r.Line, r.Quantity, string(r.Reason), r.Note); err != nil {
				return err
			}
		}
		if after, err = s.delivery(ctx, tx, d.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "confirm", Entity: "delivery", EntityID: itoa(d.ID),
			OrgPath: d.orgPath, RegionPath: d.regionPath, Before: d, After: after})
	})
	if err != nil {
		return Delivery{}, err
	}
	return after, nil
}

// receipts checks what in says was counted of each line of d and returns
// a receipt for every line, with the shortfall over all of them.
func receipts(d Delivery, in ConfirmInput) ([]Receipt, int64, error) {
	fs := valid.Note(nil, "note", in.Note)
	var out []Receipt
	var short int64
	for _, l := range d.Lines {
		r := Receipt{Line: l.Line, Quantity: l.Dispatched}
		f := func(name string) string { return "lines." + strconv.Itoa(l.Line) + "." + name }
		if in.Lines != nil && l.Dispatched > 0 {
			i := slices.IndexFunc(in.Lines, func(r Receipt) bool { return r.Line == l.Line })
			if i < 0 {
				fs = append(fs, errs.Field(f("quantity"), "error.delivery_received_required"))
				continue
			}
			r = in.Lines[i]
			r.Note = text.Clean(r.Note)
		}
		switch {
		case r.Quantity < 0:
			fs = append(fs, errs.Field(f("quantity"), "error.delivery_quantity_range", "Max", l.Dispatched))
		case r.Quantity > l.Dispatched:
			fs = append(fs, errs.Field(f("quantity"), "error.delivery_received_more", "Sent", l.Dispatched))
		case r.Quantity == l.Dispatched:
			r.Reason, r.Note = "", text.Clean(r.Note)
		case r.Reason == "":
			fs = append(fs, errs.Field(f("reason"), "error.delivery_reason_required", "Short", l.Dispatched-r.Quantity))
		case !slices.Contains(Reasons(), r.Reason):
			fs = append(fs, valid.Choice(f("reason"), Reasons()...))
		case r.Reason == Other && r.Note == "":
			fs = append(fs, errs.Field(f("note"), "error.delivery_note_required"))
		}
		fs = valid.Note(fs, f("note"), r.Note)
		short += max(l.Dispatched-r.Quantity, 0)
		out = append(out, r)
	}
	return out, short, errs.Validation(fs...)
}
