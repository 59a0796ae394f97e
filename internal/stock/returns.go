package stock

import (
	"context"
	"database/sql"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// ReturnInput takes back into stock what handover DocID (to a person or
// an institution) gave: its lines, devices by serial number.
type ReturnInput struct {
	DocID  int64
	Lines  []Line
	Note   string
	Locale string
}

// Return records a return. Returned units go back into the warehouse that
// handed them over and into the lots they left, so a returned gift still
// names its donor and can be handed over again; what has come back from a
// handover never exceeds what it gave (error.stock_return_exceeds). A
// return of a request line's handover names the line, so the line counts
// as not handed over again.
func (s *Service) Return(ctx context.Context, p access.Principal, in ReturnInput) (Doc, error) {
	var d Doc
	err := s.db.Tx(ctx, func(tx *sql.Tx) (err error) {
		d, err = s.ReturnIn(ctx, tx, p, in)
		return err
	})
	if err != nil {
		return Doc{}, err
	}
	return d, nil
}

// ReturnIn is Return in the caller's transaction tx, so a distribution
// records the return of a handover line with the line's own change.
func (s *Service) ReturnIn(ctx context.Context, tx *sql.Tx, p access.Principal, in ReturnInput) (Doc, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Doc{}, err
	}
	var d Doc
	if err := s.returnDoc(ctx, tx, p, in, &d); err != nil {
		return Doc{}, err
	}
	return d, nil
}

// returnDoc writes the return in into d.
func (s *Service) returnDoc(ctx context.Context, tx *sql.Tx, p access.Principal, in ReturnInput, d *Doc) error {
	// The handover's row first: two returns of it take turns.
	if _, err := tx.ExecContext(ctx, s.q.LockDoc, in.DocID); err != nil {
		return err
	}
	orig, err := s.doc(ctx, tx, in.DocID)
	if err != nil || orig.Kind != IssuePerson && orig.Kind != IssueInstitution {
		return errs.Validation(errs.Field("doc_id", "error.stock_return_kind"))
	}
	w, err := s.moveAt(ctx, tx, p, orig.WarehouseID, "doc_id")
	if err != nil {
		return err
	}
	lines, err := s.checkLines(ctx, tx, in.Lines, serialsRequired)
	if err != nil {
		return err
	}
	left, err := s.returnable(ctx, tx, orig)
	if err != nil {
		return err
	}
	*d = Doc{Kind: Return, RefDocID: orig.ID, RequestID: orig.RequestID, RequestLine: orig.RequestLine,
		OrgID: orig.OrgID, Note: in.Note}
	l, err := s.begin(ctx, tx, p, w, d, in.Locale)
	if err != nil {
		return err
	}
	var ops []op
	for i, c := range lines {
		k := key{w.ID, c.it.id, c.size}
		if c.it.serial {
			units, err := s.givenUnits(ctx, l, orig, c, lineField(i, "serials"))
			if err != nil {
				return err
			}
			if err := s.moveUnits(ctx, l, units, unitMove{from: UnitIssued, to: UnitInStock, at: w.ID, dest: w.ID},
				lineField(i, "serials")); err != nil {
				return err
			}
			ops = append(ops, op{key: k, it: c.it, qty: c.qty, in: true, units: units})
			continue
		}
		more, err := takeBack(left, k, c.qty, lineField(i, "quantity"))
		if err != nil {
			return err
		}
		for _, lq := range more {
			ops = append(ops, op{key: k, it: c.it, qty: lq.qty, in: true, lot: lq.lot})
		}
	}
	if _, err := l.apply(ctx, ops); err != nil {
		return err
	}
	return s.finish(ctx, tx, p, d, "return")
}

// lotKey is a lot of a balance.
type lotKey struct {
	key
	lot int64
}

// returnable is what handover orig gave, per key and lot, less what has
// come back already.
func (s *Service) returnable(ctx context.Context, tx *sql.Tx, orig Doc) (map[lotKey]int64, error) {
	left := map[lotKey]int64{}
	for _, m := range orig.Moves {
		left[lotKey{key{m.WarehouseID, m.ItemID, m.Size}, m.LotID}] -= m.Quantity
	}
	back, err := store.Select(ctx, tx, scanMove, s.q.ReturnedFrom, orig.ID)
	for _, m := range back {
		left[lotKey{key{m.WarehouseID, m.ItemID, m.Size}, m.LotID}] -= m.Quantity
	}
	return left, err
}

// lotQty is a quantity of a lot.
type lotQty struct{ lot, qty int64 }

// takeBack takes qty of key k out of left, lot by lot (oldest first).
func takeBack(left map[lotKey]int64, k key, qty int64, field string) ([]lotQty, error) {
	var lots []int64
	var total int64
	for lk, n := range left {
		if lk.key == k && n > 0 {
			lots = append(lots, lk.lot)
			total += n
		}
	}
	if qty > total {
		return nil, errs.Validation(errs.Field(field, "error.stock_return_exceeds", "Max", total))
	}
	slices.Sort(lots)
	var out []lotQty
	for _, lot := range lots {
		if qty == 0 {
			break
		}
		lk := lotKey{k, lot}
		n := min(left[lk], qty)
		left[lk] -= n
		qty -= n
		out = append(out, lotQty{lot, n})
	}
	return out, nil
}
