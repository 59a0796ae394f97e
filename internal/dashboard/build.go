package dashboard

import (
	"context"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/i18n"
)

// Campaign returns the dashboard of campaign id for p, names in locale:
// the campaign must be one p may see, and the counts are those of p's
// region subtree.
func (s *Service) Campaign(ctx context.Context, p access.Principal, id int64, locale string) (Dashboard, error) {
	if err := access.Can(p, access.ViewDashboard, p.Scope()); err != nil {
		return Dashboard{}, err
	}
	c, err := s.d.Campaigns.Get(ctx, p, id)
	if err != nil {
		return Dashboard{}, err
	}
	cells, at, err := s.snapshot(ctx, id)
	if err != nil {
		return Dashboard{}, err
	}
	d := Dashboard{CampaignID: id, Name: c.Text(locale).Name, AsOf: at}
	t := newTally()
	t.add(cells, p.RegionPath)
	t.fill(&d)
	d.Regions = s.campaignRegions(ctx, c, t, p.RegionPath, locale)
	d.Items = itemsOf(c, t, locale)
	if d.Categories, err = s.categories(ctx, t, locale); err != nil {
		return Dashboard{}, err
	}
	if err := s.sections(ctx, p, &d, c); err != nil {
		return Dashboard{}, err
	}
	if err := s.compare(ctx, &d, c, cells, locale); err != nil {
		return Dashboard{}, err
	}
	return d, nil
}

// itemsOf are the items campaign c offers, with their counts.
func itemsOf(c campaign.Campaign, t *tally, locale string) []ItemFigure {
	var out []ItemFigure
	for _, it := range c.Items {
		f := ItemFigure{Previous: -1}
		if got := t.items[it.ItemID]; got != nil {
			f = *got
		}
		f.ItemID, f.Code, f.Name, f.Target = it.ItemID, it.Code, it.Name(locale), int64(it.Target)
		out = append(out, f)
	}
	return out
}

// campaignRegions are the regions campaign c covers within the reader's
// subtree (first-level regions when it names none), with the children
// reached against their target, and each item's units against its target
// there.
func (s *Service) campaignRegions(ctx context.Context, c campaign.Campaign, t *tally, within, locale string) []RegionFigure {
	var out []RegionFigure
	for _, r := range c.Regions {
		if !strings.HasPrefix(r.Path, within) && !strings.HasPrefix(within, r.Path) {
			continue
		}
		f := RegionFigure{Code: r.Code, Name: r.Name(locale), Path: r.Path, Reached: t.under(r.Path)}
		for _, it := range c.Items {
			ri := RegionItem{ItemID: it.ItemID}
			ri.Reached, ri.Children = t.itemUnder(it.ItemID, r.Path)
			for _, tg := range c.Targets {
				if tg.ItemID == it.ItemID && tg.RegionCode == r.Code {
					ri.Target = int64(tg.Target)
				}
			}
			f.Target = max(f.Target, ri.Target)
			f.Items = append(f.Items, ri)
		}
		out = append(out, f)
	}
	if len(c.Regions) == 0 {
		out = s.levelRegions(ctx, t, within, locale)
	}
	return out
}

// levelRegions are the regions one level under the reader's subtree (under
// the country, for a reader of a whole installation of one country).
func (s *Service) levelRegions(ctx context.Context, t *tally, within, locale string) []RegionFigure {
	root := within
	if root == "" {
		countries := t.firstLevels("")
		if len(countries) == 1 {
			root = countries[0]
		}
	}
	var out []RegionFigure
	for _, path := range t.firstLevels(root) {
		code := path[strings.LastIndex(strings.TrimSuffix(path, "/"), "/")+1 : len(path)-1]
		f := RegionFigure{Code: code, Name: code, Path: path, Reached: t.under(path)}
		if s.d.Geo != nil {
			if g, err := s.d.Geo.Lookup(ctx, code); err == nil {
				f.Name = g.Name(locale)
			}
		}
		out = append(out, f)
	}
	return out
}

// categories are the categories held by children reached, in the
// registry's order.
func (s *Service) categories(ctx context.Context, t *tally, locale string) ([]CategoryFigure, error) {
	if len(t.categories) == 0 {
		return nil, nil
	}
	// Category names are reference data, not a child's: read them as the
	// system, whatever the reader may see of the registry.
	all, err := s.d.People.Categories(ctx, access.System)
	if err != nil {
		return nil, err
	}
	var out []CategoryFigure
	for _, c := range all {
		if n := t.categories[c.ID]; n > 0 {
			out = append(out, CategoryFigure{ID: c.ID, Code: c.Code, Name: c.Name(locale), Children: n})
		}
	}
	return out, nil
}

// compare fills what the previous campaign gave of each item, from its
// frozen results when reported, from its snapshot otherwise. Both years
// count the whole campaign, as the campaign's page does.
func (s *Service) compare(ctx context.Context, d *Dashboard, c campaign.Campaign, cells []cell, locale string) error {
	prev, results, err := s.d.Campaigns.Compared(ctx, c)
	if err != nil || prev == nil {
		return err
	}
	gave := map[int64]int64{}
	if prev.Reported {
		for _, r := range results {
			gave[r.ItemID] = int64(r.Delivered)
		}
	} else {
		pc, _, err := s.snapshot(ctx, prev.ID)
		if err != nil {
			return err
		}
		pt := newTally()
		pt.add(pc, "")
		for id, f := range pt.items {
			gave[id] = f.Reached
		}
	}
	d.Previous = &Previous{ID: prev.ID, Name: prev.Name(locale), Reported: prev.Reported}
	if d.Previous.Name == d.Name { // last year's "Road to School": say which year
		d.Previous.Name += " (" + i18n.Locale(locale).Digits(strconv.Itoa(prev.StartsOn.Year())) + ")"
	}
	whole := newTally()
	whole.add(cells, "")
	for i := range d.Items {
		if n, ok := gave[d.Items[i].ItemID]; ok {
			d.Items[i].Previous = n
		}
		if w := whole.items[d.Items[i].ItemID]; w != nil {
			d.Items[i].Whole = w.Reached
		}
	}
	for _, n := range gave {
		d.Previous.Total += n
	}
	return nil
}
