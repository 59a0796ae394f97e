package outreach

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// errChanged is the refusal of a change made against a version of a case
// that another change has replaced.
func errChanged() error { return errs.New(errs.Conflict, "error.outreach_case_changed") }

// change is what an update does to a case: it mutates c (read in tx, at
// the version asked) and may write what hangs off it; it returns the
// timeline's kind and detail.
type change func(tx *sql.Tx, c *Case) (kind, detail string, err error)

// update runs fn on case id for p, who needs WorkOutreach in the case's
// scope, against version (the current one when 0), then saves the case
// with its version raised, its timeline line and its change-log entry, in
// one transaction. A save that changes no row lost to another change and
// is refused: nothing of it is kept.
func (s *Service) update(ctx context.Context, p access.Principal, id int64, version int, action string, fn change) (Case, error) {
	if err := access.Can(p, access.WorkOutreach, p.Scope()); err != nil {
		return Case{}, err
	}
	set, err := s.settings.Get(ctx)
	if err != nil {
		return Case{}, err
	}
	var c Case
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if c, err = s.byID(ctx, tx, id); err != nil {
			return err
		}
		if access.Can(p, access.WorkOutreach, c.Target()) != nil {
			return errs.ErrNotFound // as Get: a case outside the scope is not there
		}
		if version != 0 && version != c.Version {
			return errChanged()
		}
		before := c
		kind, detail, err := fn(tx, &c)
		if err != nil {
			return err
		}
		if c.Step != before.Step || c.ChecksDone != before.ChecksDone {
			if c.DueOn, err = s.due(ctx, tx, c, c.StepAt, set.Location()); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, s.q.Save, c.ID, before.Version, store.NullID(c.AssigneeID), c.Step, c.StepAt,
			c.DueOn, c.Mode, c.Reason, c.ContactNote, nullTime(c.ContactedAt), nullTime(c.SupportAt),
			store.NullID(c.EnrolledAtID), store.NullDate(c.EnrolledOn), c.ChecksDone, c.Outcome, nullTime(c.ClosedAt),
			joinShared(c.Shared), s.now().UTC())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return errChanged()
		}
		c.Version = before.Version + 1
		if err := s.event(ctx, tx, p, c.ID, kind, detail); err != nil {
			return err
		}
		before.PersonName, c.PersonName = "", ""
		return s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "outreach_case", EntityID: itoa(c.ID),
			OrgPath: c.OrgPath, RegionPath: c.RegionPath, Before: before, After: c})
	})
	if err != nil {
		return Case{}, err
	}
	return s.byID(ctx, s.db.R, id)
}

// byID reads case id through q.
func (s *Service) byID(ctx context.Context, q store.Querier, id int64) (Case, error) {
	c, err := scanCase(q.QueryRowContext(ctx, s.q.ByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Case{}, store.NotFound(err)
	}
	return c, err
}

// nullTime is a moment to store, NULL when zero.
func nullTime(t time.Time) sql.NullTime { return sql.NullTime{Time: t, Valid: !t.IsZero()} }
