package campaign

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Filter narrows a list of campaigns; zero fields do not narrow.
type Filter struct {
	Programme Programme
	Status    Status
}

// List returns the campaigns p may see (see visible), the latest first,
// with their texts and regions but not their other parts.
func (s *Service) List(ctx context.Context, p access.Principal, f Filter) ([]Campaign, error) {
	if err := access.Can(p, access.ViewCampaigns, p.Scope()); err != nil {
		return nil, err
	}
	args := store.Args(p.ScopeArgs(), []any{p.OrgPath, p.RegionPath, string(f.Programme), string(f.Status)})
	list, err := store.Select(ctx, s.db.R, scanCampaign, s.q.CampaignFrom+" "+s.q.Campaigns, args...)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if err := s.loadTexts(ctx, s.db.R, &list[i]); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// Get returns campaign id, whole, if p may see it.
func (s *Service) Get(ctx context.Context, p access.Principal, id int64) (Campaign, error) {
	if err := access.Can(p, access.ViewCampaigns, p.Scope()); err != nil {
		return Campaign{}, err
	}
	c, err := s.load(ctx, s.db.R, s.q.CampaignByID, id)
	if err != nil {
		return Campaign{}, err
	}
	if !visible(p, c) {
		return Campaign{}, errs.ErrNotFound
	}
	return c, nil
}

// Public returns the campaign published under slug, for its public page:
// one that is open, closed or reported. A draft is not found.
func (s *Service) Public(ctx context.Context, slug string) (Campaign, error) {
	c, err := s.load(ctx, s.db.R, s.q.CampaignBySlug, strings.ToLower(strings.TrimSpace(slug)))
	if err != nil {
		return Campaign{}, err
	}
	if c.Status == Draft {
		return Campaign{}, errs.ErrNotFound
	}
	return c, nil
}

// BySlug returns the campaign with slug, whole, if p may see it: the
// staff's lookup, which finds a draft too, unlike Public.
func (s *Service) BySlug(ctx context.Context, p access.Principal, slug string) (Campaign, error) {
	if err := access.Can(p, access.ViewCampaigns, p.Scope()); err != nil {
		return Campaign{}, err
	}
	c, err := s.load(ctx, s.db.R, s.q.CampaignBySlug, strings.ToLower(strings.TrimSpace(slug)))
	if err != nil {
		return Campaign{}, err
	}
	if !visible(p, c) {
		return Campaign{}, errs.ErrNotFound
	}
	return c, nil
}

// visible reports whether p sees campaign c: p may manage it, or its work
// serves p's organisation — organised by it or above it, or with it (or an
// organisation above it) as a partner — in a region c covers, above or
// below p's region. The List query asks the same.
func visible(p access.Principal, c Campaign) bool {
	if !access.Allowed(p, access.ViewCampaigns) {
		return false
	}
	if access.Within(p, c.Target()) {
		return true
	}
	serves := p.OrgPath != "" && strings.HasPrefix(p.OrgPath, c.orgPath)
	for _, x := range c.Partners {
		serves = serves || (p.OrgPath != "" && x.path != "" && strings.HasPrefix(p.OrgPath, x.path))
	}
	if !serves {
		return false
	}
	if p.RegionPath == "" {
		return true
	}
	for _, r := range c.Regions {
		if strings.HasPrefix(r.Path, p.RegionPath) || strings.HasPrefix(p.RegionPath, r.Path) {
			return true
		}
	}
	return false
}

// managed reads campaign id in tx for a change by p, who must manage it.
func (s *Service) managed(ctx context.Context, tx *sql.Tx, p access.Principal, id int64) (Campaign, error) {
	if err := access.Can(p, access.ManageCampaigns, p.Scope()); err != nil {
		return Campaign{}, err
	}
	c, err := s.load(ctx, tx, s.q.CampaignByID, id)
	if err != nil {
		return Campaign{}, err
	}
	if access.Can(p, access.ManageCampaigns, c.Target()) != nil {
		if visible(p, c) {
			return Campaign{}, errs.New(errs.Forbidden, "error.forbidden")
		}
		return Campaign{}, errs.ErrNotFound
	}
	return c, nil
}

// load reads one campaign by query (by id or slug) with all its parts.
func (s *Service) load(ctx context.Context, q store.Querier, query string, key any) (Campaign, error) {
	c, err := scanCampaign(q.QueryRowContext(ctx, s.q.CampaignFrom+" "+query, key))
	if errors.Is(err, sql.ErrNoRows) {
		return Campaign{}, errs.ErrNotFound
	} else if err != nil {
		return Campaign{}, err
	}
	return c, s.loadParts(ctx, q, &c)
}

func scanCampaign(sc store.Scanner) (Campaign, error) {
	var c Campaign
	var apply sql.NullTime
	err := sc.Scan(&c.ID, &c.Slug, &c.Programme, &c.OrganiserID, &c.Organiser, &c.Locale, &c.orgPath, &c.regionPath,
		&c.StartsOn, &c.EndsOn, &apply, &c.Budget, &c.Currency, &c.Status, &c.PreviousID, &c.Version, &c.CreatedBy,
		&c.CreatedAt, &c.UpdatedAt)
	c.StartsOn, c.EndsOn, c.ApplyUntil = store.Day(c.StartsOn), store.Day(c.EndsOn), store.TimeOf(apply)
	if !c.ApplyUntil.IsZero() {
		c.ApplyUntil = store.Day(c.ApplyUntil)
	}
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	return c, err
}
