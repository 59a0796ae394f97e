package appeals

import (
	"context"
	"database/sql"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
	"github.com/jolproject/jol/internal/workdays"
)

// Country is the country whose calendar the installation's deadlines
// follow: its own, or Kazakhstan's for an installation in both.
func (s *Service) Country(ctx context.Context) (string, error) {
	set, err := s.settings.Get(ctx)
	if err != nil || set.Country != "" {
		return set.Country, err
	}
	return "KZ", nil
}

// Calendar returns the working-days calendar of country with the
// installation's days off and working days.
func (s *Service) Calendar(ctx context.Context, p access.Principal, country string) (*workdays.Calendar, error) {
	if err := access.Can(p, access.ViewAppeals, p.Scope()); err != nil {
		return nil, err
	}
	return s.calendar(ctx, s.db.R, country)
}

// CalendarDays lists the installation's changes to the calendar of
// country, by date.
func (s *Service) CalendarDays(ctx context.Context, p access.Principal, country string) ([]workdays.Exception, error) {
	if err := access.Can(p, access.ViewAppeals, p.Scope()); err != nil {
		return nil, err
	}
	return s.calendarDays(ctx, s.db.R, country)
}

func (s *Service) calendarDays(ctx context.Context, q store.Querier, country string) ([]workdays.Exception, error) {
	return store.Select(ctx, q, func(sc store.Scanner) (workdays.Exception, error) {
		var e workdays.Exception
		err := sc.Scan(&e.Day, &e.Working, &e.Name)
		e.Day = store.Day(e.Day.UTC())
		return e, err
	}, s.q.CalendarDays, country)
}

// SetCalendarDay adds or replaces the installation's change of day e.Day
// in the calendar of country; p needs ManageAppealRules. A day off needs
// its name. Appeals already received keep their deadline.
func (s *Service) SetCalendarDay(ctx context.Context, p access.Principal, country string, e workdays.Exception) error {
	if err := access.Can(p, access.ManageAppealRules, access.Target{}); err != nil {
		return err
	}
	e.Name, e.Day = text.Clean(e.Name), store.Day(e.Day)
	var fs []errs.FieldError
	if !oneOf(country, workdays.Countries()) {
		fs = append(fs, valid.Choice("country", workdays.Countries()...))
	}
	if e.Day.IsZero() {
		fs = append(fs, errs.Field("day", "error.required", "Field", "day"))
	}
	if !e.Working {
		fs = valid.Required(fs, "name", e.Name)
	}
	fs = valid.Line(fs, "name", e.Name, MaxName)
	if err := errs.Validation(fs...); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q.PutCalendarDay, country, e.Day, e.Working, e.Name); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "save", Entity: "calendar_day",
			EntityID: country + ":" + e.Day.Format(time.DateOnly), After: e})
	})
}

// RemoveCalendarDay removes the installation's change of day in the
// calendar of country: the day is again as the country's calendar has it.
func (s *Service) RemoveCalendarDay(ctx context.Context, p access.Principal, country string, day time.Time) error {
	if err := access.Can(p, access.ManageAppealRules, access.Target{}); err != nil {
		return err
	}
	day = store.Day(day)
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.DeleteCalendarDay, country, day)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return errs.ErrNotFound
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "delete", Entity: "calendar_day",
			EntityID: country + ":" + day.Format(time.DateOnly)})
	})
}
