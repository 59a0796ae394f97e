package appeals

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Campaign is a campaign an appeal may name: its id and its name in the
// reader's language (another language's, or its short name, when it has
// none in that one).
type Campaign struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// MaxCampaigns bounds the campaigns the desk offers.
const MaxCampaigns = 50

// Campaigns lists the open campaigns, the latest started first, named in
// locale: the desk offers them to the appeals it records. A campaign is
// public (its page is), so every campaign is offered whatever the scope.
func (s *Service) Campaigns(ctx context.Context, p access.Principal, locale string) ([]Campaign, error) {
	if err := access.Can(p, access.RecordAppeals, p.Scope()); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Campaign, error) {
		var c Campaign
		return c, sc.Scan(&c.ID, &c.Name)
	}, s.q.OpenCampaigns, locale, MaxCampaigns)
}
