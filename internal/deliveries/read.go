package deliveries

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Get returns delivery id with its lines if p may see it: within p's
// scope, which for an institution's staff is their institution.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64) (Delivery, error) {
	if err := access.Can(p, access.ViewDeliveries, p.Scope()); err != nil {
		return Delivery{}, err
	}
	d, err := s.delivery(ctx, s.db.R, id)
	if err != nil {
		return Delivery{}, err
	}
	if !access.Within(p, d.Target()) {
		return Delivery{}, errs.ErrNotFound
	}
	return d, nil
}

// delivery reads delivery id with its lines through q.
func (s *Service) delivery(ctx context.Context, q store.Querier, id int64) (Delivery, error) {
	d, err := scanDelivery(q.QueryRowContext(ctx, s.q.DeliveryFrom+"\n"+s.q.DeliveryByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Delivery{}, errs.ErrNotFound
	}
	if err != nil {
		return Delivery{}, err
	}
	d.Lines, err = store.Select(ctx, q, scanLine, s.q.Lines, id)
	return d, err
}

// scanDelivery reads the columns of DeliveryFrom, and of Board but for
// its last, the risk.
func scanDelivery(sc store.Scanner, more ...any) (Delivery, error) {
	var d Delivery
	var dispatched, delivered, confirmed sql.NullTime
	err := sc.Scan(append([]any{&d.ID, &d.CampaignID, &d.OrgID, &d.OrgName, &d.OrgType, &d.WarehouseID,
		&d.WarehouseName, &d.DueOn, &d.Status, &d.DocID, &d.Note, &d.ReceiptNote, &d.Shortfall, &d.Planned,
		&d.Dispatched, &d.Received, &d.CreatedName, &d.CreatedAt, &d.DispatchedName, &dispatched, &d.DeliveredName,
		&delivered, &d.ConfirmedName, &confirmed, &d.Version, &d.orgPath, &d.regionPath}, more...)...)
	d.DueOn, d.CreatedAt = store.Day(d.DueOn.UTC()), d.CreatedAt.UTC()
	d.DispatchedAt, d.DeliveredAt, d.ConfirmedAt = store.TimeOf(dispatched), store.TimeOf(delivered), store.TimeOf(confirmed)
	return d, err
}

func scanLine(sc store.Scanner) (Line, error) {
	var l Line
	var received sql.NullInt64
	err := sc.Scan(&l.Line, &l.ItemID, &l.Size, &l.Rule, &l.GradeMin, &l.GradeMax, &l.PerPupil, &l.Roster, &l.Planned,
		&l.Dispatched, &received, &l.Reason, &l.Discrepancy)
	if received.Valid {
		l.Received = &received.Int64
	}
	return l, err
}
