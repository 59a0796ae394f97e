package requests

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// ListCampaign is what a school's or a centre's list needs of a campaign
// to file requests in it: whether it takes them today, the regions it
// covers and what it offers.
type ListCampaign struct {
	ID      int64
	Name    string   // in the language asked for, else another
	Open    bool     // open, and today between its start and its last day of applications
	Regions []string // region paths; none when it takes every region
	Offer   []ListItem
}

// ListItem is an item or kit a campaign offers.
type ListItem struct {
	ID     int64
	Code   string
	Sizing string   // none, clothes or shoes
	Kit    bool     // a kit, itself made of items
	Names  []string // English, Kazakh, Russian, French and Persian; some may be empty
}

// Covers reports whether the campaign takes requests for a person of
// region path regionPath: one of its regions holds it, or it has none.
func (c ListCampaign) Covers(regionPath string) bool {
	if len(c.Regions) == 0 {
		return true
	}
	for _, r := range c.Regions {
		if strings.HasPrefix(regionPath, r) {
			return true
		}
	}
	return false
}

// Beyond reports whether no person of a region at or below region path
// regionPath can be in the campaign's regions: it neither holds one of
// them nor lies within one.
func (c ListCampaign) Beyond(regionPath string) bool {
	if regionPath == "" || c.Covers(regionPath) {
		return false
	}
	for _, r := range c.Regions {
		if strings.HasPrefix(r, regionPath) {
			return false
		}
	}
	return true
}

// SizeError returns the message key of what is wrong with size for an
// item of sizing, "" when nothing is: the rule Submit applies.
func SizeError(sizing, size string) string {
	return sizeError(sizing, strings.ToUpper(strings.TrimSpace(size)))
}

// ListCampaign returns campaign id, named in locale, for filing the
// requests of a list. p must be allowed to submit requests; an unknown
// campaign is a validation error of field "campaign".
func (s *Service) ListCampaign(ctx context.Context, p access.Principal, id int64, locale string) (ListCampaign, error) {
	if err := access.Can(p, access.SubmitRequests, p.Scope()); err != nil {
		return ListCampaign{}, err
	}
	c := ListCampaign{ID: id}
	var status string
	var from, until time.Time
	err := s.db.R.QueryRowContext(ctx, s.q.ListCampaign, id, locale).Scan(&c.ID, &status, &from, &until, &c.Name)
	if errors.Is(err, sql.ErrNoRows) || id <= 0 {
		return ListCampaign{}, errs.Validation(errs.Field("campaign", "error.not_found"))
	}
	if err != nil {
		return ListCampaign{}, err
	}
	today := store.Day(s.now().UTC())
	c.Open = status == "open" && !today.Before(store.Day(from)) && !today.After(store.Day(until))
	if c.Regions, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (string, error) {
		var path string
		return path, sc.Scan(&path)
	}, s.q.ListCampaignRegions, id); err != nil {
		return ListCampaign{}, err
	}
	c.Offer, err = store.Select(ctx, s.db.R, func(sc store.Scanner) (ListItem, error) {
		it := ListItem{Names: make([]string, 5)}
		n := it.Names
		return it, sc.Scan(&it.ID, &it.Code, &it.Sizing, &it.Kit, &n[0], &n[1], &n[2], &n[3], &n[4])
	}, s.q.ListCampaignOffer, id)
	return c, err
}

// ListCampaigns returns the campaigns p may file a list's requests in,
// named in locale: those open today that take requests from p's region
// (one of their regions holds it or lies within it, or they have none).
func (s *Service) ListCampaigns(ctx context.Context, p access.Principal, locale string) ([]ListCampaign, error) {
	if !access.Allowed(p, access.SubmitRequests) {
		return nil, nil
	}
	ids, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (int64, error) {
		var id int64
		return id, sc.Scan(&id)
	}, s.q.OpenCampaignIDs)
	if err != nil {
		return nil, err
	}
	var out []ListCampaign
	for _, id := range ids {
		c, err := s.ListCampaign(ctx, p, id, locale)
		if err != nil {
			return nil, err
		}
		if c.Open && !c.Beyond(p.RegionPath) {
			out = append(out, c)
		}
	}
	return out, nil
}
