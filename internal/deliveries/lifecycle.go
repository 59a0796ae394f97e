package deliveries

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// LineQuantity is how many units of a delivery's line (by its number) a
// dispatch sends, or an institution counted.
type LineQuantity struct {
	Line     int   `json:"line"`
	Quantity int64 `json:"quantity"`
}

// DispatchInput dispatches a planned delivery at the Version read. Lines
// change what a line sends (0 sends none of it); a line not named goes as
// planned.
type DispatchInput struct {
	ID      int64
	Version int
	Lines   []LineQuantity
	Note    string
	Locale  string // the language refusals name items in
}

// Dispatch sends a planned delivery: its units leave the warehouse by the
// ledger's handover to the institution, in the transaction that marks the
// delivery dispatched, so both are written or neither. The warehouse must
// hold them (error.stock_short, nothing written) and p must move stock
// there.
func (s *Service) Dispatch(ctx context.Context, p access.Principal, in DispatchInput) (Delivery, error) {
	return s.change(ctx, p, access.DispatchDeliveries, in.ID, in.Version, "dispatch", []Status{Planned},
		func(tx *sql.Tx, d Delivery, now time.Time) error {
			send, err := dispatchQuantities(d, in.Lines)
			if err != nil {
				return err
			}
			var lines []stock.Line
			var numbers []int
			for i, l := range d.Lines {
				if send[i] > 0 {
					lines = append(lines, stock.Line{ItemID: l.ItemID, Size: l.Size, Quantity: send[i]})
					numbers = append(numbers, l.Line)
				}
			}
			if len(lines) == 0 {
				return errs.Validation(errs.Field("lines", "error.delivery_nothing_to_send"))
			}
			doc, err := s.stock.IssueInstitutionTx(ctx, tx, p, stock.InstitutionInput{WarehouseID: d.WarehouseID,
				OrgID: d.OrgID, Lines: lines, Note: text.Clean(in.Note), Locale: in.Locale})
			if err != nil {
				return renumber(err, numbers)
			}
			if err := s.exec(ctx, tx, s.q.SetDispatched, d.ID, d.Version, doc.ID, store.NullID(p.UserID), p.Name, now); err != nil {
				return err
			}
			for i, l := range d.Lines {
				if _, err := tx.ExecContext(ctx, s.q.SetLineDispatched, d.ID, l.Line, send[i]); err != nil {
					return err
				}
			}
			return nil
		})
}

// dispatchQuantities are the units each line of d sends: as planned, or
// as lines say.
func dispatchQuantities(d Delivery, lines []LineQuantity) ([]int64, error) {
	send := make([]int64, len(d.Lines))
	for i, l := range d.Lines {
		send[i] = l.Planned
	}
	var fs []errs.FieldError
	for _, q := range lines {
		i := slices.IndexFunc(d.Lines, func(l Line) bool { return l.Line == q.Line })
		f := "lines." + strconv.Itoa(q.Line) + ".quantity"
		switch {
		case i < 0:
			fs = append(fs, errs.Field(f, "error.delivery_line_unknown", "Line", q.Line))
		case q.Quantity < 0 || q.Quantity > MaxQuantity:
			fs = append(fs, errs.Field(f, "error.delivery_quantity_range", "Max", MaxQuantity))
		default:
			send[i] = q.Quantity
		}
	}
	return send, errs.Validation(fs...)
}

// renumber names the delivery's lines in the field errors the ledger gave
// for its document's lines (lines.<index>.…), so a form shows each beside
// its own line: lines.<number>.….
func renumber(err error, numbers []int) error {
	e := errs.As(err)
	if e == nil || len(e.Fields) == 0 {
		return err
	}
	out := *e
	out.Fields = slices.Clone(e.Fields)
	for k, f := range out.Fields {
		rest, ok := strings.CutPrefix(f.Field, "lines.")
		idx, tail, _ := strings.Cut(rest, ".")
		if i, err := strconv.Atoi(idx); ok && err == nil && i >= 0 && i < len(numbers) {
			out.Fields[k].Field = "lines." + strconv.Itoa(numbers[i]) + "." + tail
		}
	}
	return &out
}

// MarkDelivered records that a dispatched delivery arrived at the
// institution; its staff then confirm what they counted.
func (s *Service) MarkDelivered(ctx context.Context, p access.Principal, id int64, version int) (Delivery, error) {
	return s.change(ctx, p, access.DispatchDeliveries, id, version, "deliver", []Status{Dispatched},
		func(tx *sql.Tx, d Delivery, now time.Time) error {
			return s.exec(ctx, tx, s.q.SetDelivered, d.ID, d.Version, store.NullID(p.UserID), p.Name, now)
		})
}

// Cancel cancels a planned delivery; why goes into its note. Nothing has
// left the warehouse yet.
func (s *Service) Cancel(ctx context.Context, p access.Principal, id int64, version int, note string) (Delivery, error) {
	note = text.Clean(note)
	return s.change(ctx, p, access.ManageDeliveries, id, version, "cancel", []Status{Planned},
		func(tx *sql.Tx, d Delivery, now time.Time) error {
			if err := errs.Validation(valid.Note(valid.Required(nil, "note", note), "note", note)...); err != nil {
				return err
			}
			return s.exec(ctx, tx, s.q.SetCancelled, d.ID, d.Version, note, now)
		})
}

// Reschedule moves the deadline of a delivery not yet confirmed.
func (s *Service) Reschedule(ctx context.Context, p access.Principal, id int64, version int, due time.Time) (Delivery, error) {
	return s.change(ctx, p, access.ManageDeliveries, id, version, "reschedule", []Status{Planned, Dispatched, Delivered},
		func(tx *sql.Tx, d Delivery, now time.Time) error {
			if due.IsZero() || due.Year() < 2000 || due.Year() > 2100 {
				return errs.Validation(errs.Field("due_on", "error.delivery_due_required"))
			}
			return s.exec(ctx, tx, s.q.SetDue, d.ID, d.Version, store.Day(due), now)
		})
}

// change runs fn on delivery id in a transaction once p may do action on
// it, it is still at version (any when 0) and stands in one of from; then
// records action with the delivery before and after.
func (s *Service) change(ctx context.Context, p access.Principal, a access.Action, id int64, version int, action string,
	from []Status, fn func(tx *sql.Tx, d Delivery, now time.Time) error) (Delivery, error) {
	if err := access.Can(p, a, p.Scope()); err != nil {
		return Delivery{}, err
	}
	var after Delivery
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		d, err := s.locked(ctx, tx, p, a, id, version, from)
		if err != nil {
			return err
		}
		if err := fn(tx, d, s.now().UTC()); err != nil {
			return err
		}
		if after, err = s.delivery(ctx, tx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "delivery", EntityID: itoa(id),
			OrgPath: d.orgPath, RegionPath: d.regionPath, Before: d, After: after})
	})
	if err != nil {
		return Delivery{}, err
	}
	return after, nil
}

// locked locks and reads delivery id in tx and checks it: p may do a on
// it, it is at version (when not 0) and stands in one of from.
func (s *Service) locked(ctx context.Context, tx *sql.Tx, p access.Principal, a access.Action, id int64, version int,
	from []Status) (Delivery, error) {
	if _, err := tx.ExecContext(ctx, s.q.LockDelivery, id); err != nil {
		return Delivery{}, err
	}
	d, err := s.delivery(ctx, tx, id)
	if err != nil {
		return Delivery{}, err
	}
	return d, check(p, a, d, version, from)
}

// check says whether p may do a on delivery d read at version (any when
// 0) standing in one of from.
func check(p access.Principal, a access.Action, d Delivery, version int, from []Status) error {
	if !access.Within(p, d.Target()) {
		return errs.ErrNotFound
	}
	if err := access.Can(p, a, d.Target()); err != nil {
		return err
	}
	if version != 0 && d.Version != version {
		return errs.New(errs.Conflict, "error.delivery_changed")
	}
	if !slices.Contains(from, d.Status) {
		return errs.New(errs.Conflict, statusKeys[d.Status])
	}
	return nil
}

// statusKeys say why a delivery in a status cannot change as asked.
var statusKeys = map[Status]string{
	Planned:    "error.delivery_is_planned",
	Dispatched: "error.delivery_is_dispatched",
	Delivered:  "error.delivery_is_delivered",
	Confirmed:  "error.delivery_is_confirmed",
	Cancelled:  "error.delivery_is_cancelled",
}

// exec runs a conditional update that must change one row: none means
// someone changed the delivery meanwhile.
func (s *Service) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		if err != nil {
			return err
		}
		return errs.New(errs.Conflict, "error.delivery_changed")
	}
	return nil
}
