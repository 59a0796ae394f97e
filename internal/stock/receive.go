package stock

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// ReceiptInput receives stock at a warehouse: a donation in kind (from
// DonorID) or a purchase (each line with its unit cost, in Currency).
// Locale is the reader's language, for the names in a refusal.
type ReceiptInput struct {
	WarehouseID int64
	Kind        DocKind // Donation or Purchase
	DonorID     int64
	Currency    string // ISO 4217, a purchase only
	Lines       []Line
	Note        string
	Locale      string
}

// currencyRE is an ISO 4217 code.
var currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)

// Receive records a receipt: each line is a new lot (naming the donor, or
// the cost) put into the warehouse, each device a new unit in stock.
func (s *Service) Receive(ctx context.Context, p access.Principal, in ReceiptInput) (Doc, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Doc{}, err
	}
	var fs []errs.FieldError
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	switch in.Kind {
	case Donation:
		if in.DonorID == 0 {
			fs = append(fs, errs.Field("donor_id", "error.stock_donor_required"))
		}
		in.Currency = ""
	case Purchase:
		in.DonorID = 0
		if !currencyRE.MatchString(in.Currency) {
			fs = append(fs, errs.Field("currency", "error.stock_currency"))
		}
		for i, l := range in.Lines {
			if l.UnitCost < 0 || l.UnitCost > MaxCost {
				fs = append(fs, errs.Field("lines."+strconv.Itoa(i)+".unit_cost", "error.stock_cost_range"))
			}
		}
	default:
		fs = append(fs, valid.Choice("kind", Donation, Purchase))
	}
	d := Doc{Kind: in.Kind, DonorID: in.DonorID, Note: in.Note}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		w, err := s.moveAt(ctx, tx, p, in.WarehouseID, "warehouse_id")
		if err != nil {
			return err
		}
		lines, err := s.checkLines(ctx, tx, in.Lines, serialsRequired)
		if err != nil || len(fs) > 0 {
			return joinInvalid(err, fs)
		}
		if in.Kind == Donation {
			if _, err := s.donor(ctx, tx, p, in.DonorID, "donor_id"); err != nil {
				return err
			}
		}
		l, err := s.begin(ctx, tx, p, w, &d, in.Locale)
		if err != nil {
			return err
		}
		ops := make([]op, 0, len(lines))
		for i, c := range lines {
			if in.Kind == Donation {
				c.cost = 0
			}
			lot, err := s.newLot(ctx, l, LotKind(in.Kind), c, in.DonorID, in.Currency)
			if err != nil {
				return err
			}
			units, err := s.newUnits(ctx, l, c, lot, w.ID, "lines."+strconv.Itoa(i)+".serials")
			if err != nil {
				return err
			}
			ops = append(ops, op{key: key{w.ID, c.it.id, c.size}, it: c.it, qty: c.qty, in: true, lot: lot, units: units})
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

// newLot writes a lot of c for the ledger's document.
func (s *Service) newLot(ctx context.Context, l *ledger, kind LotKind, c checked, donor int64, currency string) (int64, error) {
	var id int64
	err := l.tx.QueryRowContext(ctx, s.q.InsertLot, string(kind), c.it.id, c.size, store.NullID(donor), c.cost, currency,
		l.doc, l.at).Scan(&id)
	return id, err
}

// newUnits writes c's devices as units in stock at warehouse, of lot; a
// serial number already recorded for the item is refused (field names
// the line's serials).
func (s *Service) newUnits(ctx context.Context, l *ledger, c checked, lot, warehouse int64, field string) ([]unitRef, error) {
	units := make([]unitRef, 0, len(c.serials))
	for _, sn := range c.serials {
		var u unitRef
		var state string
		err := l.tx.QueryRowContext(ctx, s.q.UnitBySerial, c.it.id, sn).Scan(&u.id, &u.lot, new(int64), &state, new(int64))
		switch {
		case err == nil && state == UnitIssued:
			return nil, errs.Validation(errs.Field(field, "error.stock_serial_issued", "Serial", sn))
		case err == nil:
			return nil, errs.Validation(errs.Field(field, "error.stock_serial_taken", "Serial", sn))
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
		err = l.tx.QueryRowContext(ctx, s.q.InsertUnit, c.it.id, sn, lot, warehouse, UnitInStock, l.doc).Scan(&u.id)
		if store.IsUniqueViolation(err) {
			return nil, errs.Validation(errs.Field(field, "error.stock_serial_taken", "Serial", sn))
		}
		if err != nil {
			return nil, err
		}
		u.lot, u.serial = lot, sn
		units = append(units, u)
	}
	return units, nil
}

// joinInvalid adds the field errors fs to err when err is a validation
// error (or nil), so a form shows every problem at once.
func joinInvalid(err error, fs []errs.FieldError) error {
	if err == nil {
		return errs.Validation(fs...)
	}
	if e := errs.As(err); e != nil && e.Code == errs.Invalid && len(e.Fields) > 0 {
		return errs.Validation(append(fs, e.Fields...)...)
	}
	return err
}
