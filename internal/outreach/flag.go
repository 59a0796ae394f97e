package outreach

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Flagged is one child the out-of-school run found: the person in the
// registry, the OOSCI category and visibility, how sure the engine is
// (0 to 1) and why, in a line. RegionCode is the district (the child's
// region when ""); OrgID the organisation whose outreach workers follow
// the case (the caller's when 0); SchoolID the catchment school, 0 when
// unknown.
type Flagged struct {
	PersonID   int64
	Category   Category
	Visibility Visibility
	Confidence float64
	Why        string
	RegionCode string
	OrgID      int64
	SchoolID   int64
}

// FlagResult says what Flag did with each child: a new case, an open case
// updated or left as it was, a child skipped because their case closed
// lately, and the children refused with the reason (by index in the list).
type FlagResult struct {
	Created   int           `json:"created"`
	Updated   int           `json:"updated"`
	Unchanged int           `json:"unchanged"`
	Skipped   int           `json:"skipped"`
	Refused   []FlagRefusal `json:"refused,omitempty"`
}

// FlagRefusal is a child Flag refused.
type FlagRefusal struct {
	Index    int   `json:"index"`
	PersonID int64 `json:"person_id"`
	Err      error `json:"-"`
}

// ReflagAfter is how long after a case closes the run may open a new one
// for the same child: a child who left school again a year after being
// brought back is a new case; one flagged again by a list older than the
// closure is not.
const ReflagAfter = 365 * 24 * time.Hour

// MaxWhy bounds the "why flagged" line.
const MaxWhy = 500

// Flag records the children the out-of-school run found; p needs
// ManageOutreach in each case's scope. It is idempotent:
//
//   - a child with an open case keeps it: the run's category, visibility,
//     confidence and why replace the old ones (counted Updated, or
//     Unchanged when equal), and the step, the worker's records and the
//     version stay;
//   - a child whose latest case closed less than ReflagAfter ago is
//     skipped: a closed case is never reopened by a run, since its
//     outcome (retained, moved away, not found) was a worker's finding
//     and lists lag behind it;
//   - any other child gets a new case, identified, due by the step's
//     deadline.
//
// A child the caller may not see, or a line that does not check, is
// refused with the reason and the others go on.
func (s *Service) Flag(ctx context.Context, p access.Principal, list []Flagged) (FlagResult, error) {
	var res FlagResult
	if err := access.Can(p, access.ManageOutreach, p.Scope()); err != nil {
		return res, err
	}
	for i, f := range list {
		outcome, err := s.flagOne(ctx, p, f)
		switch {
		case errs.As(err) != nil:
			res.Refused = append(res.Refused, FlagRefusal{Index: i, PersonID: f.PersonID, Err: err})
		case err != nil:
			return res, err
		default:
			*outcome(&res)++
		}
	}
	if res.Created+res.Updated == 0 {
		return res, nil
	}
	return res, s.db.Tx(ctx, func(tx *sql.Tx) error {
		return s.log.Record(ctx, tx, p, audit.Change{Action: "flag", Entity: "outreach_run", EntityID: "run",
			OrgPath: p.OrgPath, RegionPath: p.RegionPath, After: res})
	})
}

// flagOne records one child and returns which count it adds to.
func (s *Service) flagOne(ctx context.Context, p access.Principal, f Flagged) (func(*FlagResult) *int, error) {
	f.Why = strings.TrimSpace(f.Why)
	var fs []errs.FieldError
	if !oneOf(f.Category, Categories()) {
		fs = append(fs, valid.Choice("category", Categories()...))
	}
	if !oneOf(f.Visibility, Visibilities()) {
		fs = append(fs, valid.Choice("visibility", Visibilities()...))
	}
	if math.IsNaN(f.Confidence) || f.Confidence < 0 || f.Confidence > 1 {
		fs = append(fs, errs.Field("confidence", "error.outreach_confidence"))
	}
	fs = valid.Line(fs, "why", f.Why, MaxWhy)
	if err := errs.Validation(fs...); err != nil {
		return nil, err
	}
	per, err := s.people.ViewChild(ctx, p, f.PersonID)
	if err != nil {
		return nil, err
	}
	if f.RegionCode == "" {
		f.RegionCode = per.RegionCode
	}
	region, err := s.geo.Lookup(ctx, f.RegionCode)
	if errors.Is(err, errs.ErrNotFound) {
		return nil, errs.Validation(errs.Field("region", "error.unknown_region", "Code", f.RegionCode))
	} else if err != nil {
		return nil, err
	}
	if f.OrgID == 0 {
		f.OrgID = p.OrgID
	}
	set, err := s.settings.Get(ctx)
	if err != nil {
		return nil, err
	}
	now := s.now().UTC()
	var counter func(*FlagResult) *int
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var orgPath string
		if err := tx.QueryRowContext(ctx, s.q.OrgPath, f.OrgID).Scan(&orgPath); errors.Is(err, sql.ErrNoRows) {
			return errs.Validation(errs.Field("org", "error.not_found"))
		} else if err != nil {
			return err
		}
		t := access.Target{OrgPath: orgPath, RegionPath: region.Path}
		if err := access.Can(p, access.ManageOutreach, t); err != nil {
			return err
		}
		open, err := scanCase(tx.QueryRowContext(ctx, s.q.OpenByPerson, f.PersonID))
		if err == nil {
			counter = func(r *FlagResult) *int { return &r.Unchanged }
			if open.Category == f.Category && open.Visibility == f.Visibility && open.Confidence == f.Confidence &&
				open.Why == f.Why {
				return nil
			}
			counter = func(r *FlagResult) *int { return &r.Updated }
			if _, err := tx.ExecContext(ctx, s.q.Reflag, open.ID, f.Category, f.Visibility, f.Confidence, f.Why,
				now); err != nil {
				return err
			}
			return s.event(ctx, tx, p, open.ID, "reflagged", f.Why)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var closed sql.NullTime
		if err := tx.QueryRowContext(ctx, s.q.LastClosed, f.PersonID).Scan(&closed); err != nil {
			return err
		}
		if closed.Valid && now.Sub(closed.Time) < ReflagAfter {
			counter = func(r *FlagResult) *int { return &r.Skipped }
			return nil
		}
		c := Case{Step: Identified}
		due, err := s.due(ctx, tx, c, now, set.Location())
		if err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, s.q.Insert, f.PersonID, f.Category, f.Visibility, f.Confidence, f.Why,
			region.ID, region.Path, f.OrgID, orgPath, store.NullID(f.SchoolID), now, due,
			store.NullID(p.UserID)).Scan(&id); err != nil {
			return err
		}
		counter = func(r *FlagResult) *int { return &r.Created }
		return s.event(ctx, tx, p, id, "flagged", f.Why)
	})
	return counter, err
}

// event appends a line to case id's timeline.
func (s *Service) event(ctx context.Context, tx *sql.Tx, p access.Principal, id int64, kind, detail string) error {
	_, err := tx.ExecContext(ctx, s.q.InsertEvent, id, s.now().UTC(), store.NullID(p.UserID), kind, detail)
	return err
}
