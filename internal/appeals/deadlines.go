package appeals

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
	"github.com/jolproject/jol/internal/workdays"
)

// MaxWorkingDays bounds the working days a kind of appeal may be given.
const MaxWorkingDays = 60

// DefaultDeadlines are the working days each kind is given until the
// installation says otherwise: a question is answered the next working
// day, a report of a child out of school within two, a complaint within
// three, a request for aid and anything else within five.
func DefaultDeadlines() map[Kind]int {
	return map[Kind]int{Question: 1, OutOfSchoolReport: 2, Complaint: 3, RequestForAid: 5, OtherKind: 5}
}

// Deadlines returns the working days each kind of appeal is given.
func (s *Service) Deadlines(ctx context.Context, p access.Principal) (map[Kind]int, error) {
	if err := access.Can(p, access.ViewAppeals, p.Scope()); err != nil {
		return nil, err
	}
	return s.deadlines(ctx, s.db.R)
}

func (s *Service) deadlines(ctx context.Context, q store.Querier) (map[Kind]int, error) {
	return store.Overrides(ctx, q, s.q.Deadlines, DefaultDeadlines())
}

// SetDeadlines sets the working days of the kinds in ds; p needs
// ManageAppealRules. Appeals already received keep their deadline.
func (s *Service) SetDeadlines(ctx context.Context, p access.Principal, ds map[Kind]int) error {
	if err := access.Can(p, access.ManageAppealRules, access.Target{}); err != nil {
		return err
	}
	var fs []errs.FieldError
	for _, k := range Kinds() {
		if n, ok := ds[k]; ok && (n < 1 || n > MaxWorkingDays) {
			fs = append(fs, errs.Field("days_"+string(k), "error.working_days", "Max", MaxWorkingDays))
		}
	}
	for k := range ds {
		if !oneOf(k, Kinds()) {
			fs = append(fs, valid.Choice("kind", Kinds()...))
			break
		}
	}
	if err := errs.Validation(fs...); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		old, err := s.deadlines(ctx, tx)
		if err != nil {
			return err
		}
		changed := false
		for _, k := range Kinds() {
			if n, ok := ds[k]; ok && n != old[k] {
				if _, err := tx.ExecContext(ctx, s.q.PutDeadline, k, n); err != nil {
					return err
				}
				changed = true
			}
		}
		if !changed {
			return nil
		}
		after, err := s.deadlines(ctx, tx)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "appeal_deadlines",
			EntityID: "installation", Before: old, After: after})
	})
}

// due is an appeal's deadline: the working days given and the last one.
type due struct {
	days int
	on   time.Time
}

// deadline is the deadline of an appeal of kind received at t, in the
// calendar of country (the installation's country when it has one).
func (s *Service) deadline(ctx context.Context, q store.Querier, kind Kind, country string, t time.Time) (due, error) {
	ds, err := s.deadlines(ctx, q)
	if err != nil {
		return due{}, err
	}
	set, err := s.settings.Get(ctx)
	if err != nil {
		return due{}, err
	}
	if set.Country != "" {
		country = set.Country
	}
	cal, err := s.calendar(ctx, q, country)
	if err != nil {
		return due{}, err
	}
	day := store.Day(t.In(set.Location()))
	return due{days: ds[kind], on: cal.AddWorkingDays(day, ds[kind])}, nil
}

// today is the installation's calendar day now.
func (s *Service) today(ctx context.Context) (time.Time, error) { return s.dayOf(ctx, s.now()) }

// dayOf is the installation's calendar day at t.
func (s *Service) dayOf(ctx context.Context, t time.Time) (time.Time, error) {
	set, err := s.settings.Get(ctx)
	if err != nil {
		return time.Time{}, err
	}
	return store.Day(t.In(set.Location())), nil
}

// Today is the installation's calendar day now, against which the desk
// tells which appeals are overdue.
func (s *Service) Today(ctx context.Context) (time.Time, error) { return s.today(ctx) }

// calendar is the working-days calendar of country with the
// installation's days.
func (s *Service) calendar(ctx context.Context, q store.Querier, country string) (*workdays.Calendar, error) {
	days, err := s.calendarDays(ctx, q, country)
	if err != nil {
		return nil, err
	}
	return workdays.New(country, days), nil
}
