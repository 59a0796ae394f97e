package stock

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
)

// IssueInput hands a request line over to its child at a warehouse: the
// line's quantity of its item in its size, the serial numbers of a
// device. When stock is held for the line it is issued from the hold,
// which must be at that warehouse.
type IssueInput struct {
	WarehouseID int64
	RequestID   int64
	Reference   string // the request's reference number, when RequestID is 0
	Line        int
	Serials     []string
	Note        string
	Locale      string
}

// Handover is IssueInput for a line whose stock is held: the warehouse is
// the hold's.
type Handover struct {
	RequestID int64
	Line      int
	Serials   []string
	Note      string
	Locale    string
}

// Issue records the handover of a request line at a warehouse in a
// transaction of its own; see IssueInput.
func (s *Service) Issue(ctx context.Context, p access.Principal, in IssueInput) (Doc, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Doc{}, err
	}
	var d Doc
	err := s.db.Tx(ctx, func(tx *sql.Tx) (err error) {
		d, err = s.issueLine(ctx, tx, p, in, false)
		return err
	})
	return d, err
}

// IssueReserved hands over a line whose stock is held, in the caller's
// transaction tx (the handover records its proof in the same one): the
// hold is closed as issued and its units leave the warehouse's on-hand
// and reserved stock together. A line without a hold is refused
// (error.stock_hold_missing). It needs access.HandOver at the hold's
// warehouse: the staff of a distribution (operators too) hand over what
// is held, and only that.
func (s *Service) IssueReserved(ctx context.Context, tx *sql.Tx, p access.Principal, h Handover) (Doc, error) {
	if err := access.Can(p, access.HandOver, p.Scope()); err != nil {
		return Doc{}, err
	}
	return s.issueLine(ctx, tx, p, IssueInput{RequestID: h.RequestID, Line: h.Line, Serials: h.Serials, Note: h.Note,
		Locale: h.Locale}, true)
}

// requestLine is a request line as a handover reads it.
type requestLine struct {
	status     requests.Status
	item       int64
	size       string
	quantity   int64
	orgPath    string
	regionPath string
}

func (s *Service) requestLine(ctx context.Context, q store.Querier, request int64, line int) (requestLine, error) {
	var l requestLine
	err := q.QueryRowContext(ctx, s.q.RequestLine, request, line).Scan(&l.status, &l.item, &l.size, &l.quantity,
		&l.orgPath, &l.regionPath)
	if errors.Is(err, sql.ErrNoRows) {
		return l, errs.Validation(errs.Field("request", "error.stock_request_line_unknown"))
	}
	return l, err
}

// issueLine issues in's line; mustHold says the line must have a hold
// (whose warehouse is then the document's).
func (s *Service) issueLine(ctx context.Context, tx *sql.Tx, p access.Principal, in IssueInput, mustHold bool) (Doc, error) {
	if in.RequestID == 0 {
		ref, err := requests.ParseReference(in.Reference)
		if err == nil {
			err = tx.QueryRowContext(ctx, s.q.RequestByReference, ref).Scan(&in.RequestID)
		}
		if err != nil {
			return Doc{}, errs.Validation(errs.Field("reference", "error.stock_request_line_unknown"))
		}
	}
	// The request's row first: two handovers of one line take turns.
	if _, err := tx.ExecContext(ctx, s.q.LockRequest, in.RequestID); err != nil {
		return Doc{}, err
	}
	ln, err := s.requestLine(ctx, tx, in.RequestID, in.Line)
	if err != nil {
		return Doc{}, err
	}
	// At a warehouse's counter the request must be one of the user's own
	// organisation and region; a distribution day's staff hand over what
	// the day's list holds, which the day's scope governs.
	if !mustHold && !access.Within(p, access.Target{OrgPath: ln.orgPath, RegionPath: ln.regionPath}) {
		field := "request"
		if in.Reference != "" {
			field = "reference"
		}
		return Doc{}, errs.Validation(errs.Field(field, "error.stock_request_out_of_scope"))
	}
	hold, err := s.heldFor(ctx, tx, LineRef{in.RequestID, in.Line})
	held := err == nil
	switch {
	case err != nil && !errors.Is(err, errs.ErrNotFound):
		return Doc{}, err
	case !held && mustHold:
		return Doc{}, errs.New(errs.Conflict, "error.stock_hold_missing")
	case held && mustHold:
		in.WarehouseID = hold.WarehouseID
	case held && hold.WarehouseID != in.WarehouseID:
		return Doc{}, errs.Validation(errs.Field("warehouse_id", "error.stock_hold_elsewhere"))
	}
	act := access.MoveStock
	if mustHold {
		act = access.HandOver
	}
	w, err := s.actAt(ctx, tx, p, act, in.WarehouseID, "warehouse_id")
	if err != nil {
		return Doc{}, err
	}
	if ln.status != requests.Approved && ln.status != requests.Allocated {
		return Doc{}, errs.New(errs.Conflict, "error.stock_request_status")
	}
	var issued int64
	if err := tx.QueryRowContext(ctx, s.q.IssuedForLine, in.RequestID, in.Line).Scan(&issued); err != nil {
		return Doc{}, err
	}
	if issued > 0 {
		return Doc{}, errs.New(errs.Conflict, "error.stock_line_issued")
	}
	qty := ln.quantity
	if held {
		qty = hold.Quantity
	}
	lines, err := s.checkLines(ctx, tx, []Line{{ItemID: ln.item, Size: ln.size, Quantity: qty, Serials: in.Serials}},
		serialsRequired)
	if err != nil {
		return Doc{}, err
	}
	c := lines[0]
	d := Doc{Kind: IssuePerson, RequestID: in.RequestID, RequestLine: in.Line, Note: in.Note}
	l, err := s.begin(ctx, tx, p, w, &d, in.Locale)
	if err != nil {
		return Doc{}, err
	}
	if held {
		res, err := tx.ExecContext(ctx, s.q.CloseHold, hold.id, "issued", d.ID, d.CreatedAt)
		if err != nil {
			return Doc{}, err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return Doc{}, errors.Join(err, errs.New(errs.Conflict, "error.stock_hold_missing"))
		}
	}
	units, err := s.takeUnits(ctx, l, c, unitMove{from: UnitInStock, to: UnitIssued, at: w.ID, dest: w.ID}, "serials")
	if err != nil {
		return Doc{}, err
	}
	o := op{key: key{w.ID, c.it.id, c.size}, it: c.it, qty: c.qty, held: held, units: units}
	if _, err := l.apply(ctx, []op{o}); err != nil {
		return Doc{}, err
	}
	return d, s.finish(ctx, tx, p, &d, "issue")
}

// InstitutionInput hands stock over to an organisation (a children's
// centre, a school) from a warehouse.
type InstitutionInput struct {
	WarehouseID int64
	OrgID       int64
	Lines       []Line
	Note        string
	Locale      string
}

// IssueInstitution records a handover to an organisation within p's
// scope; the oldest lots go first, devices by serial number.
func (s *Service) IssueInstitution(ctx context.Context, p access.Principal, in InstitutionInput) (Doc, error) {
	var d Doc
	err := s.db.Tx(ctx, func(tx *sql.Tx) (err error) {
		d, err = s.IssueInstitutionTx(ctx, tx, p, in)
		return err
	})
	if err != nil {
		return Doc{}, err
	}
	return d, nil
}

// IssueInstitutionTx is IssueInstitution in the caller's transaction tx,
// for a domain that records the handover beside its own writes (an
// institutional delivery's dispatch). A refusal leaves tx to be rolled
// back.
func (s *Service) IssueInstitutionTx(ctx context.Context, tx *sql.Tx, p access.Principal, in InstitutionInput) (Doc, error) {
	if err := access.Can(p, access.MoveStock, p.Scope()); err != nil {
		return Doc{}, err
	}
	d := Doc{Kind: IssueInstitution, OrgID: in.OrgID, Note: in.Note}
	w, err := s.moveAt(ctx, tx, p, in.WarehouseID, "warehouse_id")
	if err != nil {
		return Doc{}, err
	}
	org, err := s.scopeOrg(ctx, tx, in.OrgID, "org_id")
	if err != nil {
		return Doc{}, err
	}
	if !access.Within(p, org.target()) {
		return Doc{}, errs.Validation(errs.Field("org_id", "error.org_out_of_scope"))
	}
	lines, err := s.checkLines(ctx, tx, in.Lines, serialsRequired)
	if err != nil {
		return Doc{}, err
	}
	l, err := s.begin(ctx, tx, p, w, &d, in.Locale)
	if err != nil {
		return Doc{}, err
	}
	ops, err := s.outOps(ctx, l, w, lines, unitMove{from: UnitInStock, to: UnitIssued, at: w.ID, dest: w.ID})
	if err != nil {
		return Doc{}, err
	}
	if _, err := l.apply(ctx, ops); err != nil {
		return Doc{}, err
	}
	return d, s.finish(ctx, tx, p, &d, "issue")
}

// outOps are the ops taking lines out of warehouse w, oldest lots first,
// their devices moved as m says.
func (s *Service) outOps(ctx context.Context, l *ledger, w Warehouse, lines []checked, m unitMove) ([]op, error) {
	ops := make([]op, 0, len(lines))
	var all []unitRef
	for i, c := range lines {
		units, err := s.resolveUnits(ctx, l, c, m, lineField(i, "serials"))
		if err != nil {
			return nil, err
		}
		all = append(all, units...)
		ops = append(ops, op{key: key{w.ID, c.it.id, c.size}, it: c.it, qty: c.qty, units: units})
	}
	// Every device of the document in one order of ids.
	return ops, s.moveUnits(ctx, l, all, m, "lines")
}
