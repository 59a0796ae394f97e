package stock

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/valid"
)

// WriteOffInput takes damaged, lost or expired stock out of a warehouse.
// The reason is required; Other needs a note saying what happened.
type WriteOffInput struct {
	WarehouseID int64
	Reason      WriteOffReason
	Lines       []Line
	Note        string
	Locale      string
}

// WriteOff records a write-off: the oldest lots go first, devices by
// serial number.
func (s *Service) WriteOff(ctx context.Context, p access.Principal, in WriteOffInput) (Doc, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Doc{}, err
	}
	var fs []errs.FieldError
	switch in.Reason {
	case Damaged, Lost, Expired:
	case Other:
		if strings.TrimSpace(in.Note) == "" {
			fs = append(fs, errs.Field("note", "error.stock_reason_note"))
		}
	default:
		fs = append(fs, valid.Choice("reason", WriteOffReasons()...))
	}
	d := Doc{Kind: WriteOff, Reason: string(in.Reason), Note: in.Note}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		w, err := s.moveAt(ctx, tx, p, in.WarehouseID, "warehouse_id")
		if err != nil {
			return err
		}
		lines, err := s.checkLines(ctx, tx, in.Lines, serialsRequired)
		if err != nil || len(fs) > 0 {
			return joinInvalid(err, fs)
		}
		l, err := s.begin(ctx, tx, p, w, &d, in.Locale)
		if err != nil {
			return err
		}
		ops, err := s.outOps(ctx, l, w, lines, unitMove{from: UnitInStock, to: UnitWrittenOff, at: w.ID, dest: w.ID})
		if err != nil {
			return err
		}
		if _, err := l.apply(ctx, ops); err != nil {
			return err
		}
		return s.finish(ctx, tx, p, &d, "write_off")
	})
	if err != nil {
		return Doc{}, err
	}
	return d, nil
}
