package distribution

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// CreateEvent plans an event at a warehouse or distribution point p may
// run distributions at.
func (s *Service) CreateEvent(ctx context.Context, p access.Principal, in EventInput) (Event, error) {
	if err := access.Can(p, access.RunDistribution, p.Scope()); err != nil {
		return Event{}, err
	}
	var e Event
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.checkEvent(ctx, tx, p, &in, nil); err != nil {
			return err
		}
		now := s.now().UTC()
		var id int64
		if err := tx.QueryRowContext(ctx, s.q.InsertEvent, in.CampaignID, in.WarehouseID, in.Place, in.StartsAt,
			in.EndsAt, in.WholePoint, in.Note, store.NullID(p.UserID), now).Scan(&id); err != nil {
			return err
		}
		if err := s.writeParts(ctx, tx, id, in); err != nil {
			return err
		}
		var err error
		if e, err = s.event(ctx, tx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "distribution_event", EntityID: itoa(id),
			OrgPath: e.orgPath, RegionPath: e.regionPath, After: e})
	})
	return e, err
}

// UpdateEvent edits event id from version in.Version (error.event_changed
// when someone changed it since); p must run distributions both where it
// was and where it goes. The families invited to it are told when it
// moves to another time or place (tellMoved).
func (s *Service) UpdateEvent(ctx context.Context, p access.Principal, id int64, in EventInput) (Event, error) {
	var e Event
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.runnable(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if err := s.checkEvent(ctx, tx, p, &in, &before); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q.UpdateEvent, id, in.Version, in.CampaignID, in.WarehouseID, in.Place,
			in.StartsAt, in.EndsAt, in.WholePoint, in.Note, s.now().UTC())
		if err := changed(res, err); err != nil {
			return err
		}
		if err := s.writeParts(ctx, tx, id, in); err != nil {
			return err
		}
		if e, err = s.event(ctx, tx, id); err != nil {
			return err
		}
		if err := s.tellMoved(ctx, tx, before, e); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "distribution_event", EntityID: itoa(id),
			OrgPath: e.orgPath, RegionPath: e.regionPath, Before: before, After: e})
	})
	return e, err
}

// SetStatus moves event id, read at version, to status to: planned to
// open or closed, open to closed, closed to open again.
func (s *Service) SetStatus(ctx context.Context, p access.Principal, id int64, version int, to Status) (Event, error) {
	var e Event
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		before, err := s.runnable(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if !slices.Contains(before.Status.Next(), to) {
			return errs.New(errs.Conflict, "error.event_move", "From", string(before.Status), "To", string(to))
		}
		res, err := tx.ExecContext(ctx, s.q.SetEventStatus, id, version, string(to), s.now().UTC())
		if err := changed(res, err); err != nil {
			return err
		}
		if e, err = s.event(ctx, tx, id); err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "set_status", Entity: "distribution_event",
			EntityID: itoa(id), OrgPath: e.orgPath, RegionPath: e.regionPath, Before: before, After: e})
	})
	return e, err
}

// changed turns an optimistic update that touched no row into
// error.event_changed.
func changed(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errors.Join(err, errs.New(errs.Conflict, "error.event_changed"))
	}
	return nil
}

// Filter selects events.
type Filter struct {
	CampaignID  int64
	WarehouseID int64
}

// Events lists the events at the warehouses within p's scope, the latest
// first (at most 500).
func (s *Service) Events(ctx context.Context, p access.Principal, f Filter) ([]Event, error) {
	if err := access.Can(p, access.ViewDistribution, p.Scope()); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanEvent, s.q.EventFrom+"\n"+s.q.EventList,
		store.Args(p.ScopeArgs(), []any{f.CampaignID, f.WarehouseID, maxEventsList})...)
}

// Event returns event id, with its rule and staff, if p may see it.
func (s *Service) Event(ctx context.Context, p access.Principal, id int64) (Event, error) {
	if err := access.Can(p, access.ViewDistribution, p.Scope()); err != nil {
		return Event{}, err
	}
	e, err := s.event(ctx, s.db.R, id)
	if err != nil {
		return Event{}, err
	}
	if !access.Within(p, e.Target()) {
		return Event{}, errs.ErrNotFound
	}
	return e, nil
}

// runnable reads event id in tx for a change p makes: not found outside
// p's scope, forbidden to those who may only read it.
func (s *Service) runnable(ctx context.Context, tx *sql.Tx, p access.Principal, id int64) (Event, error) {
	e, err := s.event(ctx, tx, id)
	if err != nil {
		return Event{}, err
	}
	if !access.Within(p, e.Target()) {
		return Event{}, errs.ErrNotFound
	}
	return e, access.Can(p, access.RunDistribution, e.Target())
}

// event reads event id with its rule's organisations and its staff.
func (s *Service) event(ctx context.Context, q store.Querier, id int64) (Event, error) {
	e, err := scanEvent(q.QueryRowContext(ctx, s.q.EventFrom+"\n"+s.q.EventByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Event{}, errs.ErrNotFound
	}
	if err != nil {
		return Event{}, err
	}
	if e.Orgs, err = store.Select(ctx, q, scanNamed, s.q.EventOrgs, id); err != nil {
		return Event{}, err
	}
	e.Staff, err = store.Select(ctx, q, scanNamed, s.q.EventStaff, id)
	return e, err
}

func scanEvent(sc store.Scanner) (Event, error) {
	var e Event
	err := sc.Scan(&e.ID, &e.CampaignID, &e.WarehouseID, &e.WarehouseCode, &e.WarehouseName, &e.Place, &e.StartsAt,
		&e.EndsAt, &e.Status, &e.WholePoint, &e.Note, &e.Version, &e.CreatedBy, &e.CreatedAt, &e.UpdatedAt, &e.orgPath,
		&e.regionPath)
	e.StartsAt, e.EndsAt, e.CreatedAt, e.UpdatedAt = e.StartsAt.UTC(), e.EndsAt.UTC(), e.CreatedAt.UTC(), e.UpdatedAt.UTC()
	e.Orgs, e.Staff = []Named{}, []Named{}
	return e, err
}

func scanNamed(sc store.Scanner) (Named, error) {
	var n Named
	err := sc.Scan(&n.ID, &n.Name, &n.path)
	return n, err
}

// StaffChoices lists the users who may be named as an event's staff by
// p: the active staff and volunteers of p's organisation subtree.
func (s *Service) StaffChoices(ctx context.Context, p access.Principal) ([]Named, error) {
	if err := access.Can(p, access.RunDistribution, p.Scope()); err != nil {
		return nil, err
	}
	lo, hi := access.Span(p.OrgPath)
	return store.Select(ctx, s.db.R, scanNamed, s.q.StaffChoices, lo, hi)
}
