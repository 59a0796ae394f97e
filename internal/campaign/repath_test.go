package campaign_test

import (
	"database/sql"
	"errors"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// A campaign organised by a school moves with it: once the school is put
// under the support centre, the centre's coordinator manages it.
func TestCampaignsMoveWithTheirOrganiser(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		in := road(w, "school-road", day(2026, 7, 1), 10)
		in.OrganiserID = w.School.ID
		c := must(s.Create(ctx, coord(w), in))
		centre := w.User(t, accounts.NewUser{Email: "centre.coord@example.org", Name: "Centre coordinator",
			Role: access.Coordinator, OrgID: w.Centre.ID, Region: "KZ-75"}).Principal()
		if _, err := s.Transition(ctx, centre, c.ID, c.Version, campaign.Open); !errors.Is(err, errs.ErrNotFound) {
			t.Fatalf("the centre's coordinator before the move: %v", err)
		}
		must(w.Services.Orgs.Update(ctx, access.System, w.School.ID, orgs.Input{Name: w.School.Name, Type: w.School.Type,
			ParentID: w.Centre.ID, RegionCode: "KZ-75", Active: true}))
		if _, err := s.Transition(ctx, centre, c.ID, c.Version, campaign.Open); err != nil {
			t.Fatalf("the centre's coordinator after the move: %v", err)
		}
	})
}

// A move of a region subtree carries the paths of the regions campaigns
// cover.
func TestCampaignRegionsMoveWithTheirRegion(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		c := must(s.Create(ctx, coord(w), road(w, "road", day(2026, 7, 1), 10)))
		old := c.Regions[0].Path
		err := w.DB.Tx(ctx, func(tx *sql.Tx) error { return s.RepathRegions(ctx, tx, old, "/XX"+old) })
		if err != nil {
			t.Fatal(err)
		}
		var got string
		q := store.Rebind(w.DB.Engine, `SELECT region_path FROM campaign_regions WHERE campaign_id = $1`)
		if err := w.DB.R.QueryRowContext(ctx, q, c.ID).Scan(&got); err != nil || got != "/XX"+old {
			t.Errorf("region path %q after the move (%v), want %q", got, err, "/XX"+old)
		}
	})
}
