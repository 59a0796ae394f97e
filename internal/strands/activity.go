package strands

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
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/valid"
	"github.com/jolproject/jol/internal/youth"
)

// Create adds an activity of organisation in.OrgID in region
// in.RegionCode; both must lie within p's scope. Every wrong field is
// named at once.
func (s *Service) Create(ctx context.Context, p access.Principal, in Input) (Activity, error) {
	if err := access.Can(p, access.ManageStrands, p.Scope()); err != nil {
		return Activity{}, err
	}
	in.Name, in.Description = text.Clean(in.Name), strings.TrimSpace(in.Description)
	in.StartsOn, in.EndsOn = store.Day(in.StartsOn), store.Day(in.EndsOn)
	fs := valid.Name(nil, "name", in.Name, MaxName)
	fs = valid.Note(fs, "description", in.Description)
	if !slices.Contains(ActivityStrands(), in.Strand) {
		fs = append(fs, valid.Choice("strand", ActivityStrands()...))
	}
	switch {
	case in.StartsOn.IsZero():
		fs = append(fs, errs.Field("starts_on", "error.required", "Field", "starts_on"))
	case in.EndsOn.IsZero():
		fs = append(fs, errs.Field("ends_on", "error.required", "Field", "ends_on"))
	case in.EndsOn.Before(in.StartsOn):
		fs = append(fs, errs.Field("ends_on", "error.activity_dates"))
	}
	if in.Capacity < 1 || in.Capacity > MaxCapacity {
		fs = append(fs, errs.Field("capacity", "error.activity_capacity", "Max", MaxCapacity))
	}
	if in.MinAge != 0 && (in.MinAge < youth.MinAge || in.MinAge > youth.MaxAge) ||
		in.MaxAge != 0 && (in.MaxAge < youth.MinAge || in.MaxAge > youth.MaxAge) ||
		in.MinAge != 0 && in.MaxAge != 0 && in.MaxAge < in.MinAge {
		fs = append(fs, errs.Field("min_age", "error.activity_ages", "Min", youth.MinAge, "Max", youth.MaxAge))
	}
	var org struct {
		id     int64
		path   string
		active bool
	}
	err := s.db.R.QueryRowContext(ctx, s.q.OrgByID, in.OrgID).Scan(&org.id, &org.path, &org.active)
	if errors.Is(err, sql.ErrNoRows) || err == nil && !org.active {
		fs = append(fs, errs.Field("org_id", "error.required", "Field", "org_id"))
	} else if err != nil {
		return Activity{}, err
	}
	var region struct {
		id   int64
		path string
	}
	err = s.db.R.QueryRowContext(ctx, s.q.Region, strings.TrimSpace(in.RegionCode)).Scan(&region.id, &region.path)
	if errors.Is(err, sql.ErrNoRows) {
		fs = append(fs, errs.Field("region_code", "error.unknown_region", "Code", in.RegionCode))
	} else if err != nil {
		return Activity{}, err
	}
	if err := errs.Validation(fs...); err != nil {
		return Activity{}, err
	}
	if err := access.Can(p, access.ManageStrands, access.Target{OrgPath: org.path, RegionPath: region.path}); err != nil {
		return Activity{}, err
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q.InsertActivity, in.Name, string(in.Strand), in.Description, org.id, org.path,
			region.id, region.path, in.StartsOn, in.EndsOn, in.Capacity, in.MinAge, in.MaxAge, in.LocalOnly,
			store.NullID(p.UserID), s.now().UTC()).Scan(&id)
		if err != nil {
			return err
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "activity", EntityID: itoa(id),
			OrgPath: org.path, RegionPath: region.path, After: in})
	})
	if err != nil {
		return Activity{}, err
	}
	return s.Activity(ctx, p, id)
}

// Activity returns activity id if p may see it.
func (s *Service) Activity(ctx context.Context, p access.Principal, id int64) (Activity, error) {
	if err := access.Can(p, access.ViewStrands, p.Scope()); err != nil {
		return Activity{}, err
	}
	a, err := s.activity(ctx, s.db.R, id)
	if err == nil && access.Can(p, access.ViewStrands, a.Target()) != nil {
		err = errs.ErrNotFound
	}
	return a, err
}

func (s *Service) activity(ctx context.Context, q store.Querier, id int64) (Activity, error) {
	a, err := scanActivity(q.QueryRowContext(ctx, s.q.ActivityFrom+" "+s.q.ActivityByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Activity{}, errs.ErrNotFound
	}
	return a, err
}

// Filter narrows Activities.
type Filter struct {
	Strand     Strand // "" for every strand
	RegionPath string // a region subtree, "" for all
}

// Activities lists the activities within p's scope, newest first, and
// the next page's cursor.
func (s *Service) Activities(ctx context.Context, p access.Principal, f Filter, pg store.Page) ([]Activity, string, error) {
	if err := access.Can(p, access.ViewStrands, p.Scope()); err != nil {
		return nil, "", err
	}
	if f.Strand != "" && !slices.Contains(ActivityStrands(), f.Strand) {
		return nil, "", errs.Validation(valid.Choice("strand", ActivityStrands()...))
	}
	lo, hi := access.Span(f.RegionPath)
	as, err := store.Select(ctx, s.db.R, scanActivity, s.q.ActivityFrom+" "+s.q.ActivitiesInScope,
		store.Args(p.ScopeArgs(), []any{string(f.Strand), lo, hi, pg.BeforeArg(), pg.LimitArg()})...)
	if err != nil {
		return nil, "", err
	}
	as, next := store.Trim(pg, as, func(a Activity) int64 { return a.ID })
	return as, next, nil
}

// CountActivities counts, up to store.CountCap, what Activities lists.
func (s *Service) CountActivities(ctx context.Context, p access.Principal, f Filter) (store.Count, error) {
	if err := access.Can(p, access.ViewStrands, p.Scope()); err != nil {
		return store.Count{}, err
	}
	lo, hi := access.Span(f.RegionPath)
	var n int
	err := s.db.R.QueryRowContext(ctx, s.q.CountInScope,
		store.Args(p.ScopeArgs(), []any{string(f.Strand), lo, hi, store.CountArg()})...).Scan(&n)
	return store.Counted(n), err
}

func scanActivity(sc store.Scanner) (Activity, error) {
	var a Activity
	err := sc.Scan(&a.ID, &a.Name, &a.Strand, &a.Description, &a.OrgID, &a.OrgName, &a.RegionCode, &a.StartsOn,
		&a.EndsOn, &a.Capacity, &a.Enrolled, &a.MinAge, &a.MaxAge, &a.LocalOnly, &a.CreatedAt, &a.orgPath, &a.regionPath)
	a.StartsOn, a.EndsOn, a.CreatedAt = store.Day(a.StartsOn.UTC()), store.Day(a.EndsOn.UTC()), a.CreatedAt.UTC()
	return a, err
}
