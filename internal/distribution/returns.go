package distribution

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// ReturnInput takes line Line of handover HandoverID back, whole (every
// unit, every device).
type ReturnInput struct {
	HandoverID int64
	Line       int
	Note       string
	Locale     string
	Via        string
}

// Returned is what a return did.
type Returned struct {
	DocID       int64     `json:"doc_id"`      // the stock document of the return
	ReturnedAt  time.Time `json:"returned_at"` //
	Undelivered bool      `json:"undelivered"` // the request went back from delivered to allocated
}

// Return takes a handed-over line back, in one transaction: the units go
// back into the point's stock and the lots they left (stock.ReturnIn),
// the line is marked returned, its units are held again for the same
// line (so the child can take the same or an exchanged item at a later
// event, and the line is on that event's list again), and a delivered
// request goes back to allocated. A coordinator who wants the units for
// someone else releases the hold. Only those who move stock (warehouse
// staff, coordinators) record returns.
func (s *Service) Return(ctx context.Context, p access.Principal, in ReturnInput) (Returned, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Returned{}, err
	}
	in.Note = text.Clean(in.Note)
	if err := errs.Validation(valid.Note(nil, "note", in.Note)...); err != nil {
		return Returned{}, err
	}
	var out Returned
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var req, doc, event, back int64
		var qty int64
		var serials string
		err := tx.QueryRowContext(ctx, s.q.HandoverLineForReturn, in.HandoverID, in.Line).Scan(&req, &doc, &qty,
			&serials, &event, &back)
		if errors.Is(err, sql.ErrNoRows) {
			return errs.ErrNotFound
		}
		if err != nil {
			return err
		}
		e, err := s.event(ctx, tx, event)
		if err != nil {
			return err
		}
		if !access.Within(p, e.Target()) {
			return errs.ErrNotFound
		}
		r, err := s.lockRequest(ctx, tx, e, req)
		if err != nil {
			return err
		}
		// Read again under the request's lock: a return that held it
		// before may have taken the line back since the first read.
		err = tx.QueryRowContext(ctx, s.q.HandoverLineForReturn, in.HandoverID, in.Line).Scan(&req, &doc, &qty,
			&serials, &event, &back)
		if err != nil {
			return err
		}
		if back != 0 {
			return errs.New(errs.Conflict, "error.handover_returned", "Line", in.Line)
		}
		rows, err := s.listRows(ctx, tx, e.ID, req)
		if err != nil {
			return err
		}
		at := slices.IndexFunc(rows, func(row Row) bool { return row.Line == in.Line })
		if at < 0 {
			return errs.ErrNotFound
		}
		ln := stock.Line{ItemID: rows[at].ItemID, Size: rows[at].Size, Quantity: qty}
		if serials != "" {
			ln.Serials = strings.Split(serials, ",")
		}
		d, err := s.stock.ReturnIn(ctx, tx, p, stock.ReturnInput{DocID: doc, Lines: []stock.Line{ln}, Note: in.Note,
			Locale: in.Locale})
		if err != nil {
			return err
		}
		out = Returned{DocID: d.ID, ReturnedAt: d.CreatedAt}
		res, err := tx.ExecContext(ctx, s.q.MarkReturned, in.HandoverID, in.Line, d.ID, d.CreatedAt)
		if err := changedLine(res, err, in.Line); err != nil {
			return err
		}
		if err := s.stock.Reserve(ctx, tx, []stock.Hold{{RequestID: req, Line: in.Line, WarehouseID: e.WarehouseID,
			ItemID: ln.ItemID, Size: ln.Size, Quantity: qty}}); err != nil {
			return err
		}
		if r.status == string(requests.Delivered) {
			if _, err := s.requests.Undeliver(ctx, tx, p, req, in.Via); err != nil {
				return err
			}
			out.Undelivered = true
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "return", Entity: "handover", EntityID: itoa(in.HandoverID),
			OrgPath: r.orgPath, RegionPath: r.regionPath, After: map[string]any{"line": in.Line, "return_doc_id": d.ID,
				"note": in.Note}})
	})
	if err != nil {
		return Returned{}, err
	}
	return out, nil
}

// changedLine turns a return's update that touched no row (another
// return came first) into error.handover_returned.
func changedLine(res sql.Result, err error, line int) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errors.Join(err, errs.New(errs.Conflict, "error.handover_returned", "Line", line))
	}
	return nil
}
