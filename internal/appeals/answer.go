package appeals

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// AnswerInput answers an open appeal: what came of it and what the
// caller was told. Close closes it at once (nothing more to do); else it
// stands answered until closed. Version is the version the answer was
// written against (the current one when 0): if another answer came
// first, this one is refused and changes nothing. AnsweredAt is when the
// answer was given, for one written down later: now when zero, never in
// the future nor before the appeal was received.
type AnswerInput struct {
	Outcome    Outcome
	Answer     string
	Close      bool
	Version    int
	AnsweredAt time.Time
}

// Answer records the answer to appeal id. The day it is answered, in the
// installation's calendar, decides whether it was answered in time.
func (s *Service) Answer(ctx context.Context, p access.Principal, id int64, in AnswerInput) (Appeal, error) {
	a, err := s.editable(ctx, p, id)
	if err != nil {
		return Appeal{}, err
	}
	in.Answer = strings.TrimSpace(in.Answer)
	var fs []errs.FieldError
	if !oneOf(in.Outcome, Outcomes()) {
		fs = append(fs, valid.Choice("outcome", Outcomes()...))
	}
	if !in.Close {
		fs = valid.Required(fs, "answer", in.Answer)
	}
	fs = valid.Note(fs, "answer", in.Answer)
	if err := errs.Validation(fs...); err != nil {
		return Appeal{}, err
	}
	if a.Status != Open {
		return Appeal{}, errs.New(errs.Conflict, "error.appeal_not_open")
	}
	before := a
	now := s.now().UTC()
	at := now
	if !in.AnsweredAt.IsZero() {
		if in.AnsweredAt.After(now) || in.AnsweredAt.Before(a.ReceivedAt) {
			return Appeal{}, errs.Validation(errs.Field("answered_at", "error.answered_at"))
		}
		at = in.AnsweredAt.UTC()
	}
	day, err := s.dayOf(ctx, at)
	if err != nil {
		return Appeal{}, err
	}
	a.Status, a.Outcome, a.Answer, a.AnsweredOn, a.AnsweredAt, a.AnsweredBy = Answered, in.Outcome, in.Answer, day, at, p.UserID
	if in.Close {
		a.Status = Closed
	}
	return a, s.update(ctx, p, "answer", before, &a, in.Version, func(tx *sql.Tx) (sql.Result, error) {
		return tx.ExecContext(ctx, s.q.Answer, a.Status, a.Outcome, a.Answer, a.AnsweredOn, a.AnsweredAt,
			store.NullID(a.AnsweredBy), now, a.ID, a.Version)
	})
}

// Close closes an answered appeal: nothing more is to be done.
func (s *Service) Close(ctx context.Context, p access.Principal, id int64, version int) (Appeal, error) {
	a, err := s.editable(ctx, p, id)
	if err != nil {
		return Appeal{}, err
	}
	if a.Status != Answered {
		return Appeal{}, errs.New(errs.Conflict, "error.appeal_not_answered")
	}
	before := a
	a.Status = Closed
	return a, s.update(ctx, p, "close", before, &a, version, func(tx *sql.Tx) (sql.Result, error) {
		return tx.ExecContext(ctx, s.q.Close, a.Status, s.now().UTC(), a.ID, a.Version)
	})
}

// Assign gives appeal id to user userID to answer (0: to nobody).
func (s *Service) Assign(ctx context.Context, p access.Principal, id, userID int64) (Appeal, error) {
	a, err := s.editable(ctx, p, id)
	if err != nil {
		return Appeal{}, err
	}
	if a.AssigneeID == userID {
		return a, nil
	}
	before := a
	a.AssigneeID, a.Assignee = userID, ""
	return a, s.update(ctx, p, "assign", before, &a, 0, func(tx *sql.Tx) (sql.Result, error) {
		if userID != 0 && userID != p.UserID {
			if err := s.checkAssignee(ctx, tx, userID, a.Target()); err != nil {
				return nil, err
			}
		}
		return tx.ExecContext(ctx, s.q.Assign, store.NullID(userID), s.now().UTC(), a.ID, a.Version)
	})
}

// checkAssignee refuses, with the reason, a user who does not exist or is
// not active, whose role does not answer appeals, or whose scope does not
// hold an appeal of scope t.
func (s *Service) checkAssignee(ctx context.Context, tx *sql.Tx, userID int64, t access.Target) error {
	var active bool
	var name string
	var u access.Principal
	err := tx.QueryRowContext(ctx, s.q.AssigneeScope, userID).Scan(&active, &name, &u.Role, &u.OrgPath, &u.RegionPath)
	switch {
	case err == sql.ErrNoRows || err == nil && !active:
		return errs.Validation(errs.Field("assignee", "error.assignee"))
	case err != nil:
		return err
	case !access.Allowed(u, access.RecordAppeals):
		return errs.Validation(errs.Field("assignee", "error.assignee_role", "Name", name))
	case access.Can(u, access.RecordAppeals, t) != nil:
		return errs.Validation(errs.Field("assignee", "error.assignee_scope", "Name", name))
	}
	return nil
}

// update runs write, which must change appeal a at version (a.Version
// when 0) and raise it, and records the change; a write that changes no
// row lost to another change and is refused.
func (s *Service) update(ctx context.Context, p access.Principal, action string, before Appeal, a *Appeal, version int,
	write func(tx *sql.Tx) (sql.Result, error)) error {
	if version != 0 && version != a.Version {
		return errs.New(errs.Conflict, "error.conflict")
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := write(tx)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return errs.New(errs.Conflict, "error.conflict")
		}
		a.Version++
		before.People, before.Requests = nil, nil
		after := *a
		after.People, after.Requests = nil, nil
		return s.log.Record(ctx, tx, p, audit.Change{Action: action, Entity: "appeal", EntityID: itoa(a.ID),
			OrgPath: a.OrgPath, RegionPath: a.RegionPath, Before: before, After: after})
	})
}
