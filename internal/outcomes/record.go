package outcomes

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Set records in as young person youthID's current outcome, keeping the
// one before in their history. p must record outcomes within the young
// person's scope: one outside it is refused as forbidden. An unknown
// outcome, a missing date or one after today is refused with the field
// named.
func (s *Service) Set(ctx context.Context, p access.Principal, youthID int64, in Input) (Outcome, error) {
	if err := access.Can(p, access.RecordOutcomes, p.Scope()); err != nil {
		return Outcome{}, err
	}
	in.On, in.Note = store.Day(in.On), strings.TrimSpace(in.Note)
	var fs []errs.FieldError
	if !slices.Contains(Codes(), in.Code) {
		fs = append(fs, valid.Choice("outcome", Codes()...))
	}
	switch {
	case in.On.IsZero():
		fs = append(fs, errs.Field("outcome_on", "error.required", "Field", "outcome_on"))
	case in.On.After(s.today()):
		fs = append(fs, errs.Field("outcome_on", "error.outcome_future"))
	}
	fs = valid.Line(fs, "note", strings.ReplaceAll(in.Note, "\n", " "), MaxNote)
	if err := errs.Validation(fs...); err != nil {
		return Outcome{}, err
	}
	out := Outcome{YouthID: youthID, Code: in.Code, On: in.On, Note: in.Note, RecordedBy: p.UserID, Recorder: p.Name,
		RecordedAt: s.now().UTC()}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		y, _, err := s.youth(ctx, tx, youthID)
		if err != nil {
			return err
		}
		if err := access.Can(p, access.RecordOutcomes, y.Target()); err != nil {
			return err
		}
		before, err := s.current(ctx, tx, youthID)
		if err != nil {
			return err
		}
		args := []any{youthID, string(in.Code), in.On, in.Note, store.NullID(p.UserID), p.Name, out.RecordedAt}
		if _, err := tx.ExecContext(ctx, s.q.PutCurrent, args...); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.InsertHistory, args...); err != nil {
			return err
		}
		c := audit.Change{Action: "set_outcome", Entity: "youth_outcome", EntityID: itoa(youthID),
			OrgPath: y.orgPath, RegionPath: y.regionPath, After: out}
		if before != nil {
			c.Before = before
		}
		return s.log.Record(ctx, tx, p, c)
	})
	return out, err
}

// Get returns young person youthID's outcome record if p may see it, and
// writes to the access log that p opened it through via ("web", "api").
func (s *Service) Get(ctx context.Context, p access.Principal, youthID int64, via string) (Record, error) {
	if err := access.Can(p, access.ViewOutcomes, p.Scope()); err != nil {
		return Record{}, err
	}
	y, mentored, err := s.youth(ctx, s.db.R, youthID)
	if err != nil {
		return Record{}, err
	}
	if err := access.Can(p, access.ViewOutcomes, y.Target()); err != nil {
		return Record{}, err
	}
	if err := s.log.ViewedIn(ctx, p, audit.KindYouth, itoa(youthID), y.Target(), via); err != nil {
		return Record{}, err
	}
	r := Record{Youth: y, Mentored: mentored}
	if r.Current, err = s.current(ctx, s.db.R, youthID); err != nil {
		return Record{}, err
	}
	if r.History, err = store.Select(ctx, s.db.R, scanOutcome, s.q.History, youthID); err != nil {
		return Record{}, err
	}
	r.Activities, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (Activity, error) {
		var a Activity
		return a, sc.Scan(&a.ID, &a.Name, &a.Strand, &a.Progress)
	}, s.q.Activities, youthID)
	return r, err
}

// youth reads young person id and whether they have had a mentor.
func (s *Service) youth(ctx context.Context, q store.Querier, id int64) (Youth, bool, error) {
	var y Youth
	var last, first string
	var mentored int
	err := q.QueryRowContext(ctx, s.q.YouthOf, id).Scan(&y.ID, &last, &first, &y.AgeGroup, &y.RegionCode, &y.OrgName,
		&y.orgPath, &y.regionPath, &mentored)
	if errors.Is(err, sql.ErrNoRows) {
		return Youth{}, false, errs.ErrNotFound
	}
	y.Name = strings.TrimSpace(last + " " + first)
	return y, mentored == 1, err
}

// current is young person id's current outcome, nil when none is
// recorded.
func (s *Service) current(ctx context.Context, q store.Querier, id int64) (*Outcome, error) {
	o, err := scanOutcome(q.QueryRowContext(ctx, s.q.Current, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &o, nil
}

func scanOutcome(sc store.Scanner) (Outcome, error) {
	var o Outcome
	err := sc.Scan(&o.YouthID, &o.Code, &o.On, &o.Note, &o.RecordedBy, &o.Recorder, &o.RecordedAt)
	o.On, o.RecordedAt = store.Day(o.On.UTC()), o.RecordedAt.UTC()
	return o, err
}
