package mentorship

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// End moves active mentorship id to completed, or to ended early with
// reason (required then), and gives the mentor's place back. p is its
// mentor or staff who may work it. Of two requests at once exactly one
// ends it and releases the place; the other is refused: the update only
// changes an active row and the release runs in its transaction.
func (s *Service) End(ctx context.Context, p access.Principal, id int64, to Status, reason string) (Mentorship, error) {
	reason = strings.TrimSpace(reason)
	var m Mentorship
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.open(ctx, tx, p, access.WorkMentorships, id)
		if err != nil {
			return err
		}
		var fs []errs.FieldError
		switch to {
		case Completed:
		case EndedEarly:
			fs = valid.Required(fs, "reason", reason)
		default:
			fs = append(fs, valid.Choice("status", Completed, EndedEarly))
		}
		if err := errs.Validation(valid.Note(fs, "reason", reason)...); err != nil {
			return err
		}
		now := s.now().UTC()
		res, err := tx.ExecContext(ctx, s.q.End, to, store.Day(now), reason, store.NullID(p.UserID), now, id)
		if err := affected(res, err, errs.New(errs.Conflict, "error.mentorship_not_active")); err != nil {
			return err
		}
		if err := s.release(ctx, tx, before.MentorID); err != nil {
			return err
		}
		if m, err = s.byID(ctx, tx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "close", Entity: "mentorship", EntityID: itoa(id),
			OrgPath: m.OrgPath, RegionPath: m.RegionPath, Before: before, After: m})
	})
	return m, err
}
