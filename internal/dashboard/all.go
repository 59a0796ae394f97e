package dashboard

import (
	"context"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
)

// All returns the dashboard across every campaign p may see but drafts,
// within p's region subtree: the totals, funnel, regions, categories and
// items added up, each campaign's totals, and the appeals of the last
// year and the open deliveries of every campaign.
func (s *Service) All(ctx context.Context, p access.Principal, locale string) (Dashboard, error) {
	if err := access.Can(p, access.ViewDashboard, p.Scope()); err != nil {
		return Dashboard{}, err
	}
	list, err := s.d.Campaigns.List(ctx, p, campaign.Filter{})
	if err != nil {
		return Dashboard{}, err
	}
	var d Dashboard
	t := newTally()
	items := map[int64]ItemFigure{}
	for _, c := range list {
		if c.Status == campaign.Draft {
			continue
		}
		full, err := s.d.Campaigns.Get(ctx, p, c.ID)
		if err != nil {
			return Dashboard{}, err
		}
		cells, at, err := s.snapshot(ctx, c.ID)
		if err != nil {
			return Dashboard{}, err
		}
		if d.AsOf.IsZero() || at.Before(d.AsOf) {
			d.AsOf = at
		}
		one := newTally()
		one.add(cells, p.RegionPath)
		var cd Dashboard
		one.fill(&cd)
		d.Campaigns = append(d.Campaigns, CampaignFigure{ID: c.ID, Name: c.Text(locale).Name, Requests: cd.Requests,
			Reached: cd.Reached, Delivered: cd.Delivered})
		t.add(cells, p.RegionPath)
		for _, f := range itemsOf(full, one, locale) {
			sum := items[f.ItemID]
			sum.ItemID, sum.Code, sum.Name, sum.Previous = f.ItemID, f.Code, f.Name, -1
			sum.Target += f.Target
			sum.Asked += f.Asked
			sum.Reached += f.Reached
			sum.Delivered += f.Delivered
			sum.Children += f.Children
			sum.Open += f.Open
			items[f.ItemID] = sum
		}
	}
	t.fill(&d)
	d.Regions = s.levelRegions(ctx, t, p.RegionPath, locale)
	for _, f := range items {
		d.Items = append(d.Items, f)
	}
	slices.SortFunc(d.Items, func(a, b ItemFigure) int { return int(a.ItemID - b.ItemID) })
	if d.Categories, err = s.categories(ctx, t, locale); err != nil {
		return Dashboard{}, err
	}
	if err := s.sections(ctx, p, &d, campaign.Campaign{}); err != nil {
		return Dashboard{}, err
	}
	return d, nil
}
