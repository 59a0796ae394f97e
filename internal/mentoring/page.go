package mentoring

import (
	"context"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// The school and vetting filters of a list of mentors.
const (
	SchoolFinished    = "finished"     // attended every required module and passed a final check
	SchoolNotFinished = "not_finished" // the others
	VettingValid      = "valid"        // vetted for work with minors, valid today
	VettingNone       = "none"         // no vetting, or one expired
)

// ListFilter narrows the coordinator's paged list of mentors; an empty
// field selects any.
type ListFilter struct {
	Status     Status
	Field      string     // a field of expertise
	RegionCode string     // the region and the places within it
	Background Background //
	School     string     // SchoolFinished or SchoolNotFinished
	Vetting    string     // VettingValid or VettingNone
}

// Page lists a page of the mentors within p's scope that f selects, the
// newest first, and the cursor of the next page; p needs ViewMentors. An
// unknown region or a filter outside its choices is refused on its field.
func (s *Service) Page(ctx context.Context, p access.Principal, f ListFilter, pg store.Page) ([]Mentor, string, error) {
	args, err := s.pageArgs(ctx, p, f, pg.BeforeArg())
	if err != nil {
		return nil, "", err
	}
	list, err := store.Select(ctx, s.db.R, scan, s.q.Page, append(args, pg.LimitArg(), pg.SkipArg())...)
	if err != nil {
		return nil, "", err
	}
	list, next := store.Trim(pg, list, func(m Mentor) int64 { return m.ID })
	for i := range list {
		if err := s.fill(ctx, s.db.R, &list[i]); err != nil {
			return nil, "", err
		}
	}
	return list, next, nil
}

// PageCount counts what Page pages through, up to store.CountCap.
func (s *Service) PageCount(ctx context.Context, p access.Principal, f ListFilter) (store.Count, error) {
	args, err := s.pageArgs(ctx, p, f, store.Page{}.BeforeArg())
	if err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.CountPage, append(args, store.CountArg())...)
}

// pageArgs checks p and f and binds them, up to the day the vetting is
// valid on.
func (s *Service) pageArgs(ctx context.Context, p access.Principal, f ListFilter, before int64) ([]any, error) {
	if err := access.Can(p, access.ViewMentors, p.Scope()); err != nil {
		return nil, err
	}
	var fs []errs.FieldError
	if f.Status != "" && !oneOf(f.Status, []Status{Applied, Approved, Rejected}) {
		fs = append(fs, errs.Field("status", "error.invalid_choice"))
	}
	if f.Background != "" && !oneOf(f.Background, Backgrounds()) {
		fs = append(fs, errs.Field("background", "error.invalid_choice"))
	}
	if f.School != "" && f.School != SchoolFinished && f.School != SchoolNotFinished {
		fs = append(fs, errs.Field("school", "error.invalid_choice"))
	}
	if f.Vetting != "" && f.Vetting != VettingValid && f.Vetting != VettingNone {
		fs = append(fs, errs.Field("vetting", "error.invalid_choice"))
	}
	lo, hi := access.Span("")
	if f.RegionCode != "" {
		r, err := s.geo.Lookup(ctx, f.RegionCode)
		if errors.Is(err, errs.ErrNotFound) {
			fs = append(fs, errs.Field("region", "error.unknown_region", "Code", f.RegionCode))
		} else if err != nil {
			return nil, err
		}
		lo, hi = access.Span(r.Path)
	}
	if err := errs.Validation(fs...); err != nil {
		return nil, err
	}
	return store.Args(p.ScopeArgs(), []any{before, string(f.Status), f.Field, lo, hi, string(f.Background),
		f.School, f.Vetting, dayOf(s.now())}), nil
}
