package stock

import (
	"context"

	"github.com/jolproject/jol/internal/store"
)

// Mismatch is a counter that disagrees with the ledger: what is stored
// and what the moves (or, for Reserved, the holds; for Units, the devices
// in stock) add up to.
type Mismatch struct {
	Counter     string `json:"counter"` // balance, lot or units
	WarehouseID int64  `json:"warehouse_id"`
	ItemID      int64  `json:"item_id,omitempty"`
	Size        string `json:"size,omitempty"`
	LotID       int64  `json:"lot_id,omitempty"`
	Stored      int64  `json:"stored"`
	Ledger      int64  `json:"ledger"`
	Reserved    int64  `json:"reserved,omitempty"`
	Held        int64  `json:"held,omitempty"`
}

// Report is what Verify found.
type Report struct {
	Mismatches []Mismatch `json:"mismatches"`
}

// Verify recomputes every counter from the ledger and lists those that
// disagree: on hand per warehouse, item and size against the sum of its
// moves, reserved against the holds still held, on hand per lot against
// its moves, and the devices in stock against the on hand of their item.
// It reads a snapshot (one read transaction) and changes nothing; run it
// with `jol stock verify`.
func (s *Service) Verify(ctx context.Context) (Report, error) {
	var r Report
	tx, err := s.db.R.BeginTx(ctx, nil)
	if err != nil {
		return r, err
	}
	defer tx.Rollback()
	scan := func(counter string, query string, dest func(m *Mismatch) []any) error {
		ms, err := store.Select(ctx, tx, func(sc store.Scanner) (Mismatch, error) {
			m := Mismatch{Counter: counter}
			return m, sc.Scan(dest(&m)...)
		}, query)
		r.Mismatches = append(r.Mismatches, ms...)
		return err
	}
	if err := scan("balance", s.q.VerifyBalances, func(m *Mismatch) []any {
		return []any{&m.WarehouseID, &m.ItemID, &m.Size, &m.Stored, &m.Ledger, &m.Reserved, &m.Held}
	}); err != nil {
		return r, err
	}
	if err := scan("lot", s.q.VerifyLots, func(m *Mismatch) []any {
		return []any{&m.WarehouseID, &m.LotID, &m.Stored, &m.Ledger}
	}); err != nil {
		return r, err
	}
	err = scan("units", s.q.VerifyUnits, func(m *Mismatch) []any {
		return []any{&m.WarehouseID, &m.ItemID, &m.Stored, &m.Ledger}
	})
	return r, err
}
