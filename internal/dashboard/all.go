package dashboard

import (
	"context"
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/i18n"
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
		if err := s.frozen(ctx, p, full, cells, &cd); err != nil {
			return Dashboard{}, err
		}
		d.Campaigns = append(d.Campaigns, CampaignFigure{ID: c.ID, Name: c.Text(locale).Name, Requests: cd.Requests,
			Reached: cd.Reached, Delivered: cd.Delivered, Programme: string(c.Programme), Year: c.StartsOn.Year()})
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
	if d.AsOf.IsZero() { // no campaign: nothing counted, as of now
		d.AsOf = s.d.Now().UTC()
	}
	t.fill(&d)
	d.Years = years(d.Campaigns, s.d.Now().Year())
	nameYears(d.Campaigns, locale)
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

// frozen fills the children reached and delivered of a reported campaign
// whose requests are gone from its snapshot from its frozen results: the
// most children of any one item (a child given two items is one child).
// They are the whole campaign's, whatever the reader's region.
func (s *Service) frozen(ctx context.Context, p access.Principal, c campaign.Campaign, cells []cell, d *Dashboard) error {
	if c.Status != campaign.Reported || d.Requests > 0 {
		return nil
	}
	whole := newTally()
	whole.add(cells, "")
	if len(whole.status) > 0 {
		return nil
	}
	rs, err := s.d.Campaigns.Results(ctx, p, c.ID)
	if err != nil {
		return err
	}
	for _, r := range rs {
		d.Reached = max(d.Reached, int64(r.Children))
		d.Delivered = d.Reached
	}
	return nil
}

// nameYears tells apart campaigns of one name (this year's and last
// year's "Road to School") by the year they start in.
func nameYears(cs []CampaignFigure, locale string) {
	seen := map[string]int{}
	for _, c := range cs {
		seen[c.Name]++
	}
	for i, c := range cs {
		if seen[c.Name] > 1 {
			cs[i].Name = c.Name + " (" + i18n.Locale(locale).Digits(strconv.Itoa(c.Year)) + ")"
		}
	}
}
