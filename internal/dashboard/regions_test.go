package dashboard_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/dashboard"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/testworld"
)

// A campaign of two items sets each item's units in each region against
// the campaign's target for that item and region, and the children of a
// region against the largest of its item targets; each item has its own
// chart by region.
func TestRegionTargetsOfACampaignOfSeveralItems(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx := t.Context()
		in := road(w, "two-items", day(2026, 7, 1))
		in.Items = append(in.Items, campaign.Offered{Code: "backpack", Target: 20})
		in.Targets = append(in.Targets, campaign.RegionTarget{ItemCode: "backpack", RegionCode: "KZ-75", Target: 12})
		c := must(w.Services.Campaigns.Create(ctx, coord(w), in))
		c = must(w.Services.Campaigns.Transition(ctx, coord(w), c.ID, c.Version, campaign.Open))
		kit, backpack := c.Items[0].ItemID, c.Items[1].ItemID
		request(t, w, c, kit, 1, "approved", almaty, 0)
		request(t, w, c, backpack, 2, "delivered", almaty, 0)
		request(t, w, c, backpack, 5, "submitted", almaty, 0) // not reached
		request(t, w, c, kit, 1, "allocated", karaganda, 0)

		d := must(w.Services.Dashboard.Campaign(ctx, coord(w), c.ID, "en"))
		got := map[string]dashboard.RegionFigure{}
		for _, r := range d.Regions {
			got[r.Code] = r
		}
		ala, kar := got["KZ-75"], got["KZ-35"]
		if ala.Reached != 2 || ala.Target != 12 || kar.Reached != 1 || kar.Target != 4 {
			t.Fatalf("children by region: %+v", d.Regions)
		}
		want := map[string][]dashboard.RegionItem{
			"KZ-75": {{ItemID: kit, Reached: 1, Children: 1, Target: 6}, {ItemID: backpack, Reached: 2, Children: 1, Target: 12}},
			"KZ-35": {{ItemID: kit, Reached: 1, Children: 1, Target: 4}, {ItemID: backpack}},
		}
		for code, items := range want {
			if len(got[code].Items) != 2 || got[code].Items[0] != items[0] || got[code].Items[1] != items[1] {
				t.Errorf("%s: items %+v, want %+v", code, got[code].Items, items)
			}
		}

		cat := must(i18n.New())
		var ids []string
		for _, ch := range dashboard.Charts(d, cat.Localizer("ru")) {
			ids = append(ids, ch.ID)
			if ch.ID == "regions-item-"+itoa(backpack) {
				tb := ch.Table("ru")
				if len(tb.Rows) != 2 || len(ch.Targets) != 2 || ch.Targets[0]+ch.Targets[1] != 12 {
					t.Errorf("the backpacks' chart: %+v targets %v", tb.Rows, ch.Targets)
				}
			}
		}
		if !contains(ids, "regions-item-"+itoa(kit)) || !contains(ids, "regions-item-"+itoa(backpack)) {
			t.Errorf("charts %v", ids)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func contains(s []string, v string) bool { return slices.Contains(s, v) }
