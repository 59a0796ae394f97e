package campaign

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// AnyVisible reports whether p sees at least one campaign, by the rule of
// List; false for a role that sees none. The web menu offers the pages of
// campaigns (requests, the dashboard, distribution, deliveries) only then,
// so the staff of an organisation that runs no campaign are not shown
// them.
func (s *Service) AnyVisible(ctx context.Context, p access.Principal) (bool, error) {
	if !access.Allowed(p, access.ViewCampaigns) {
		return false, nil
	}
	args := store.Args(p.ScopeArgs(), []any{p.OrgPath, p.RegionPath, "", ""})
	var found bool
	err := s.db.R.QueryRowContext(ctx, "SELECT EXISTS ("+s.q.CampaignFrom+" "+s.q.Campaigns+")", args...).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("any campaign: %w", err)
	}
	return found, nil
}
