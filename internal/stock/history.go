package stock

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Entry is a document as a warehouse's history lists it: who and what it
// names, and what it moved at that warehouse (Net, signed).
type Entry struct {
	Doc
	DonorName string `json:"donor_name,omitempty"`
	FromName  string `json:"from_name"`
	ToName    string `json:"to_name,omitempty"`
	OrgName   string `json:"org_name,omitempty"`
	Reference string `json:"request_reference,omitempty"`
	Net       int64  `json:"net"`
}

// History lists the documents of warehouse id (made there or sent to it),
// newest first, a page at a time, and the cursor of the next page.
// Handovers to a person name the request's reference, never the child.
func (s *Service) History(ctx context.Context, p access.Principal, id int64, pg store.Page) ([]Entry, string, error) {
	if _, err := s.Warehouse(ctx, p, id); err != nil {
		return nil, "", err
	}
	es, err := store.Select(ctx, s.db.R, scanEntry, s.q.History, id, pg.BeforeArg(), pg.LimitArg(), pg.SkipArg())
	if err != nil {
		return nil, "", err
	}
	es, next := store.Trim(pg, es, func(e Entry) int64 { return e.ID })
	return es, next, nil
}

// HistoryCount counts the documents of warehouse id, up to store.CountCap.
func (s *Service) HistoryCount(ctx context.Context, p access.Principal, id int64) (store.Count, error) {
	if _, err := s.Warehouse(ctx, p, id); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.CountHistory, id, store.CountArg())
}

// InTransitTo lists the transfers on their way to warehouse id, oldest
// first: what its staff may receive.
func (s *Service) InTransitTo(ctx context.Context, p access.Principal, id int64) ([]Entry, error) {
	if _, err := s.Warehouse(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanEntry, s.q.InTransit, id)
}

// Doc returns document id with its moves if p may see its warehouse (or,
// for a transfer, its destination).
func (s *Service) Doc(ctx context.Context, p access.Principal, id int64) (Doc, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return Doc{}, err
	}
	d, err := s.doc(ctx, s.db.R, id)
	if err != nil {
		return Doc{}, err
	}
	if access.Within(p, d.Target()) {
		return d, nil
	}
	if d.ToWarehouseID != 0 {
		if _, err := s.Warehouse(ctx, p, d.ToWarehouseID); err == nil {
			return d, nil
		}
	}
	return Doc{}, store.ErrNotFound
}

func scanEntry(sc store.Scanner) (Entry, error) {
	var e Entry
	var to, req sql.NullInt64
	var recv sql.NullTime
	err := sc.Scan(&e.ID, &e.Kind, &e.Status, &e.WarehouseID, &to, &e.Reason, &e.Note, &e.CreatedName, &e.CreatedAt,
		&e.ReceivedName, &recv, &e.DonorName, &e.FromName, &e.ToName, &e.OrgName, &e.Reference, &req, &e.Net)
	e.ToWarehouseID, e.RequestID, e.CreatedAt = to.Int64, req.Int64, e.CreatedAt.UTC()
	if recv.Valid {
		e.ReceivedAt = recv.Time.UTC()
	}
	return e, err
}

// Unit is a device of a warehouse.
type Unit struct {
	ID        int64  `json:"id"`
	ItemID    int64  `json:"item_id"`
	Serial    string `json:"serial"`
	State     string `json:"state"`
	LotID     int64  `json:"lot_id"`
	DonorName string `json:"donor_name,omitempty"`
	DocID     int64  `json:"doc_id"`
}

// MaxUnits bounds the devices one list shows.
const MaxUnits = 5000

// Units lists the devices of warehouse id in state (every state when
// empty), by item and serial number, at most MaxUnits.
func (s *Service) Units(ctx context.Context, p access.Principal, id int64, state string) ([]Unit, error) {
	if _, err := s.Warehouse(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanUnit, s.q.Units, id, state, MaxUnits)
}
