package volunteers

import (
	"context"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// MyHours lists the hours the volunteer whose login p is logged, the
// latest day first.
func (s *Service) MyHours(ctx context.Context, p access.Principal) ([]Hours, error) {
	v, err := s.reg.Own(ctx, p)
	if err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, scanHours, s.q.HoursFrom+"\n"+s.q.HoursOf, v.ID)
}

// Hours returns hours id if p may see them: within p's scope, or their
// own.
func (s *Service) Hours(ctx context.Context, p access.Principal, id int64) (Hours, error) {
	h, err := s.hours(ctx, s.db.R, id)
	if err != nil {
		return Hours{}, err
	}
	if access.Can(p, access.ViewVolunteers, h.Target()) == nil {
		return h, nil
	}
	if v, err := s.reg.Own(ctx, p); err == nil && v.ID == h.VolunteerID {
		return h, nil
	}
	return Hours{}, errs.ErrNotFound
}

// HoursFilter narrows the list of hours: in a status (any when ""), of a
// volunteer and a campaign (any when 0).
type HoursFilter struct {
	Status      HoursStatus
	VolunteerID int64
	CampaignID  int64
}

// HoursList lists a page of the hours within p's scope that f selects,
// the oldest day first (the approval queue is HoursFilter{Status:
// Pending}), and the cursor of the next page.
func (s *Service) HoursList(ctx context.Context, p access.Principal, f HoursFilter, pg Page) ([]Hours, string, error) {
	if err := checkHours(p, f); err != nil {
		return nil, "", err
	}
	page := store.ParsePage("", strconv.Itoa(pg.Limit))
	page.Skip = pg.Skip
	day, after := store.ParseDayCursor(pg.Cursor).Start()
	args := store.Args(p.ScopeArgs(), []any{string(f.Status), f.VolunteerID, f.CampaignID, day, after, page.LimitArg(),
		page.SkipArg()})
	list, err := store.Select(ctx, s.db.R, scanHours, s.q.HoursFrom+"\n"+s.q.HoursList, args...)
	if err != nil {
		return nil, "", err
	}
	list, next := store.TrimBy(page, list, func(h Hours) string {
		return store.DayCursor{Day: h.WorkedOn, ID: h.ID}.String()
	})
	return list, next, nil
}

// HoursCount counts what HoursList pages through, up to store.CountCap.
func (s *Service) HoursCount(ctx context.Context, p access.Principal, f HoursFilter) (store.Count, error) {
	if err := checkHours(p, f); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.CountHours, store.Args(p.ScopeArgs(), []any{string(f.Status), f.VolunteerID,
		f.CampaignID, store.CountArg()})...)
}

func checkHours(p access.Principal, f HoursFilter) error {
	if err := access.Can(p, access.ViewVolunteers, p.Scope()); err != nil {
		return err
	}
	if f.Status != "" && !slices.Contains(HoursStatuses(), f.Status) {
		return errs.Validation(valid.Choice("status", HoursStatuses()...))
	}
	return nil
}
