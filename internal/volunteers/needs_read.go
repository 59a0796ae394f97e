package volunteers

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Need returns need id with the volunteers signed up, if p may see it.
func (s *Service) Need(ctx context.Context, p access.Principal, id int64) (Need, error) {
	if err := access.Can(p, access.ViewVolunteers, p.Scope()); err != nil {
		return Need{}, err
	}
	n, err := s.need(ctx, s.db.R, 0, id)
	if err != nil {
		return Need{}, err
	}
	if !access.Within(p, n.Target()) {
		return Need{}, errs.ErrNotFound
	}
	n.Signups, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (Signup, error) {
		var u Signup
		err := sc.Scan(&u.VolunteerID, &u.Name, &u.Phone, &u.SignedAt)
		u.SignedAt = u.SignedAt.UTC()
		return u, err
	}, s.q.SignupsOf, id)
	return n, err
}

// need reads need id through q, with whether volunteer signed up.
func (s *Service) need(ctx context.Context, q store.Querier, volunteer, id int64) (Need, error) {
	n, err := scanNeed(q.QueryRowContext(ctx, s.q.NeedFrom+"\n"+s.q.NeedByID, volunteer, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Need{}, errs.ErrNotFound
	}
	return n, err
}

// NeedFilter narrows the list of needs: from a day on (today when zero),
// of a role and a campaign (any when empty), open ones only.
type NeedFilter struct {
	From       time.Time
	Role       aftercare.Skill
	CampaignID int64
	Open       bool
}

// Page asks for a page of a list in date order: after Cursor (from the
// start when ""), at most Limit, skipping Skip first (a jump, bounded by
// store.JumpCap).
type Page struct {
	Cursor string
	Limit  int
	Skip   int
}

// Needs lists a page of the needs within p's scope that f selects, the
// soonest first, and the cursor of the next page.
func (s *Service) Needs(ctx context.Context, p access.Principal, f NeedFilter, pg Page) ([]Need, string, error) {
	if err := access.Can(p, access.ViewVolunteers, p.Scope()); err != nil {
		return nil, "", err
	}
	page := store.ParsePage("", strconv.Itoa(pg.Limit))
	page.Skip = pg.Skip
	day, after := store.ParseDayCursor(pg.Cursor).Start()
	args := store.Args([]any{int64(0)}, p.ScopeArgs(), s.needArgs(ctx, f), []any{day, after, page.LimitArg(), page.SkipArg()})
	list, err := store.Select(ctx, s.db.R, scanNeed, s.q.NeedFrom+"\n"+s.q.Needs, args...)
	if err != nil {
		return nil, "", err
	}
	list, next := store.TrimBy(page, list, func(n Need) string { return store.DayCursor{Day: n.OnDate, ID: n.ID}.String() })
	return list, next, nil
}

// NeedsCount counts what Needs pages through, up to store.CountCap.
func (s *Service) NeedsCount(ctx context.Context, p access.Principal, f NeedFilter) (store.Count, error) {
	if err := access.Can(p, access.ViewVolunteers, p.Scope()); err != nil {
		return store.Count{}, err
	}
	return store.CountRows(ctx, s.db.R, s.q.CountNeeds, store.Args(p.ScopeArgs(), s.needArgs(ctx, f),
		[]any{store.CountArg()})...)
}

func (s *Service) needArgs(ctx context.Context, f NeedFilter) []any {
	from := store.Day(f.From)
	if f.From.IsZero() {
		from = s.today(ctx)
	}
	open := 0
	if f.Open {
		open = 1
	}
	return []any{from, string(f.Role), f.CampaignID, open}
}

func scanNeed(sc store.Scanner) (Need, error) {
	var n Need
	err := sc.Scan(&n.ID, &n.CampaignID, &n.Role, &n.Title, &n.Place, &n.OnDate, &n.Wanted, &n.Taken, &n.Status, &n.Note,
		&n.RegionID, &n.RegionCode, &n.regionPath, &n.OrgID, &n.OrgName, &n.orgPath, &n.Version, &n.CreatedAt,
		&n.UpdatedAt, &n.Mine)
	n.OnDate = store.Day(n.OnDate.UTC())
	n.CreatedAt, n.UpdatedAt = n.CreatedAt.UTC(), n.UpdatedAt.UTC()
	return n, err
}
