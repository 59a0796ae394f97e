package stock

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// TransferInput sends stock from one warehouse to another. A device line
// may name its serial numbers or only a quantity: the first devices in
// stock by serial number go then.
type TransferInput struct {
	FromID int64
	ToID   int64
	Lines  []Line
	Note   string
	Locale string
}

// Dispatch sends stock to another warehouse: it leaves the source at once
// (oldest lots first) and stays in transit, on the document, until the
// destination receives it. The destination must be open and within p's
// scope.
func (s *Service) Dispatch(ctx context.Context, p access.Principal, in TransferInput) (Doc, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Doc{}, err
	}
	if in.FromID == in.ToID {
		return Doc{}, errs.Validation(errs.Field("to_warehouse_id", "error.stock_same_warehouse"))
	}
	d := Doc{Kind: Transfer, Status: InTransit, ToWarehouseID: in.ToID, Note: in.Note}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		from, err := s.moveAt(ctx, tx, p, in.FromID, "warehouse_id")
		if err != nil {
			return err
		}
		to, err := s.warehouse(ctx, tx, s.q.WarehouseByID, in.ToID)
		if err == nil && (!to.Active || !access.Within(p, to.Target())) {
			err = errs.ErrNotFound
		}
		if errors.Is(err, errs.ErrNotFound) {
			return errs.Validation(errs.Field("to_warehouse_id", "error.stock_dest_unknown"))
		}
		if err != nil {
			return err
		}
		lines, err := s.checkLines(ctx, tx, in.Lines, serialsOptional)
		if err != nil {
			return err
		}
		l, err := s.begin(ctx, tx, p, from, &d, in.Locale)
		if err != nil {
			return err
		}
		for i, c := range lines {
			if !c.it.serial || len(c.serials) > 0 {
				continue
			}
			if lines[i].serials, err = s.pickUnits(ctx, l, c, from.ID); err != nil {
				return err
			}
			if int64(len(lines[i].serials)) < c.qty {
				return shortErr(c.it.name(in.Locale), c.size, int64(len(lines[i].serials)), c.qty)
			}
		}
		ops, err := s.outOps(ctx, l, from, lines, unitMove{from: UnitInStock, to: UnitInTransit, at: from.ID, dest: from.ID})
		if err != nil {
			return err
		}
		if _, err := l.apply(ctx, ops); err != nil {
			return err
		}
		return s.finish(ctx, tx, p, &d, "dispatch")
	})
	if err != nil {
		return Doc{}, err
	}
	return d, nil
}

// ArrivalInput receives transfer DocID at its destination. Lines say what
// arrived per item and size, each on one line (devices by serial
// number); none means
// everything sent arrived. What was sent and did not arrive stays on the
// document as its discrepancy (its devices are written off as lost).
type ArrivalInput struct {
	DocID  int64
	Lines  []Line
	Note   string
	Locale string
}

// ReceiveTransfer records the arrival of a transfer; a transfer is
// received once (error.stock_transfer_received).
func (s *Service) ReceiveTransfer(ctx context.Context, p access.Principal, in ArrivalInput) (Doc, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Doc{}, err
	}
	in.Note = text.Clean(in.Note)
	var d Doc
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if d, err = s.doc(ctx, tx, in.DocID); err != nil || d.Kind != Transfer {
			return errs.Validation(errs.Field("doc_id", "error.stock_transfer_unknown"))
		}
		to, err := s.moveAt(ctx, tx, p, d.ToWarehouseID, "doc_id")
		if err != nil {
			return err
		}
		if err := errs.Validation(valid.Note(nil, "note", in.Note)...); err != nil {
			return err
		}
		at := s.now().UTC()
		res, err := tx.ExecContext(ctx, s.q.ReceiveDoc, d.ID, store.NullID(p.UserID), p.Name, in.Note, at)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errors.Join(err, errs.New(errs.Conflict, "error.stock_transfer_received"))
		}
		d.Status, d.ReceivedAt, d.ReceivedName, d.ReceivedNote = Received, at, p.Name, in.Note
		l := &ledger{s: s, tx: tx, doc: d.ID, at: at, locale: in.Locale}
		ops, err := s.arrivals(ctx, l, d, to, in)
		if err != nil {
			return err
		}
		if _, err := l.apply(ctx, ops); err != nil {
			return err
		}
		return s.finish(ctx, tx, p, &d, "receive")
	})
	if err != nil {
		return Doc{}, err
	}
	return d, nil
}

// arrivals are the ops putting what arrived of transfer d into to, lot by
// lot as it was sent (the oldest lots first), and the devices' moves.
func (s *Service) arrivals(ctx context.Context, l *ledger, d Doc, to Warehouse, in ArrivalInput) ([]op, error) {
	sent := map[key][]Move{}
	var keys []key
	for _, m := range d.Moves {
		k := key{to.ID, m.ItemID, m.Size}
		if sent[k] == nil {
			keys = append(keys, k)
		}
		sent[k] = append(sent[k], m)
	}
	got := map[key]Line{}
	if in.Lines == nil {
		for k, ms := range sent {
			g := Line{ItemID: k.item, Size: k.size}
			for _, m := range ms {
				g.Quantity -= m.Quantity
			}
			got[k] = g
		}
	}
	lines, err := s.checkLines(ctx, l.tx, in.Lines, serialsOptional)
	if in.Lines != nil && err == nil {
		err = twice(lines, in.Locale)
	}
	if in.Lines != nil && err != nil {
		return nil, err
	}
	for i, c := range lines {
		k := key{to.ID, c.it.id, c.size}
		if sent[k] == nil {
			return nil, errs.Validation(lineErr(i, "item", "error.stock_not_sent"))
		}
		got[k] = Line{ItemID: c.it.id, Size: c.size, Quantity: c.qty, Serials: c.serials}
	}
	var ops []op
	for _, k := range keys {
		it, err := s.readItem(ctx, l.tx, k.item, "lines")
		if err != nil {
			return nil, err
		}
		o, err := s.arrival(ctx, l, d, it, k, sent[k], got[k])
		if err != nil {
			return nil, err
		}
		ops = append(ops, o...)
	}
	return ops, nil
}

// arrival is what arrived of one key: g of the moves ms sent.
func (s *Service) arrival(ctx context.Context, l *ledger, d Doc, it item, k key, ms []Move, g Line) ([]op, error) {
	var total int64
	for _, m := range ms {
		total -= m.Quantity
	}
	if it.serial && g.Quantity == total && len(g.Serials) == 0 {
		for _, m := range ms {
			g.Serials = append(g.Serials, m.Serial)
		}
	}
	switch {
	case g.Quantity > total:
		return nil, errs.Validation(errs.Field("lines", "error.stock_received_more", "Sent", total))
	case it.serial && int64(len(g.Serials)) != g.Quantity:
		return nil, errs.Validation(errs.Field("lines", "error.stock_serials_required"))
	case it.serial:
		return s.deviceArrival(ctx, l, d, it, k, ms, g.Serials)
	}
	var ops []op
	left := g.Quantity
	for _, m := range ms {
		if left == 0 {
			break
		}
		n := min(-m.Quantity, left)
		left -= n
		ops = append(ops, op{key: k, it: it, qty: n, in: true, lot: m.LotID})
	}
	return ops, nil
}

// deviceArrival puts the devices that arrived into stock at the
// destination and writes off as lost those sent that did not.
func (s *Service) deviceArrival(ctx context.Context, l *ledger, d Doc, it item, k key, ms []Move, serials []string) ([]op, error) {
	arrived := map[string]bool{}
	for _, sn := range serials {
		arrived[sn] = true
	}
	var in, lost []unitRef
	for _, m := range ms {
		var u unitRef
		err := l.tx.QueryRowContext(ctx, s.q.UnitBySerial, it.id, m.Serial).Scan(&u.id, &u.lot, new(int64), new(string), new(int64))
		if err != nil {
			return nil, err
		}
		u.serial = m.Serial
		if arrived[m.Serial] {
			in = append(in, u)
			delete(arrived, m.Serial)
		} else {
			lost = append(lost, u)
		}
	}
	for sn := range arrived {
		return nil, errs.Validation(errs.Field("lines", "error.stock_serial_unknown", "Serial", sn))
	}
	if err := s.moveUnits(ctx, l, in, unitMove{from: UnitInTransit, to: UnitInStock, at: d.WarehouseID, dest: k.warehouse}, "lines"); err != nil {
		return nil, err
	}
	err := s.moveUnits(ctx, l, lost, unitMove{from: UnitInTransit, to: UnitWrittenOff, at: d.WarehouseID, dest: d.WarehouseID}, "lines")
	if err != nil || len(in) == 0 {
		return nil, err
	}
	return []op{{key: k, it: it, qty: int64(len(in)), in: true, units: in}}, nil
}

// doc reads document id with its moves.
func (s *Service) doc(ctx context.Context, q store.Querier, id int64) (Doc, error) {
	var d Doc
	var to, donor, req, org, ref, by sql.NullInt64
	var recv sql.NullTime
	err := q.QueryRowContext(ctx, s.q.DocByID, id).Scan(&d.ID, &d.Kind, &d.Status, &d.WarehouseID, &to, &donor, &req,
		&d.RequestLine, &org, &ref, &d.Reason, &d.Note, &d.orgPath, &d.regionPath, &by, &d.CreatedName, &d.CreatedAt,
		&d.ReceivedName, &d.ReceivedNote, &recv)
	if errors.Is(err, sql.ErrNoRows) {
		return Doc{}, errs.ErrNotFound
	}
	if err != nil {
		return Doc{}, err
	}
	d.ToWarehouseID, d.DonorID, d.RequestID, d.OrgID, d.RefDocID, d.CreatedBy = to.Int64, donor.Int64, req.Int64,
		org.Int64, ref.Int64, by.Int64
	d.CreatedAt = d.CreatedAt.UTC()
	if recv.Valid {
		d.ReceivedAt = recv.Time.UTC()
	}
	d.Moves, err = s.docMoves(ctx, q, id)
	return d, err
}
