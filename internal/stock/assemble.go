package stock

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
)

// AssembleInput assembles Quantity kits of catalogue kit KitID at a
// warehouse.
type AssembleInput struct {
	WarehouseID int64
	KitID       int64
	Quantity    int64
	Note        string
	Locale      string
}

// Assemble takes Quantity × each component of the kit's bill of materials
// out of the warehouse (oldest lots first) and puts Quantity kits into a
// new lot, which names the component lots it was made of, so the kit's
// donors are its parts'. Kits are made of items without sizes or serial
// numbers; a component short of stock is named in the refusal
// (error.stock_kit_short) and nothing is recorded.
func (s *Service) Assemble(ctx context.Context, p access.Principal, in AssembleInput) (Doc, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Doc{}, err
	}
	if in.Quantity < 1 || in.Quantity > MaxQuantity {
		return Doc{}, errs.Validation(errs.Field("quantity", "error.stock_quantity_range", "Max", MaxQuantity))
	}
	d := Doc{Kind: Assembly, Note: in.Note}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		w, err := s.moveAt(ctx, tx, p, in.WarehouseID, "warehouse_id")
		if err != nil {
			return err
		}
		kit, parts, err := s.billOf(ctx, tx, in.KitID, in.Locale)
		if err != nil {
			return err
		}
		l, err := s.begin(ctx, tx, p, w, &d, in.Locale)
		if err != nil {
			return err
		}
		lot, err := s.newLot(ctx, l, LotKit, checked{it: kit}, 0, "")
		if err != nil {
			return err
		}
		ops := make([]op, 0, len(parts)+1)
		for _, c := range parts {
			need := c.quantity * in.Quantity
			ops = append(ops, op{key: key{w.ID, c.id, ""}, it: c.item, qty: need, short: func(free int64) error {
				return errs.New(errs.Conflict, "error.stock_kit_short", "Component", c.name(in.Locale),
					"Kit", kit.name(in.Locale), "Kits", in.Quantity, "Needed", need, "Available", free)
			}})
		}
		ops = append(ops, op{key: key{w.ID, kit.id, ""}, it: kit, qty: in.Quantity, in: true, lot: lot})
		taken, err := l.apply(ctx, ops)
		if err != nil {
			return err
		}
		for _, ps := range taken[:len(parts)] {
			for _, pt := range ps {
				if _, err := tx.ExecContext(ctx, s.q.InsertLotPart, lot, pt.lot, pt.qty); err != nil {
					return err
				}
			}
		}
		return s.finish(ctx, tx, p, &d, "assemble")
	})
	if err != nil {
		return Doc{}, err
	}
	return d, nil
}

// billOf reads kit id and its components, refusing what cannot be
// assembled.
func (s *Service) billOf(ctx context.Context, tx *sql.Tx, id int64, locale string) (item, []component, error) {
	kit, err := s.readItem(ctx, tx, id, "kit_id")
	if err != nil {
		return item{}, nil, err
	}
	if !kit.kit {
		return item{}, nil, errs.Validation(errs.Field("kit_id", "error.stock_not_kit", "Item", kit.name(locale)))
	}
	if kit.sizing != campaign.NoSizes || kit.serial {
		return item{}, nil, errs.Validation(errs.Field("kit_id", "error.stock_kit_sized", "Component", kit.name(locale)))
	}
	parts, err := s.components(ctx, tx, id)
	if err != nil {
		return item{}, nil, err
	}
	if len(parts) == 0 {
		return item{}, nil, errs.Validation(errs.Field("kit_id", "error.stock_kit_empty", "Item", kit.name(locale)))
	}
	for _, c := range parts {
		if c.sizing != campaign.NoSizes || c.serial {
			return item{}, nil, errs.Validation(errs.Field("kit_id", "error.stock_kit_sized", "Component", c.name(locale)))
		}
	}
	return kit, parts, nil
}
