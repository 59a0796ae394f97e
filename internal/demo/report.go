package demo

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/services"
)

// seedReport produces the final report of last year's "Road to School",
// reported with its results recorded by hand, through the reports
// service a coordinator's action uses: its PDF and workbook download
// from the campaign's page and its public results page is published. A
// report produced once is kept.
func seedReport(ctx context.Context, s *services.Services, year int) error {
	c, err := s.Campaigns.Public(ctx, roadSlug(year-1))
	if err != nil {
		return fmt.Errorf("demo report: %w", err)
	}
	if has, err := s.Reports.Has(ctx, c.ID); err != nil || has {
		return err
	}
	if _, err := s.Reports.Produce(ctx, access.System, c.ID); err != nil {
		return fmt.Errorf("demo report of %s: %w", c.Slug, err)
	}
	return nil
}
