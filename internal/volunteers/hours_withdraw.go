package volunteers

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
)

// WithdrawHours takes back hours id the volunteer whose login p is logged,
// read at version, while no coordinator has decided them: a day typed
// wrong is withdrawn and logged again. Hours decided stay, and hours of
// another volunteer are not found.
func (s *Service) WithdrawHours(ctx context.Context, p access.Principal, id int64, version int) error {
	v, err := s.reg.Own(ctx, p)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.hours(ctx, tx, id)
		if err == nil && before.VolunteerID != v.ID {
			err = errs.ErrNotFound
		}
		if err != nil {
			return err
		}
		if before.Status != Pending {
			return errs.New(errs.Conflict, "error.hours_decided")
		}
		if err := exec(ctx, tx, "error.hours_changed", s.q.DeleteHours, id, version); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "withdraw", Entity: "volunteer_hours", EntityID: itoa(id),
			OrgPath: before.orgPath, RegionPath: before.regionPath, Before: before})
	})
}
