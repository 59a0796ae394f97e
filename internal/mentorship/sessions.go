package mentorship

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// LogSession records a session of mentorship id, logged by its mentor or
// by staff who may work mentorships within its scope. The session must be
// held on a day from the mentorship's start to today, last from 1 to
// MaxMinutes minutes, be in person or online and have a topic; the
// mentorship must be active.
func (s *Service) LogSession(ctx context.Context, p access.Principal, id int64, in SessionInput) (Session, error) {
	in.Topic = strings.TrimSpace(in.Topic)
	var out Session
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		m, err := s.open(ctx, tx, p, access.WorkMentorships, id)
		if err != nil {
			return err
		}
		if err := s.checkSession(m, in); err != nil {
			return err
		}
		now := s.now().UTC()
		out = Session{MentorshipID: id, HeldOn: store.Day(in.HeldOn), Minutes: in.Minutes, Format: in.Format,
			Topic: in.Topic, CreatedAt: now}
		if err := tx.QueryRowContext(ctx, s.q.InsertSession, id, out.HeldOn, in.Minutes, in.Format, in.Topic,
			store.NullID(p.UserID), now).Scan(&out.ID); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "mentorship_session",
			EntityID: itoa(out.ID), OrgPath: m.OrgPath, RegionPath: m.RegionPath, After: out})
	})
	return out, err
}

// checkSession answers every problem of a session at once.
func (s *Service) checkSession(m Mentorship, in SessionInput) error {
	if m.Status != Active {
		return errs.New(errs.Conflict, "error.mentorship_not_active")
	}
	var fs []errs.FieldError
	day, today := store.Day(in.HeldOn), s.today()
	switch {
	case in.HeldOn.IsZero():
		fs = append(fs, errs.Field("held_on", "error.required", "Field", "held_on"))
	case day.After(today):
		fs = append(fs, errs.Field("held_on", "error.session_future", "Date", i18n.Day(today)))
	case day.Before(m.StartedOn):
		fs = append(fs, errs.Field("held_on", "error.session_before_start", "Date", i18n.Day(m.StartedOn)))
	}
	if in.Minutes < 1 || in.Minutes > MaxMinutes {
		fs = append(fs, errs.Field("minutes", "error.session_minutes", "Max", MaxMinutes))
	}
	if in.Format != InPerson && in.Format != Online {
		fs = append(fs, valid.Choice("format", InPerson, Online))
	}
	fs = valid.Name(fs, "topic", in.Topic, MaxTitle)
	return errs.Validation(fs...)
}

// Sessions lists the sessions of mentorship m, the latest first.
func (s *Service) sessions(ctx context.Context, id int64) ([]Session, error) {
	return store.Select(ctx, s.db.R, scanSession, s.q.Sessions, id)
}

func scanSession(sc store.Scanner) (Session, error) {
	var x Session
	err := sc.Scan(&x.ID, &x.MentorshipID, &x.HeldOn, &x.Minutes, &x.Format, &x.Topic, &x.CreatedAt)
	x.HeldOn, x.CreatedAt = store.Day(x.HeldOn.UTC()), x.CreatedAt.UTC()
	return x, err
}

// Work is everything a mentorship's page shows beside the mentorship.
type Work struct {
	Sessions []Session  `json:"sessions"`
	Goals    []Goal     `json:"goals"`
	Feedback []Feedback `json:"feedback"`
}

// Minutes is the time spent in the sessions.
func (w Work) Minutes() int {
	n := 0
	for _, x := range w.Sessions {
		n += x.Minutes
	}
	return n
}

// WorkOf returns the sessions, goals and feedback of mentorship id, for
// p as Get allows (it writes no access log of its own: call Get first).
func (s *Service) WorkOf(ctx context.Context, p access.Principal, id int64) (Work, error) {
	var w Work
	if _, err := s.open(ctx, s.db.R, p, access.ViewMentorships, id); err != nil {
		return w, err
	}
	var err error
	if w.Sessions, err = s.sessions(ctx, id); err != nil {
		return w, err
	}
	if w.Goals, err = store.Select(ctx, s.db.R, scanGoal, s.q.Goals, id); err != nil {
		return w, err
	}
	w.Feedback, err = store.Select(ctx, s.db.R, scanFeedback, s.q.Feedback, id)
	return w, err
}
