package outreach

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// MaxDays bounds the days a step may be given.
const MaxDays = 120

// DefaultDeadlines are the calendar days each step is given until the
// installation says otherwise: a flagged child is contacted within a
// week, the support the family needs is settled within two weeks of the
// contact, and the child is enrolled within a month of that. The
// attendance checks fall 1, 3 and 6 months after enrolment whatever is
// set here.
func DefaultDeadlines() map[Step]int { return map[Step]int{Identified: 7, Contacted: 14, Support: 30} }

// Deadlines returns the days each step is given.
func (s *Service) Deadlines(ctx context.Context, p access.Principal) (map[Step]int, error) {
	if err := access.Can(p, access.ViewOutreach, p.Scope()); err != nil {
		return nil, err
	}
	return s.deadlines(ctx, s.db.R)
}

func (s *Service) deadlines(ctx context.Context, q store.Querier) (map[Step]int, error) {
	return store.Overrides(ctx, q, s.q.Deadlines, DefaultDeadlines())
}

// SetDeadlines sets the days of the steps in ds; p needs ManageOutreach
// (administrators and coordinators). The deadlines are the
// installation's, the same in every district, and the change log records
// who set them. Open cases keep their deadline until their next step.
func (s *Service) SetDeadlines(ctx context.Context, p access.Principal, ds map[Step]int) error {
	if err := access.Can(p, access.ManageOutreach, p.Scope()); err != nil {
		return err
	}
	var fs []errs.FieldError
	for st, n := range ds {
		if _, ok := DefaultDeadlines()[st]; !ok || n < 1 || n > MaxDays {
			fs = append(fs, errs.Field("days_"+string(st), "error.outreach_days", "Max", MaxDays))
		}
	}
	if err := errs.Validation(fs...); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.deadlines(ctx, tx)
		if err != nil {
			return err
		}
		for st, n := range ds {
			if _, err := tx.ExecContext(ctx, s.q.PutDeadline, st, n); err != nil {
				return err
			}
		}
		after, err := s.deadlines(ctx, tx)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "outreach_deadlines",
			EntityID: "installation", Before: before, After: after})
	})
}

// dayOf is the installation's calendar day at t.
func (s *Service) dayOf(ctx context.Context, t time.Time) (time.Time, error) {
	set, err := s.settings.Get(ctx)
	if err != nil {
		return time.Time{}, err
	}
	return store.Day(t.In(set.Location())), nil
}

// Today is the installation's calendar day now, against which pages tell
// which cases are overdue.
func (s *Service) Today(ctx context.Context) (time.Time, error) { return s.dayOf(ctx, s.now()) }

// due is the deadline of case c in its current step, entered at t (whose
// calendar day is taken in loc, the installation's): the step's days after
// that day, or, once enrolled, the next check's month after the day of
// enrolment. It reads through q alone: a transaction must not wait for a
// second connection of a pool its siblings may hold.
func (s *Service) due(ctx context.Context, q store.Querier, c Case, t time.Time, loc *time.Location) (time.Time, error) {
	day := store.Day(t.In(loc))
	switch c.Step {
	case Closed:
		return day, nil
	case Enrolled:
		if m := c.NextCheck(); m > 0 {
			return c.EnrolledOn.AddDate(0, m, 0), nil
		}
		return day, nil
	}
	ds, err := s.deadlines(ctx, q)
	if err != nil {
		return time.Time{}, err
	}
	return day.AddDate(0, 0, ds[c.Step]), nil
}
