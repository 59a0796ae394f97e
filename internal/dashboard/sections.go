package dashboard

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

// sections fills the figures read live from their own services — each
// only when p may see it there: appeals received in the campaign's period
// (or the last year, across campaigns), stock against open demand, the
// deliveries by risk, gifts and hours. c is zero across campaigns.
func (s *Service) sections(ctx context.Context, p access.Principal, d *Dashboard, c campaign.Campaign) error {
	today := store.Day(s.d.Now().UTC())
	from, to := today.AddDate(-1, 0, 1), today
	if c.ID != 0 {
		from, to = c.StartsOn, c.EndsOn
		if to.IsZero() || to.After(today) {
			to = today
		}
	}
	if s.d.Appeals != nil && access.Allowed(p, access.ViewAppeals) && !from.IsZero() && !to.Before(from) {
		st, err := s.d.Appeals.Stats(ctx, p, from, to)
		if err != nil {
			return err
		}
		d.Appeals = &Appeals{From: st.From, To: st.To, Total: st.Total, ByKind: st.ByKind}
	}
	if s.d.Stock != nil && access.Allowed(p, access.ViewStock) {
		if err := s.stock(ctx, p, d, c.ID); err != nil {
			return err
		}
	}
	if s.d.Deliveries != nil && access.Allowed(p, access.ViewDeliveries) {
		counts, err := s.d.Deliveries.BoardCounts(ctx, p, deliveries.BoardFilter{CampaignID: c.ID, Today: today})
		if err != nil {
			return err
		}
		d.Deliveries = &Deliveries{}
		for _, r := range deliveries.Risks() {
			d.Deliveries.ByRisk = append(d.Deliveries.ByRisk, RiskCount{Risk: r.String(), Count: counts[r]})
		}
	}
	if s.d.Gifts != nil && access.Allowed(p, access.ViewSponsors) {
		g, err := s.d.Gifts.GiftFigures(ctx, p, c.ID)
		if err != nil {
			return err
		}
		d.Gifts = &g
	}
	if s.d.Hours != nil && access.Allowed(p, access.ViewVolunteers) {
		h, err := s.d.Hours.HourFigures(ctx, p, c.ID)
		if err != nil {
			return err
		}
		d.Hours = &h
	}
	return nil
}

// stock fills each item's stock on hand and available in the warehouses
// of p's scope (those of campaign id's items, or of any item when 0).
func (s *Service) stock(ctx context.Context, p access.Principal, d *Dashboard, id int64) error {
	av, err := s.d.Stock.Available(ctx, nil, stock.AvailableFilter{CampaignID: id, OrgPath: p.OrgPath, RegionPath: p.RegionPath})
	if err != nil {
		return err
	}
	at := map[int64]int{}
	for i, f := range d.Items {
		at[f.ItemID] = i
	}
	for _, a := range av {
		if i, ok := at[a.ItemID]; ok {
			d.Items[i].OnHand += a.OnHand
			d.Items[i].Available += a.Available
		}
	}
	d.Stock = true
	return nil
}
