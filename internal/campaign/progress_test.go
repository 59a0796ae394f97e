package campaign_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/testworld"
)

// This year's campaign counts its approved, allocated and delivered
// requests against its targets and compares with last year's, whose
// results were recorded by hand when it was reported.
func TestProgressAgainstTargetsAndLastYear(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		last := must(s.Create(ctx, coord(w), road(w, "road-2025", day(2025, 7, 1), 5000)))
		for _, to := range []campaign.Status{campaign.Open, campaign.Closed, campaign.Reported} {
			last = must(s.Transition(ctx, coord(w), last.ID, last.Version, to))
		}
		kit := last.Items[0].ItemID
		if err := s.RecordResults(ctx, coord(w), last.ID, []campaign.Result{{ItemID: kit, Delivered: 5000, Children: 5000}}); err != nil {
			t.Fatal(err)
		}
		c := must(s.Create(ctx, coord(w), road(w, "road-2026", day(2026, 7, 1), 3500)))
		c = must(s.Transition(ctx, coord(w), c.ID, c.Version, campaign.Open))
		almaty := c.Regions[0].Path
		for _, st := range []string{"submitted", "approved", "allocated", "delivered", "rejected", "waitlisted"} {
			request(t, w, c, kit, 1, st, almaty)
		}
		request(t, w, c, kit, 2, "approved", "/KZ/KZ-71/") // outside the region target's region
		pr := must(s.Progress(ctx, coord(w), c))
		if len(pr.Items) != 1 {
			t.Fatalf("items %+v", pr.Items)
		}
		it := pr.Items[0]
		if it.Target != 3500 || it.Progress != 5 || it.Delivered != 1 || it.Children != 4 || it.Asked != 7 || it.Before != 5000 {
			t.Errorf("item progress %+v", it)
		}
		if pr.Previous == nil || pr.Previous.ID != last.ID || !pr.Previous.Reported || pr.Previous.Total != 5000 ||
			pr.Previous.Name("en") != "Road to School" {
			t.Errorf("previous %+v", pr.Previous)
		}
		if len(pr.Regions) != 1 || pr.Regions[0].Code != "KZ-75" || pr.Regions[0].Target != 3500 || pr.Regions[0].Progress != 3 {
			t.Errorf("regions %+v", pr.Regions)
		}
		// A campaign with requests keeps the results they give.
		if err := s.RecordResults(ctx, coord(w), c.ID, nil); errs.CodeOf(err) != errs.Conflict {
			t.Errorf("results by hand of a campaign with requests: %v", err)
		}
		// Reporting it freezes what was delivered.
		c = must(s.Transition(ctx, coord(w), c.ID, c.Version, campaign.Closed))
		c = must(s.Transition(ctx, coord(w), c.ID, c.Version, campaign.Reported))
		rs := must(s.Results(ctx, coord(w), c.ID))
		if len(rs) != 1 || rs[0].ItemID != kit || rs[0].Delivered != 1 || rs[0].Children != 1 {
			t.Errorf("frozen results %+v", rs)
		}
		// The next campaign compares with the frozen figure, not the live one.
		next := must(s.Create(ctx, coord(w), road(w, "road-2027", day(2027, 7, 1), 100)))
		pr = must(s.Progress(ctx, coord(w), next))
		if pr.Previous == nil || pr.Previous.ID != c.ID || pr.Items[0].Before != 1 {
			t.Errorf("next year's previous %+v, before %d", pr.Previous, pr.Items[0].Before)
		}
		// A sponsor sees no figures of a campaign they cannot see.
		if _, err := s.Progress(ctx, w.Principal(access.Sponsor), c); err == nil {
			t.Error("sponsor read the progress")
		}
	})
}
