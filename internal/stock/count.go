package stock

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
)

// Counted is what a stock count found of an item in a size.
type Counted struct {
	ItemID  int64  `json:"item_id"`
	Size    string `json:"size,omitempty"`
	Counted int64  `json:"counted"`
}

// CountInput records a stock count at a warehouse: the quantities found,
// which the ledger is brought to.
type CountInput struct {
	WarehouseID int64
	Lines       []Counted
	Note        string
	Locale      string
}

// Count brings the ledger to what was counted: a shortfall is taken out
// of the oldest lots, a surplus comes in as a new lot (kind surplus), all
// moves of one document with reason "count". Units held for requests
// cannot be counted away (error.stock_count_reserved); an item in a size
// counted on two lines is refused (error.stock_line_twice). Devices are not
// counted here: they are received and written off by serial number.
func (s *Service) Count(ctx context.Context, p access.Principal, in CountInput) (Doc, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Doc{}, err
	}
	lines := make([]Line, len(in.Lines))
	var fs []errs.FieldError
	for i, c := range in.Lines {
		// checkLines wants a quantity; the count's own is checked here.
		lines[i] = Line{ItemID: c.ItemID, Size: c.Size, Quantity: 1}
		if c.Counted < 0 || c.Counted > MaxQuantity {
			fs = append(fs, lineErr(i, "counted", "error.stock_quantity_range", "Max", MaxQuantity))
		}
	}
	d := Doc{Kind: Count, Reason: "count", Note: in.Note}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		w, err := s.moveAt(ctx, tx, p, in.WarehouseID, "warehouse_id")
		if err != nil {
			return err
		}
		checked, err := s.checkLines(ctx, tx, lines, serialsRefused)
		if err == nil {
			err = twice(checked, in.Locale)
		}
		if err != nil || len(fs) > 0 {
			return joinInvalid(err, fs)
		}
		l, err := s.begin(ctx, tx, p, w, &d, in.Locale)
		if err != nil {
			return err
		}
		// The balance rows in key order, each locked as it is read.
		order := make([]int, len(checked))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int {
			return compareKeys(key{w.ID, checked[a].it.id, checked[a].size}, key{w.ID, checked[b].it.id, checked[b].size})
		})
		var ops []op
		for _, i := range order {
			c := checked[i]
			k := key{w.ID, c.it.id, c.size}
			found := in.Lines[i].Counted
			onHand, reserved, err := s.lockBalance(ctx, tx, k, found > 0)
			if err != nil {
				return err
			}
			switch {
			case found < reserved:
				return errs.Validation(lineErr(i, "counted", "error.stock_count_reserved",
					"Item", c.it.name(in.Locale), "Reserved", reserved))
			case found < onHand:
				ops = append(ops, op{key: k, it: c.it, qty: onHand - found})
			case found > onHand:
				c.qty = found - onHand
				lot, err := s.newLot(ctx, l, LotSurplus, c, 0, "")
				if err != nil {
					return err
				}
				ops = append(ops, op{key: k, it: c.it, qty: c.qty, in: true, lot: lot})
			}
		}
		if _, err := l.apply(ctx, ops); err != nil {
			return err
		}
		return s.finish(ctx, tx, p, &d, "count")
	})
	if err != nil {
		return Doc{}, err
	}
	return d, nil
}

// lockBalance reads the balance of k, locked until tx ends. When the
// warehouse has never held k and create is set, its row is written first
// (as zero) so that there is a row to lock: two counts finding a surplus
// of an item new to the warehouse then take turns, instead of each
// adding its surplus to a balance it read as empty.
func (s *Service) lockBalance(ctx context.Context, tx *sql.Tx, k key, create bool) (onHand, reserved int64, err error) {
	err = tx.QueryRowContext(ctx, s.q.BalanceOf, k.warehouse, k.item, k.size).Scan(&onHand, &reserved)
	if !errors.Is(err, sql.ErrNoRows) {
		return onHand, reserved, err
	}
	if !create {
		return 0, 0, nil
	}
	if _, err := tx.ExecContext(ctx, s.q.PutBalance, k.warehouse, k.item, k.size, 0); err != nil {
		return 0, 0, checkErr(err)
	}
	err = tx.QueryRowContext(ctx, s.q.BalanceOf, k.warehouse, k.item, k.size).Scan(&onHand, &reserved)
	return onHand, reserved, err
}
