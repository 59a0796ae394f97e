package stock

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Hold is stock held at a warehouse for a request line: Quantity units of
// the line's item in its size, set aside by allocation run RunID (0 when
// none) until the line is handed over (IssueReserved) or the hold is
// released.
type Hold struct {
	RequestID   int64  `json:"request_id"`
	Line        int    `json:"line"`
	WarehouseID int64  `json:"warehouse_id"`
	ItemID      int64  `json:"item_id"`
	Size        string `json:"size,omitempty"`
	Quantity    int64  `json:"quantity"`
	RunID       int64  `json:"run_id,omitempty"`
}

func (h Hold) key() key { return key{h.WarehouseID, h.ItemID, h.Size} }

// LineRef names a request line.
type LineRef struct {
	RequestID int64 `json:"request_id"`
	Line      int   `json:"line"`
}

// Reserve holds stock for request lines in the caller's transaction tx:
// every hold or none. Each line must exist and ask for the hold's item in
// its size, and have no hold yet; each warehouse must have as many units
// available (on hand and not reserved) as held. A refusal — the first
// hold short of stock, as error.stock_short naming the item (in English:
// allocation runs without a reader) — leaves tx as it was and usable. The
// caller checks the principal's right to allocate and records the run.
func (s *Service) Reserve(ctx context.Context, tx *sql.Tx, holds []Hold) error {
	for i := range holds {
		holds[i].Size = normSize(holds[i].Size)
		if h := holds[i]; h.Quantity < 1 || h.Quantity > MaxQuantity {
			return errs.Validation(errs.Field("quantity", "error.stock_quantity_range", "Max", MaxQuantity))
		}
	}
	// The balance rows in the order of their keys, so two runs never
	// deadlock.
	order := slices.Clone(holds)
	slices.SortStableFunc(order, func(a, b Hold) int { return compareKeys(a.key(), b.key()) })
	// The four statements of a hold, parsed once for the whole call.
	q, err := prepare(ctx, tx, s.q.RequestLine, s.q.HoldForLine, s.q.Reserve, s.q.InsertHold)
	if err != nil {
		return err
	}
	defer q.close()
	return savepoint(ctx, tx, "stock_reserve", func() error {
		now := s.now().UTC()
		for _, h := range order {
			if err := s.holdLine(ctx, q, h); err != nil {
				return err
			}
			res, err := q.ExecContext(ctx, s.q.Reserve, h.WarehouseID, h.ItemID, h.Size, h.Quantity)
			if err != nil {
				return checkErr(err)
			}
			if n, err := res.RowsAffected(); err != nil || n != 1 {
				return cmp.Or(err, s.shortHold(ctx, tx, h))
			}
			_, err = q.ExecContext(ctx, s.q.InsertHold, h.RequestID, h.Line, h.WarehouseID, h.ItemID, h.Size, h.Quantity,
				h.RunID, now)
			if store.IsUniqueViolation(err) {
				return errs.New(errs.Conflict, "error.stock_hold_exists")
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// holdLine checks that h's line asks for h's item in h's size and has no
// hold yet.
func (s *Service) holdLine(ctx context.Context, tx store.Querier, h Hold) error {
	ln, err := s.requestLine(ctx, tx, h.RequestID, h.Line)
	if err != nil {
		return err
	}
	if ln.item != h.ItemID || ln.size != h.Size {
		return errs.New(errs.Invalid, "error.stock_hold_item")
	}
	_, err = s.heldFor(ctx, tx, LineRef{h.RequestID, h.Line})
	switch {
	case err == nil:
		return errs.New(errs.Conflict, "error.stock_hold_exists")
	case errors.Is(err, errs.ErrNotFound):
		return nil
	}
	return err
}

func (s *Service) shortHold(ctx context.Context, tx *sql.Tx, h Hold) error {
	it, err := s.readItem(ctx, tx, h.ItemID, "item_id")
	if err != nil {
		return err
	}
	var onHand, reserved int64
	err = tx.QueryRowContext(ctx, s.q.BalanceOf, h.WarehouseID, h.ItemID, h.Size).Scan(&onHand, &reserved)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return shortErr(it.name("en"), h.Size, max(onHand-reserved, 0), h.Quantity)
}

// Release frees the holds of lines in tx (a line without one is passed
// over) and returns how many it freed.
func (s *Service) Release(ctx context.Context, tx *sql.Tx, lines []LineRef) (int, error) {
	var held []heldRow
	for _, ln := range lines {
		h, err := s.heldFor(ctx, tx, ln)
		if errors.Is(err, errs.ErrNotFound) {
			continue
		}
		if err != nil {
			return 0, err
		}
		held = append(held, h)
	}
	return s.release(ctx, tx, held)
}

// ReleaseRun frees every hold allocation run run made that is still held.
func (s *Service) ReleaseRun(ctx context.Context, tx *sql.Tx, run int64) (int, error) {
	held, err := store.Select(ctx, tx, scanHeld, s.q.HoldsOfRun, run)
	if err != nil {
		return 0, err
	}
	return s.release(ctx, tx, held)
}

func (s *Service) release(ctx context.Context, tx *sql.Tx, held []heldRow) (int, error) {
	slices.SortStableFunc(held, func(a, b heldRow) int { return cmp.Compare(a.id, b.id) })
	var closed []heldRow
	now := s.now().UTC()
	for _, h := range held {
		res, err := tx.ExecContext(ctx, s.q.CloseHold, h.id, "released", nil, now)
		if err != nil {
			return 0, err
		}
		if k, err := res.RowsAffected(); err != nil || k != 1 {
			if err != nil {
				return 0, err
			}
			continue // issued or released meanwhile
		}
		closed = append(closed, h)
	}
	n := len(closed)
	slices.SortStableFunc(closed, func(a, b heldRow) int { return compareKeys(a.key(), b.key()) })
	for _, h := range closed {
		res, err := tx.ExecContext(ctx, s.q.Unreserve, h.WarehouseID, h.ItemID, h.Size, h.Quantity)
		if err != nil {
			return n, checkErr(err)
		}
		if k, err := res.RowsAffected(); err != nil || k != 1 {
			return n, cmp.Or(err, errors.New("stock: a hold's reservation is missing from its balance"))
		}
	}
	return n, nil
}

// heldRow is a hold as stored.
type heldRow struct {
	Hold
	id int64
}

// heldFor reads the hold of line ln; not found when it has none.
func (s *Service) heldFor(ctx context.Context, q store.Querier, ln LineRef) (heldRow, error) {
	h, err := scanHeld(q.QueryRowContext(ctx, s.q.HoldForLine, ln.RequestID, ln.Line))
	if errors.Is(err, sql.ErrNoRows) {
		return heldRow{}, errs.ErrNotFound
	}
	return h, err
}

func scanHeld(sc store.Scanner) (heldRow, error) {
	var h heldRow
	err := sc.Scan(&h.id, &h.RequestID, &h.Line, &h.WarehouseID, &h.ItemID, &h.Size, &h.Quantity, &h.RunID)
	return h, err
}

// Holds lists the holds of request id still held, by line.
func (s *Service) Holds(ctx context.Context, q store.Querier, request int64) ([]Hold, error) {
	rows, err := store.Select(ctx, q, scanHeld, s.q.HoldsOfRequest, request)
	out := make([]Hold, len(rows))
	for i, r := range rows {
		out[i] = r.Hold
	}
	return out, err
}

// savepoint runs fn inside a savepoint of tx: when fn fails, what it did
// is undone and tx stays usable (on PostgreSQL, a failed statement would
// otherwise abort the whole transaction).
func savepoint(ctx context.Context, tx *sql.Tx, name string, fn func() error) error {
	if _, err := tx.ExecContext(ctx, "SAVEPOINT "+name); err != nil {
		return err
	}
	if err := fn(); err != nil {
		if _, rerr := tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT "+name); rerr != nil {
			return errors.Join(err, rerr)
		}
		if _, rerr := tx.ExecContext(ctx, "RELEASE SAVEPOINT "+name); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	_, err := tx.ExecContext(ctx, "RELEASE SAVEPOINT "+name)
	return err
}
