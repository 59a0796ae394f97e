package stock

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Warehouses lists the warehouses within p's scope with their totals,
// open ones first, by name.
func (s *Service) Warehouses(ctx context.Context, p access.Principal) ([]Warehouse, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanWarehouseRow, s.q.Warehouses, p.ScopeArgs()...)
}

// Warehouse returns warehouse id if p may see it.
func (s *Service) Warehouse(ctx context.Context, p access.Principal, id int64) (Warehouse, error) {
	if err := access.Can(p, access.ViewStock, p.Scope()); err != nil {
		return Warehouse{}, err
	}
	w, err := s.warehouse(ctx, s.db.R, s.q.WarehouseByID, id)
	if err != nil {
		return Warehouse{}, err
	}
	if !access.Within(p, w.Target()) {
		return Warehouse{}, store.ErrNotFound
	}
	return w, nil
}

// Balance is what a warehouse holds of an item in a size.
type Balance struct {
	ItemID    int64  `json:"item_id"`
	ItemCode  string `json:"item_code"`
	Size      string `json:"size,omitempty"`
	Serial    bool   `json:"serial_tracked"`
	OnHand    int64  `json:"on_hand"`
	Reserved  int64  `json:"reserved"`
	Available int64  `json:"available"`
	names     [5]string
}

// Name is the item's name in locale.
func (b Balance) Name(locale string) string { return item{names: b.names}.name(locale) }

// Balances lists what warehouse id holds, by item and size (rows at zero
// left out), if p may see it.
func (s *Service) Balances(ctx context.Context, p access.Principal, id int64) ([]Balance, error) {
	if _, err := s.Warehouse(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Balance, error) {
		var b Balance
		err := sc.Scan(&b.ItemID, &b.ItemCode, &b.Size, &b.Serial, &b.OnHand, &b.Reserved,
			&b.names[0], &b.names[1], &b.names[2], &b.names[3], &b.names[4])
		b.Available = b.OnHand - b.Reserved
		return b, err
	}, s.q.Balances, id)
}

// LotBalance is what a warehouse holds of one lot, with where the lot
// came from.
type LotBalance struct {
	LotID      int64     `json:"lot_id"`
	Kind       LotKind   `json:"kind"`
	ItemID     int64     `json:"item_id"`
	Size       string    `json:"size,omitempty"`
	OnHand     int64     `json:"on_hand"`
	DonorID    int64     `json:"donor_id,omitempty"`
	DonorName  string    `json:"donor_name,omitempty"`
	UnitCost   int64     `json:"unit_cost,omitempty"`
	Currency   string    `json:"currency,omitempty"`
	ReceivedAt time.Time `json:"received_at"`
}

// LotBalances lists what warehouse id holds lot by lot (item, size, then
// the oldest lot first), if p may see it.
func (s *Service) LotBalances(ctx context.Context, p access.Principal, id int64) ([]LotBalance, error) {
	if _, err := s.Warehouse(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (LotBalance, error) {
		var b LotBalance
		var donor sql.NullInt64
		var name sql.NullString
		err := sc.Scan(&b.LotID, &b.Kind, &b.ItemID, &b.Size, &b.OnHand, &donor, &name, &b.UnitCost, &b.Currency, &b.ReceivedAt)
		b.DonorID, b.DonorName, b.ReceivedAt = donor.Int64, name.String, b.ReceivedAt.UTC()
		return b, err
	}, s.q.LotBalances, id)
}
