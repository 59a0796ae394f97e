package distribution

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// SubjectList is the access log's kind for an event's list read with the
// children's names in it (on a page, printed or exported).
const SubjectList = "distribution_list"

// Lines returns event id and its list without the children's names, for
// counts and summaries: nothing is written to the access log.
func (s *Service) Lines(ctx context.Context, p access.Principal, id int64) (Event, []Row, error) {
	e, err := s.Event(ctx, p, id)
	if err != nil {
		return Event{}, nil, err
	}
	rows, err := s.listRows(ctx, s.db.R, id, 0)
	return e, rows, err
}

// List returns event id and its list, by school or centre and child,
// with each child's name where p may see that child (a warehouse keeper
// reads references, grades and items only), and writes to the access log
// that p read the list through via ("web", "export", "api").
func (s *Service) List(ctx context.Context, p access.Principal, id int64, via string) (Event, []Row, error) {
	e, rows, err := s.Lines(ctx, p, id)
	if err != nil {
		return Event{}, nil, err
	}
	for i := range rows {
		if access.Can(p, access.ViewChild, rows[i].Target()) == nil {
			rows[i].Child = rows[i].child
		}
	}
	return e, rows, s.log.ViewedIn(ctx, p, SubjectList, itoa(id), e.Target(), via)
}

func (s *Service) listRows(ctx context.Context, q store.Querier, event, request int64) ([]Row, error) {
	rows, err := store.Select(ctx, q, scanRow, s.q.ListLines, event, request, MaxListRows)
	for i := range rows {
		rows[i].OnList = true
	}
	return rows, err
}

// Assign puts on event id's list the lines held at its point of the
// requests whose reference numbers are given (each of the event's
// campaign), moving a line from another event's list; all or none. It
// returns how many lines it assigned. Each request's family is invited to
// the event once, however often its lines are assigned (invite.go).
func (s *Service) Assign(ctx context.Context, p access.Principal, id int64, references []string) (int, error) {
	var refs []string
	for _, r := range references {
		if r = strings.TrimSpace(r); r != "" {
			refs = append(refs, r)
		}
	}
	if len(refs) == 0 {
		return 0, errs.Validation(errs.Field("references", "error.required", "Field", "references"))
	}
	if len(refs) > MaxAssign {
		return 0, errs.Validation(errs.Field("references", "error.too_many", "Max", MaxAssign))
	}
	n := 0
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		e, err := s.runnable(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if e.Status == Closed {
			return errs.New(errs.Conflict, "error.event_closed")
		}
		now := s.now().UTC()
		reqs, parsed, err := s.requestsOf(ctx, tx, e, refs)
		if err != nil {
			return err
		}
		var added []map[string]any
		for i, req := range reqs {
			ref := parsed[i]
			lines, err := store.Select(ctx, tx, func(sc store.Scanner) (int, error) {
				var l int
				return l, sc.Scan(&l)
			}, s.q.HeldHere, req, e.WarehouseID)
			if err != nil {
				return err
			}
			if len(lines) == 0 {
				return errs.Validation(errs.Field("references", "error.event_reference_not_held", "Reference", ref,
					"Warehouse", e.WarehouseName))
			}
			for _, l := range lines {
				if _, err := tx.ExecContext(ctx, s.q.AssignLine, req, l, id, store.NullID(p.UserID), now); err != nil {
					return err
				}
				added = append(added, map[string]any{"request_id": req, "reference": ref, "line": l})
				n++
			}
			if _, err := s.invite(ctx, tx, e, req, InvitationMessage, true); err != nil {
				return err
			}
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "assign", Entity: "distribution_event", EntityID: itoa(id),
			OrgPath: e.orgPath, RegionPath: e.regionPath, After: map[string]any{"lines": added}})
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// Unassign takes line (request, line) off event id's list where it was
// assigned by hand; the event's rule may still take it.
func (s *Service) Unassign(ctx context.Context, p access.Principal, id, request int64, line int) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		e, err := s.runnable(ctx, tx, p, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q.UnassignLine, request, line, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, errs.ErrNotFound)
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "unassign", Entity: "distribution_event", EntityID: itoa(id),
			OrgPath: e.orgPath, RegionPath: e.regionPath, Before: map[string]any{"request_id": request, "line": line}})
	})
}
