package mentorship

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Who sees and works a concern: its designated lead; an administrator
// within whose scope it lies (every one for the installation's own,
// whose scope is everything); and, for a concern that reached no lead
// (none designated on the way up), the coordinators within its scope, so
// it is never left unread.

// worksOn reports whether p may see and work concern c.
func worksOn(p access.Principal, c Concern) bool {
	if !access.Allowed(p, access.WorkConcerns) {
		return false
	}
	switch {
	case p.Role == access.Admin:
		return access.Within(p, c.Target())
	case c.LeadID != 0:
		return p.UserID == c.LeadID
	default:
		return access.Within(p, c.Target())
	}
}

// Concerns lists the concerns p works, newest first, of status when set,
// a page at a time, and the next page's cursor.
func (s *Service) Concerns(ctx context.Context, p access.Principal, status ConcernStatus, pg store.Page) ([]Concern, string, error) {
	if !access.Allowed(p, access.WorkConcerns) {
		return nil, "", errs.New(errs.Forbidden, "error.forbidden")
	}
	if status != "" && !slices.Contains(ConcernStatuses(), status) {
		return nil, "", errs.Validation(valid.Choice("status", ConcernStatuses()...))
	}
	cs, err := store.Select(ctx, s.db.R, scanConcern, s.q.ConcernColumns+" "+s.q.Concerns,
		store.Args([]any{p.UserID}, p.ScopeArgs(), []any{p.Role == access.Admin, string(status), pg.BeforeArg(), pg.LimitArg()})...)
	if err != nil {
		return nil, "", err
	}
	cs, next := store.Trim(pg, cs, func(c Concern) int64 { return c.ID })
	return cs, next, nil
}

// Concern returns concern id to who works it (see Concerns).
func (s *Service) Concern(ctx context.Context, p access.Principal, id int64) (Concern, error) {
	c, err := s.concern(ctx, s.db.R, id)
	if err != nil {
		return Concern{}, err
	}
	if !worksOn(p, c) {
		return Concern{}, errs.New(errs.Forbidden, "error.forbidden")
	}
	return c, nil
}

// WorkConcern moves concern id, as it stood at version, on: open → in
// progress → closed, never back; closing needs a note of what was done.
func (s *Service) WorkConcern(ctx context.Context, p access.Principal, id int64, version int, to ConcernStatus, note string) (Concern, error) {
	note = strings.TrimSpace(note)
	var c Concern
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.concern(ctx, tx, id)
		if err != nil {
			return err
		}
		if !worksOn(p, before) {
			return errs.New(errs.Forbidden, "error.forbidden")
		}
		from, want := slices.Index(ConcernStatuses(), before.Status), slices.Index(ConcernStatuses(), to)
		if want < 0 {
			return errs.Validation(valid.Choice("status", ConcernStatuses()...))
		}
		if want <= from {
			return errs.New(errs.Conflict, "error.concern_step", "Status", i18n.Key("safeguarding.status."+string(before.Status)))
		}
		var fs []errs.FieldError
		if to == ConcernClosed {
			fs = valid.Required(fs, "note", note)
		}
		if err := errs.Validation(valid.Note(fs, "note", note)...); err != nil {
			return err
		}
		now := s.now().UTC()
		var closedBy sql.NullInt64
		var closedAt sql.NullTime
		if to == ConcernClosed {
			closedBy, closedAt = store.NullID(p.UserID), sql.NullTime{Time: now, Valid: true}
		}
		res, err := tx.ExecContext(ctx, s.q.WorkConcern, to, note, closedBy, closedAt, now, id, version)
		if err := affected(res, err, errs.New(errs.Conflict, "error.conflict")); err != nil {
			return err
		}
		if c, err = s.concern(ctx, tx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "set_status", Entity: "safeguarding_concern",
			EntityID: itoa(id), OrgPath: c.OrgPath, RegionPath: c.RegionPath,
			Before: map[string]any{"status": before.Status}, After: map[string]any{"status": c.Status, "note": c.Note}})
	})
	return c, err
}

// OpenConcerns counts the concerns p works that are not closed, for the
// lead's home page.
func (s *Service) OpenConcerns(ctx context.Context, p access.Principal) (int, error) {
	if !access.Allowed(p, access.WorkConcerns) {
		return 0, nil
	}
	n := 0
	for _, st := range []ConcernStatus{ConcernOpen, ConcernInProgress} {
		cs, _, err := s.Concerns(ctx, p, st, store.Page{Limit: store.MaxLimit})
		if err != nil {
			return 0, err
		}
		n += len(cs)
	}
	return n, nil
}
