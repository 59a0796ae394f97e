package requests

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Move is a decision on a request: the status it moves to, the version
// the reviewer saw, and for a rejection the reason and a note.
type Move struct {
	To      Status
	Version int
	Reason  Reason
	Note    string
	Via     string // "web", "api"
}

// ErrChanged is the code of the error Transition returns when the request
// changed since the reviewer read it; errors.Is matches it.
var ErrChanged = errs.New(errs.Conflict, "error.request_changed")

// Transition moves request id as m says, if the lifecycle allows it from
// where the request stands (see moves) and nobody changed the request
// since version m.Version. Two reviewers deciding at once: the first one
// wins, the other gets an error with ErrChanged's key and, with it, the
// request as it stands now, so the page can show the new state. Each move
// writes a history event, an audit entry and a message to the applicant.
func (s *Service) Transition(ctx context.Context, p access.Principal, id int64, m Move) (Request, error) {
	if err := access.Can(p, access.DecideRequests, p.Scope()); err != nil {
		return Request{}, err
	}
	if err := m.check(); err != nil {
		return Request{}, err
	}
	var r Request
	var changed bool
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.byID(ctx, tx, id)
		if err != nil {
			return err
		}
		if !access.Within(p, before.Target()) {
			return errs.ErrNotFound
		}
		r = before
		if before.MergedInto != 0 {
			return errs.New(errs.Conflict, "error.merged", "ID", itoa(before.MergedInto))
		}
		if before.Version != m.Version {
			changed = true
			return nil
		}
		if !CanMove(before.Status, m.To) {
			return errs.New(errs.Conflict, "error.transition_not_allowed", "From", string(before.Status), "To", string(m.To))
		}
		now := s.now().UTC()
		res, err := tx.ExecContext(ctx, s.q.SetStatus, id, m.Version, m.To, m.Reason, m.Note, now)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			changed = true // PostgreSQL: another transaction committed first
			return err
		}
		r.Status, r.Reason, r.ReasonNote, r.Version, r.UpdatedAt = m.To, m.Reason, m.Note, m.Version+1, now
		if err := s.event(ctx, tx, p, id, before.Status, m.To, m.Reason, m.Note, m.Via, now); err != nil {
			return err
		}
		if err := s.notify(ctx, tx, r, now); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "transition", Entity: "request", EntityID: itoa(id),
			OrgPath: r.OrgPath, RegionPath: r.RegionPath, Before: before, After: r})
	})
	if err != nil {
		return Request{}, err
	}
	if changed {
		now, err := s.byID(ctx, s.db.W, id) // the writer sees the last commit
		if err != nil {
			return Request{}, err
		}
		return now, errs.New(errs.Conflict, "error.request_changed", "Status", string(now.Status))
	}
	s.moved(id)
	return r, nil
}

func (m *Move) check() error {
	m.Note = strings.TrimSpace(m.Note)
	var fe []errs.FieldError
	if !m.To.Valid() {
		fe = append(fe, errs.Field("to", "error.invalid_choice"))
	}
	if m.To == Rejected {
		if !slices.Contains(Reasons(), m.Reason) {
			fe = append(fe, errs.Field("reason", "error.required"))
		}
		if m.Reason == Other && m.Note == "" {
			fe = append(fe, errs.Field("note", "error.required"))
		}
	} else if m.Reason != "" {
		fe = append(fe, errs.Field("reason", "error.reason_only_for_rejection"))
	}
	if len(m.Note) > 2000 {
		fe = append(fe, errs.Field("note", "error.too_long", "Count", 2000))
	}
	if len(fe) > 0 {
		return errs.Validation(fe...)
	}
	return nil
}

// event appends a step to a request's history.
func (s *Service) event(ctx context.Context, tx store.Querier, p access.Principal, id int64, from, to Status,
	reason Reason, note, via string, at time.Time) error {
	_, err := tx.ExecContext(ctx, s.q.InsertEvent, id, from, to, reason, note, store.NullID(p.UserID), p.Name, via, at)
	return err
}
