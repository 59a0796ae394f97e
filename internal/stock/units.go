package stock

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/jolproject/jol/internal/errs"
)

// unitMove is what a document does to devices: they must stand in state
// from at warehouse at, and are left in state to at warehouse dest.
type unitMove struct {
	from, to string
	at, dest int64
}

// takeUnits moves the devices of c named by serial as m says, in the
// order of their ids (so two documents naming the same devices lock them
// in the same order), and returns them for the ledger. A device handed
// over already, or not standing where m expects it, is refused; field
// names the line's serials.
func (s *Service) takeUnits(ctx context.Context, l *ledger, c checked, m unitMove, field string) ([]unitRef, error) {
	units, err := s.resolveUnits(ctx, l, c, m, field)
	if err != nil {
		return nil, err
	}
	return units, s.moveUnits(ctx, l, units, m, field)
}

// resolveUnits reads the devices of c named by serial and checks that
// each stands where m expects it.
func (s *Service) resolveUnits(ctx context.Context, l *ledger, c checked, m unitMove, field string) ([]unitRef, error) {
	units := make([]unitRef, 0, len(c.serials))
	for _, sn := range c.serials {
		var u unitRef
		var wh, doc int64
		var state string
		err := l.tx.QueryRowContext(ctx, s.q.UnitBySerial, c.it.id, sn).Scan(&u.id, &u.lot, &wh, &state, &doc)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, errs.Validation(errs.Field(field, "error.stock_serial_unknown", "Serial", sn))
		}
		if err != nil {
			return nil, err
		}
		if err := unitRefusal(state, wh, m, sn, field); err != nil {
			return nil, err
		}
		u.serial = sn
		units = append(units, u)
	}
	return units, nil
}

// moveUnits writes units' new state and place, each only if it still
// stands where m expects it.
func (s *Service) moveUnits(ctx context.Context, l *ledger, units []unitRef, m unitMove, field string) error {
	sorted := slices.Clone(units)
	slices.SortFunc(sorted, func(a, b unitRef) int { return cmp.Compare(a.id, b.id) })
	for _, u := range sorted {
		res, err := l.tx.ExecContext(ctx, s.q.SetUnit, u.id, m.to, m.dest, l.doc, m.from, m.at)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			// Another document moved it since it was read: say where it is
			// now (handed over, written off, in transit).
			return cmp.Or(err, s.movedAway(ctx, l, u, m, field))
		}
	}
	return nil
}

// movedAway is the refusal of device u, which another document moved
// while this one was being written, as its state now says.
func (s *Service) movedAway(ctx context.Context, l *ledger, u unitRef, m unitMove, field string) error {
	var state string
	var wh int64
	if err := l.tx.QueryRowContext(ctx, s.q.UnitState, u.id).Scan(&state, &wh); err != nil {
		return err
	}
	return cmp.Or(unitRefusal(state, wh, m, u.serial, field),
		errs.Validation(errs.Field(field, "error.stock_serial_issued", "Serial", u.serial)))
}

// unitRefusal says why a device in state at warehouse wh cannot move as m
// says, nil when it can.
func unitRefusal(state string, wh int64, m unitMove, sn, field string) error {
	switch {
	case state == m.from && wh == m.at:
		return nil
	case state == UnitIssued:
		return errs.Validation(errs.Field(field, "error.stock_serial_issued", "Serial", sn))
	case state == UnitWrittenOff:
		return errs.Validation(errs.Field(field, "error.stock_serial_written_off", "Serial", sn))
	case state == UnitInTransit:
		return errs.Validation(errs.Field(field, "error.stock_serial_in_transit", "Serial", sn))
	}
	return errs.Validation(errs.Field(field, "error.stock_serial_unknown", "Serial", sn))
}

// pickUnits takes n devices of item in stock at warehouse, by serial.
func (s *Service) pickUnits(ctx context.Context, l *ledger, c checked, warehouse int64) ([]string, error) {
	rows, err := l.tx.QueryContext(ctx, s.q.PickUnits, warehouse, c.it.id, c.qty)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var sn string
		if err := rows.Scan(&sn); err != nil {
			return nil, err
		}
		out = append(out, sn)
	}
	return out, errors.Join(rows.Err(), rows.Close())
}

// givenUnits reads the devices of c named by serial that handover orig
// gave and that are still out with it: the last document to move each
// was orig itself. A device orig never gave, or one that came back
// already (and perhaps went out again with another handover), is refused
// (error.stock_return_serial); field names the line's serials.
func (s *Service) givenUnits(ctx context.Context, l *ledger, orig Doc, c checked, field string) ([]unitRef, error) {
	units := make([]unitRef, 0, len(c.serials))
	for _, sn := range c.serials {
		u := unitRef{serial: sn}
		var wh, doc int64
		var state string
		err := l.tx.QueryRowContext(ctx, s.q.UnitBySerial, c.it.id, sn).Scan(&u.id, &u.lot, &wh, &state, &doc)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		gave := slices.ContainsFunc(orig.Moves, func(m Move) bool { return m.Serial == sn && m.ItemID == c.it.id })
		if err != nil || !gave || state != UnitIssued || doc != orig.ID || wh != orig.WarehouseID {
			return nil, errs.Validation(errs.Field(field, "error.stock_return_serial", "Serial", sn))
		}
		units = append(units, u)
	}
	return units, nil
}
