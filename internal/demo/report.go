package demo

import (
	"context"
	"fmt"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/store"
)

// seedReport produces the final report of last year's "Road to School",
// reported with its results recorded by hand, through the reports
// service a coordinator's action uses: its PDF and workbook download
// from the campaign's page and its public results page is published. A
// third of this year's sponsors of the campaign supported last year's
// too, and those who consented to be named are thanked in it. A report
// produced once is kept.
func seedReport(ctx context.Context, s *services.Services, year int) error {
	c, err := s.Campaigns.Public(ctx, roadSlug(year-1))
	if err != nil {
		return fmt.Errorf("demo report: %w", err)
	}
	if has, err := s.Reports.Has(ctx, c.ID); err != nil || has {
		return err
	}
	if now, err := s.Campaigns.Public(ctx, roadSlug(year)); err == nil {
		if err := returningSponsors(ctx, s.Sponsors, now.ID, c.ID); err != nil {
			return fmt.Errorf("demo report's sponsors: %w", err)
		}
	}
	if _, err := s.Reports.Produce(ctx, access.System, c.ID); err != nil {
		return fmt.Errorf("demo report of %s: %w", c.Slug, err)
	}
	return nil
}

// returningSponsors adds campaign last to every third sponsor of campaign
// now, consenting to be named or not.
func returningSponsors(ctx context.Context, s *sponsors.Service, now, last int64) error {
	list, _, err := s.List(ctx, access.System, sponsors.Filter{CampaignID: now}, store.Page{Limit: store.MaxLimit})
	if err != nil {
		return err
	}
	for i, row := range list {
		if i%3 != 0 {
			continue
		}
		sp, err := s.Get(ctx, access.System, row.ID) // the list leaves out the campaigns
		if err != nil {
			return err
		}
		if slices.Contains(sp.CampaignIDs, last) {
			continue
		}
		in := sponsors.Input{Name: sp.Name, Kind: sp.Kind, OrgID: sp.OrgID, Language: sp.Language, Consent: sp.Consent,
			Notes: sp.Notes, UserID: sp.UserID, Contacts: sp.Contacts, CampaignIDs: append(sp.CampaignIDs, last), Version: sp.Version}
		if _, err := s.Update(ctx, access.System, sp.ID, in); err != nil {
			return fmt.Errorf("%s: %w", sp.Name, err)
		}
	}
	return nil
}
