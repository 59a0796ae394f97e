package distribution

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jolproject/jol/internal/errs"
)

// requestRow is a request as a handover reads it.
type requestRow struct {
	id         int64
	reference  string
	status     string
	campaign   int64
	locale     string
	phone      string
	orgPath    string
	regionPath string
}

// lockRequest reads request id for a handover at event e, locking its row
// (PostgreSQL; SQLite's transaction holds the write lock already). A
// request with no line on e's list is not there for the event
// (error.handover_not_on_list), whoever asks.
func (s *Service) lockRequest(ctx context.Context, tx *sql.Tx, e Event, id int64) (requestRow, error) {
	var r requestRow
	err := tx.QueryRowContext(ctx, s.q.RequestForHandover, id).Scan(&r.id, &r.reference, &r.status, &r.campaign,
		&r.locale, &r.phone, &r.orgPath, &r.regionPath)
	if errors.Is(err, sql.ErrNoRows) || err == nil && r.campaign != e.CampaignID {
		return requestRow{}, errs.New(errs.NotFound, "error.handover_not_on_list")
	}
	if err != nil {
		return requestRow{}, err
	}
	rows, err := s.listRows(ctx, tx, e.ID, id)
	if err != nil {
		return requestRow{}, err
	}
	if len(rows) == 0 {
		return requestRow{}, errs.New(errs.NotFound, "error.handover_not_on_list")
	}
	return r, nil
}
