package reports

import (
	"context"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/dashboard"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/store"
)

// figures counts campaign c anew and gathers its report's figures.
func (s *Service) figures(ctx context.Context, c campaign.Campaign) (Figures, error) {
	d, t, err := s.d.Dashboard.Report(ctx, c.ID, c.Locale)
	if err != nil {
		return Figures{}, err
	}
	f := Figures{CampaignID: c.ID, Slug: c.Slug, Organiser: c.Organiser, Locale: c.Locale,
		StartsOn: c.StartsOn, EndsOn: c.EndsOn, AsOf: d.AsOf.UTC(),
		Name:     labelOf(c.Slug, func(l string) string { return c.Text(l).Name }),
		Slogan:   labelOf("", func(l string) string { return c.Text(l).Slogan }),
		Requests: d.Requests, Reached: d.Reached, Delivered: d.Delivered, Funnel: d.Funnel,
		Outcomes: dashboard.Outcomes, ByItem: t.ByItem, ByCategory: t.ByCategory, ByOutcome: t.ByOutcome,
		Gifts: d.Gifts, Hours: d.Hours, Partners: []Partner{}, Sponsors: []string{}}
	offered := map[int64]campaign.Offered{}
	for _, it := range c.Items {
		offered[it.ItemID] = it
	}
	for _, it := range t.Items {
		o := offered[it.ItemID]
		f.Items = append(f.Items, Item{Label: labelOf(it.Code, o.Name), Target: it.Target, Reached: it.Reached,
			Delivered: it.Delivered, Children: it.Children, Previous: it.Previous})
	}
	for _, r := range t.Regions {
		f.Regions = append(f.Regions, s.regionLabel(ctx, c, r))
	}
	if len(t.Categories) > 0 {
		all, err := s.d.People.Categories(ctx, access.System)
		if err != nil {
			return Figures{}, err
		}
		byID := map[int64]people.Category{}
		for _, x := range all {
			byID[x.ID] = x
		}
		for _, x := range t.Categories {
			f.Categories = append(f.Categories, labelOf(x.Code, byID[x.ID].Name))
		}
	}
	if d.Previous != nil {
		prev, err := s.d.Campaigns.Get(ctx, access.System, d.Previous.ID)
		if err != nil {
			return Figures{}, err
		}
		f.Previous = &Previous{Name: labelOf(prev.Slug, func(l string) string { return prev.Text(l).Name }), Total: d.Previous.Total}
	}
	for _, p := range c.Partners {
		f.Partners = append(f.Partners, Partner{Name: p.Name, Role: string(p.Role)})
	}
	if f.Sponsors, err = s.namedSponsors(ctx, c.ID); err != nil {
		return Figures{}, err
	}
	if f.Requests == 0 {
		return s.recorded(ctx, c, t.Items, f)
	}
	return f, nil
}

// recorded fills f from the results recorded by hand for campaign c,
// which holds no requests, when it has any: each item's units and
// children, and the children reached in all.
func (s *Service) recorded(ctx context.Context, c campaign.Campaign, items []dashboard.ItemFigure, f Figures) (Figures, error) {
	results, err := s.d.Campaigns.Results(ctx, access.System, c.ID)
	if err != nil || len(results) == 0 {
		return f, err
	}
	byItem := map[int64]campaign.Result{}
	for _, r := range results {
		byItem[r.ItemID] = r
	}
	f.Recorded, f.Reached, f.Delivered = true, 0, 0
	for i, it := range items {
		r := byItem[it.ItemID]
		f.Items[i].Reached, f.Items[i].Delivered, f.Items[i].Children = int64(r.Delivered), int64(r.Delivered), int64(r.Children)
		f.Reached += int64(r.Children)
	}
	return f, nil
}

// regionLabel names a row of the tables: a region the campaign covers,
// else a region of the reference data.
func (s *Service) regionLabel(ctx context.Context, c campaign.Campaign, r dashboard.RegionFigure) Label {
	for _, x := range c.Regions {
		if x.Code == r.Code {
			return labelOf(r.Code, x.Name)
		}
	}
	if s.d.Geo != nil {
		if g, err := s.d.Geo.Lookup(ctx, r.Code); err == nil {
			return labelOf(r.Code, g.Name)
		}
	}
	return labelOf(r.Code, func(string) string { return r.Name })
}

// namedSponsors are the names of the sponsors of campaign id who consented
// to be named in public, read as the installation: a report names them
// whoever produces it.
func (s *Service) namedSponsors(ctx context.Context, id int64) ([]string, error) {
	out := []string{}
	if s.d.Sponsors == nil {
		return out, nil
	}
	pg := store.Page{Limit: store.MaxLimit}
	for {
		list, next, err := s.d.Sponsors.List(ctx, access.System, sponsors.Filter{CampaignID: id, Consenting: true}, pg)
		if err != nil {
			return nil, err
		}
		for _, sp := range list {
			if sp.Consent {
				out = append(out, sp.Name)
			}
		}
		if next == "" {
			return out, nil
		}
		pg = store.ParsePage(next, strconv.Itoa(store.MaxLimit))
	}
}
