package volunteers

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Checkin is a volunteer's check-in at a task given to them: open from
// Since until they check out, which logs the time between as their hours
// for the task (waiting for a coordinator, as any hours logged).
type Checkin struct {
	TaskID int64     `json:"task_id"`
	Since  time.Time `json:"since"`
}

// CheckedIn is the open check-in of the volunteer whose login p is; ok is
// false when they are not checked in.
func (s *Service) CheckedIn(ctx context.Context, p access.Principal) (Checkin, bool, error) {
	v, err := s.reg.Own(ctx, p)
	if err != nil {
		return Checkin{}, false, err
	}
	var c Checkin
	err = s.db.Writer(ctx).QueryRowContext(ctx, s.q.OpenCheckin, v.ID).Scan(&c.TaskID, &c.Since)
	if errors.Is(err, sql.ErrNoRows) {
		return Checkin{}, false, nil
	}
	c.Since = c.Since.UTC()
	return c, err == nil, err
}

// CheckIn checks the volunteer whose login p is in at task, which must be
// given to them and still to do; a volunteer is checked in at one task at
// a time (error.checkin_open).
func (s *Service) CheckIn(ctx context.Context, p access.Principal, task int64) (Checkin, error) {
	v, err := s.reg.Own(ctx, p)
	if err != nil {
		return Checkin{}, err
	}
	t, err := s.reg.Task(ctx, p, task)
	switch {
	case errors.Is(err, errs.ErrNotFound) || err == nil && t.VolunteerID != v.ID:
		return Checkin{}, errs.New(errs.NotFound, "error.hours_not_your_task")
	case err != nil:
		return Checkin{}, err
	case t.Status != aftercare.Assigned:
		return Checkin{}, errs.New(errs.Conflict, notAssigned(t.Status))
	}
	c := Checkin{TaskID: task, Since: s.now().UTC().Truncate(time.Second)}
	err = s.db.Atomic(ctx, func(tx *store.Tx) error {
		_, err := tx.ExecContext(ctx, s.q.PutCheckin, v.ID, task, c.Since)
		if store.IsUniqueViolation(err) {
			return errs.New(errs.Conflict, "error.checkin_open")
		} else if err != nil {
			return err
		}
		tg := v.Target()
		return s.log.Record(ctx, tx, p, audit.Change{Action: "check_in", Entity: "volunteer", EntityID: itoa(v.ID),
			OrgPath: tg.OrgPath, RegionPath: tg.RegionPath, After: c})
	})
	return c, err
}

// CheckOut ends the open check-in of the volunteer whose login p is and
// logs the time since, in whole minutes rounded up, as their hours for
// its task on the day they checked in: through LogHours, whose refusals
// (more than a day's 24 hours) leave the check-in open. Without drop the
// hours are logged; with it the check-in is only ended.
func (s *Service) CheckOut(ctx context.Context, p access.Principal, drop bool) (Hours, error) {
	v, err := s.reg.Own(ctx, p)
	if err != nil {
		return Hours{}, err
	}
	var out Hours
	err = s.db.Atomic(ctx, func(tx *store.Tx) error {
		var c Checkin
		err := tx.QueryRowContext(ctx, s.q.TakeCheckin, v.ID).Scan(&c.TaskID, &c.Since)
		if errors.Is(err, sql.ErrNoRows) {
			return errs.New(errs.Conflict, "error.checkin_none")
		} else if err != nil {
			return err
		}
		tg := v.Target()
		if err := s.log.Record(ctx, tx, p, audit.Change{Action: "check_out", Entity: "volunteer", EntityID: itoa(v.ID),
			OrgPath: tg.OrgPath, RegionPath: tg.RegionPath, Before: c}); err != nil || drop {
			return err
		}
		minutes := int(math.Ceil(s.now().UTC().Sub(c.Since.UTC()).Minutes()))
		out, err = s.LogHours(store.Within(ctx, tx), p, HoursInput{WorkedOn: c.Since.UTC(), Minutes: max(minutes, 1),
			TaskID: c.TaskID})
		return err
	})
	return out, err
}

// notAssigned is the refusal for a task in status st, which is not
// "assigned": open, done or cancelled.
func notAssigned(st aftercare.Status) string {
	switch st {
	case aftercare.Done:
		return "error.task_is_done"
	case aftercare.Cancelled:
		return "error.task_is_cancelled"
	}
	return "error.task_is_open"
}
