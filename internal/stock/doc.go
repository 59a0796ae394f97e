package stock

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// warehouse reads warehouse id with query (WarehouseByID, or
// WarehouseForUpdate in a transaction that changes it).
func (s *Service) warehouse(ctx context.Context, q store.Querier, query string, id int64) (Warehouse, error) {
	w, err := scanWarehouse(q.QueryRowContext(ctx, query, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Warehouse{}, errs.ErrNotFound
	}
	return w, err
}

// moveAt reads warehouse id for a document p records there: it must be
// open and p must move stock at it. field names the input that chose it.
func (s *Service) moveAt(ctx context.Context, tx *sql.Tx, p access.Principal, id int64, field string) (Warehouse, error) {
	return s.actAt(ctx, tx, p, access.MoveStock, id, field)
}

// actAt is moveAt for a document that needs action a of p at the
// warehouse (a handover of held stock needs access.HandOver).
func (s *Service) actAt(ctx context.Context, tx *sql.Tx, p access.Principal, a access.Action, id int64, field string) (Warehouse, error) {
	w, err := s.warehouse(ctx, tx, s.q.WarehouseByID, id)
	if errors.Is(err, errs.ErrNotFound) {
		return Warehouse{}, errs.Validation(errs.Field(field, "error.stock_warehouse_unknown"))
	}
	if err != nil {
		return Warehouse{}, err
	}
	if err := access.Can(p, a, w.Target()); err != nil {
		return Warehouse{}, err
	}
	if !w.Active {
		return Warehouse{}, errs.Validation(errs.Field(field, "error.stock_warehouse_closed", "Warehouse", w.Name))
	}
	return w, nil
}

// begin writes d, whose warehouse is w, and returns the ledger of its
// moves. d's creator and time are set here.
func (s *Service) begin(ctx context.Context, tx *sql.Tx, p access.Principal, w Warehouse, d *Doc, locale string) (*ledger, error) {
	d.Note = text.Clean(d.Note)
	if err := errs.Validation(valid.Note(nil, "note", d.Note)...); err != nil {
		return nil, err
	}
	if d.Status == "" {
		d.Status = Done
	}
	d.WarehouseID, d.orgPath, d.regionPath = w.ID, w.orgPath, w.regionPath
	d.CreatedBy, d.CreatedName, d.CreatedAt = p.UserID, p.Name, s.now().UTC()
	err := tx.QueryRowContext(ctx, s.q.InsertDoc, string(d.Kind), d.Status, d.WarehouseID, store.NullID(d.ToWarehouseID),
		store.NullID(d.DonorID), store.NullID(d.RequestID), d.RequestLine, store.NullID(d.OrgID), store.NullID(d.RefDocID),
		d.Reason, d.Note, d.orgPath, d.regionPath, store.NullID(d.CreatedBy), d.CreatedName, d.CreatedAt).Scan(&d.ID)
	if err != nil {
		return nil, err
	}
	return &ledger{s: s, tx: tx, doc: d.ID, at: d.CreatedAt, locale: locale}, nil
}

// finish reads d's moves back and records the document in the change
// log, with action (the document's kind, or receive for a transfer's
// arrival).
func (s *Service) finish(ctx context.Context, tx *sql.Tx, p access.Principal, d *Doc, action string) error {
	moves, err := s.docMoves(ctx, tx, d.ID)
	if err != nil {
		return err
	}
	d.Moves = moves
	return s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "stock_doc", EntityID: itoa(d.ID),
		OrgPath: d.orgPath, RegionPath: d.regionPath, After: d})
}

// docMoves are the moves of document id in the order written.
func (s *Service) docMoves(ctx context.Context, q store.Querier, id int64) ([]Move, error) {
	return store.Select(ctx, q, scanMove, s.q.DocMoves, id)
}

func scanMove(sc store.Scanner) (Move, error) {
	var m Move
	var serial sql.NullString
	err := sc.Scan(&m.ID, &m.DocID, &m.WarehouseID, &m.ItemID, &m.Size, &m.LotID, &serial, &m.Quantity, &m.At)
	m.Serial, m.At = serial.String, m.At.UTC()
	return m, err
}

func scanWarehouse(sc store.Scanner) (Warehouse, error) {
	var w Warehouse
	err := sc.Scan(&w.ID, &w.Code, &w.Name, &w.Kind, &w.OrgID, &w.OrgName, &w.orgPath, &w.RegionID, &w.RegionCode,
		&w.regionPath, &w.Address, &w.Active)
	return w, err
}
