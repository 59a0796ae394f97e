package stock

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/jolproject/jol/internal/errs"
)

// key names a balance: an item in a size at a warehouse.
type key struct {
	warehouse, item int64
	size            string
}

func compareKeys(a, b key) int {
	return cmp.Or(cmp.Compare(a.warehouse, b.warehouse), cmp.Compare(a.item, b.item), strings.Compare(a.size, b.size))
}

// unitRef is a device a document moves, with the lot it belongs to.
type unitRef struct {
	id, lot int64
	serial  string
}

// op is one line of a document as the ledger applies it: qty units of
// key put in or taken out.
type op struct {
	key   key
	it    item  // the catalogue entry, for messages
	qty   int64 // > 0
	in    bool  // put in; take out otherwise
	held  bool  // taken out of what is reserved (an issue of a hold)
	lot   int64 // in: the lot; out: only this lot, or the oldest lots first when 0
	units []unitRef
	// short is the refusal when the stock is not there; error.stock_short
	// naming the item when nil.
	short func(free int64) error
}

// part is what an op put into or took from one lot (and one device).
type part struct{ lot, qty, unit int64 }

// ledger writes the moves of one document in its transaction.
type ledger struct {
	s      *Service
	tx     *sql.Tx
	doc    int64
	at     time.Time
	locale string
}

// apply applies ops and returns what each took or put, lot by lot, in
// the order of ops. The balance rows are updated in the order of their
// keys whatever the order of ops, so two documents touching the same rows
// lock them in the same order and never deadlock on PostgreSQL; the lot
// rows of a key are only touched once its balance row is locked.
func (l *ledger) apply(ctx context.Context, ops []op) ([][]part, error) {
	order := make([]int, len(ops))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return compareKeys(ops[a].key, ops[b].key) })
	out := make([][]part, len(ops))
	for _, i := range order {
		ps, err := l.one(ctx, ops[i])
		if err != nil {
			return nil, err
		}
		out[i] = ps
	}
	return out, nil
}

func (l *ledger) one(ctx context.Context, o op) ([]part, error) {
	k, q := o.key, l.s.q
	if o.in {
		if _, err := l.tx.ExecContext(ctx, q.PutBalance, k.warehouse, k.item, k.size, o.qty); err != nil {
			return nil, checkErr(err)
		}
	} else {
		take := q.TakeFree
		if o.held {
			take = q.TakeHeld
		}
		res, err := l.tx.ExecContext(ctx, take, k.warehouse, k.item, k.size, o.qty)
		if err != nil {
			return nil, checkErr(err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return nil, cmp.Or(err, l.short(ctx, o))
		}
	}
	ps, err := l.parts(ctx, o)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if err := l.lot(ctx, o, p); err != nil {
			return nil, err
		}
	}
	return ps, nil
}

// parts splits o over lots: its devices', its own lot, or (taking out
// without a lot) the oldest lots of its key first.
func (l *ledger) parts(ctx context.Context, o op) ([]part, error) {
	switch {
	case len(o.units) > 0:
		ps := make([]part, len(o.units))
		for i, u := range o.units {
			ps[i] = part{lot: u.lot, qty: 1, unit: u.id}
		}
		return ps, nil
	case o.in || o.lot != 0:
		return []part{{lot: o.lot, qty: o.qty}}, nil
	}
	rows, err := l.tx.QueryContext(ctx, l.s.q.LotsFIFO, o.key.warehouse, o.key.item, o.key.size)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ps []part
	left := o.qty
	for left > 0 && rows.Next() {
		var p part
		if err := rows.Scan(&p.lot, &p.qty); err != nil {
			return nil, err
		}
		p.qty = min(p.qty, left)
		left -= p.qty
		ps = append(ps, p)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	if left > 0 {
		// The balance row said the units were there and the lots do not
		// hold them: the counters disagree with each other.
		return nil, fmt.Errorf("stock: lots of warehouse %d item %d size %q hold %d fewer than the balance",
			o.key.warehouse, o.key.item, o.key.size, left)
	}
	return ps, nil
}

// lot writes p's lot counter and its move.
func (l *ledger) lot(ctx context.Context, o op, p part) error {
	k, q, qty := o.key, l.s.q, p.qty
	if o.in {
		if _, err := l.tx.ExecContext(ctx, q.PutLot, k.warehouse, p.lot, k.item, k.size, qty); err != nil {
			return checkErr(err)
		}
	} else {
		res, err := l.tx.ExecContext(ctx, q.TakeLot, k.warehouse, p.lot, qty)
		if err != nil {
			return checkErr(err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return cmp.Or(err, l.short(ctx, o))
		}
		qty = -qty
	}
	var unit sql.NullInt64
	if p.unit != 0 {
		unit = sql.NullInt64{Int64: p.unit, Valid: true}
	}
	_, err := l.tx.ExecContext(ctx, q.InsertMove, l.doc, k.warehouse, k.item, k.size, p.lot, unit, qty, l.at)
	return err
}

// short is the refusal of o: what is free of its key now, in o's words.
func (l *ledger) short(ctx context.Context, o op) error {
	var onHand, reserved int64
	err := l.tx.QueryRowContext(ctx, l.s.q.BalanceOf, o.key.warehouse, o.key.item, o.key.size).Scan(&onHand, &reserved)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	free := max(onHand-reserved, 0)
	if o.short != nil {
		return o.short(free)
	}
	return shortErr(o.it.name(l.locale), o.key.size, free, o.qty)
}

// shortErr says that wanted units of item (in size) are asked and only
// free are there.
func shortErr(item, size string, free, wanted int64) error {
	if size != "" {
		return errs.New(errs.Conflict, "error.stock_short_size", "Item", item, "Size", size, "Available", free, "Wanted", wanted)
	}
	return errs.New(errs.Conflict, "error.stock_short", "Item", item, "Available", free, "Wanted", wanted)
}

// IsShort reports whether err is the refusal of a take that found fewer
// units free than it asked for, as a reservation racing another move
// does.
func IsShort(err error) bool {
	e := errs.As(err)
	return e != nil && (e.Key == "error.stock_short" || e.Key == "error.stock_short_size")
}

// checkErr turns a CHECK constraint failure of the counters — the last
// line of defence, reached only if the conditional updates were wrong —
// into the refusal a user reads, never a server error.
func checkErr(err error) error {
	var pg *pgconn.PgError
	if errors.As(err, &pg) && pg.Code == "23514" || err != nil && strings.Contains(err.Error(), "CHECK constraint failed") {
		return errs.Wrap(err, errs.Conflict, "error.stock_negative")
	}
	return err
}
