package strands

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
)

// managed returns activity id if p may manage it.
func (s *Service) managed(ctx context.Context, p access.Principal, id int64) (Activity, error) {
	if err := access.Can(p, access.ManageStrands, p.Scope()); err != nil {
		return Activity{}, err
	}
	a, err := s.activity(ctx, s.db.R, id)
	if err == nil && access.Can(p, access.ManageStrands, a.Target()) != nil {
		err = errs.ErrNotFound
	}
	return a, err
}

// AddSession adds a session of activity id on day, within the activity's
// dates, with its topic and who led it.
func (s *Service) AddSession(ctx context.Context, p access.Principal, id int64, day time.Time, topic, leader string) (Session, error) {
	a, err := s.managed(ctx, p, id)
	if err != nil {
		return Session{}, err
	}
	day, topic, leader = store.Day(day), text.Clean(topic), text.Clean(leader)
	fs := valid.Name(nil, "topic", topic, MaxName)
	fs = valid.Name(fs, "leader", leader, MaxName)
	if day.IsZero() {
		fs = append(fs, errs.Field("held_on", "error.required", "Field", "held_on"))
	} else if day.Before(a.StartsOn) || day.After(a.EndsOn) {
		fs = append(fs, errs.Field("held_on", "error.activity_session_outside"))
	}
	if err := errs.Validation(fs...); err != nil {
		return Session{}, err
	}
	out := Session{ActivityID: id, HeldOn: day, Topic: topic, Leader: leader}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.InsertSession, id, day, topic, leader, store.NullID(p.UserID),
			s.now().UTC()).Scan(&out.ID)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "activity_session", EntityID: itoa(out.ID),
			OrgPath: a.orgPath, RegionPath: a.regionPath, After: out})
	})
	return out, err
}

// Sessions lists the sessions of activity id, the earliest first.
func (s *Service) Sessions(ctx context.Context, p access.Principal, id int64) ([]Session, error) {
	if _, err := s.Activity(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanSession, s.q.Sessions, id)
}

// Session returns session id and its activity, if p may see the activity.
func (s *Service) Session(ctx context.Context, p access.Principal, id int64) (Session, Activity, error) {
	se, err := scanSession(s.db.R.QueryRowContext(ctx, s.q.SessionByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, Activity{}, errs.ErrNotFound
	}
	if err != nil {
		return Session{}, Activity{}, err
	}
	a, err := s.Activity(ctx, p, se.ActivityID)
	return se, a, err
}

func scanSession(sc store.Scanner) (Session, error) {
	var se Session
	err := sc.Scan(&se.ID, &se.ActivityID, &se.HeldOn, &se.Topic, &se.Leader, &se.Present, &se.Marked)
	se.HeldOn = store.Day(se.HeldOn.UTC())
	return se, err
}
