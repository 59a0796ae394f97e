package public_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/testworld"
)

// The form reads its campaign through the campaign service: the texts in
// each language falling back to the organiser's, the regions with their
// names, the active items offered with their sizing, the last day of
// applications, no rules (none are set); a draft is not found.
func TestCampaignThroughTheCampaignService(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.exec(t, `UPDATE campaign_texts SET who_may_apply = 'Pupils of grades 1–4' WHERE campaign_id = $1 AND locale = 'en'`, f.c.ID)
		f.exec(t, `UPDATE campaigns SET apply_until = $2 WHERE id = $1`, f.c.ID, time.Date(w.Clock.Now().Year(), 9, 15, 0, 0, 0, 0, time.UTC))
		f.exec(t, `UPDATE aid_items SET active = false WHERE id = $1`, f.c.Shoes)
		c, err := f.s.Campaign(ctx, "road")
		if err != nil {
			t.Fatal(err)
		}
		if c.Names.In("kk") != "Мектепке жол" || c.Names.In("en") != "Road to School" || c.WhoMayApply.In("en") != "Pupils of grades 1–4" {
			t.Errorf("names %+v, who may apply %+v", c.Names, c.WhoMayApply)
		}
		if fr := c.Names.In("fr"); fr != "Мектепке жол" && fr != "Road to School" {
			t.Errorf("no French name: %q, want the organiser's language's", fr)
		}
		if len(c.Regions) != 1 || c.Regions[0].Code != "KZ-75" || c.Regions[0].ID == 0 || c.Regions[0].Names.In("en") == "" {
			t.Errorf("regions %+v", c.Regions)
		}
		if len(c.Items) != 2 || c.Items[0].ID != f.c.Kit || !c.Items[0].IsKit || c.Items[1].Sizing != "clothes" {
			t.Errorf("items %+v", c.Items)
		}
		if c.ApplyUntil.Month() != time.September || c.ApplyUntil.Day() != 15 || c.Status != "open" || c.Programme != "kits" {
			t.Errorf("until %v, status %s, programme %s", c.ApplyUntil, c.Status, c.Programme)
		}
		if c.Rules.Version != 0 || c.Rules.Age != nil || c.OrganiserID != w.Foundation.ID || c.OrganiserPath != w.Foundation.Path {
			t.Errorf("rules %+v (want none), organiser %d %s", c.Rules, c.OrganiserID, c.OrganiserPath)
		}
		f.exec(t, `UPDATE campaigns SET status = 'draft' WHERE id = $1`, f.c.ID)
		if _, err := f.s.Campaign(ctx, "road"); errs.CodeOf(err) != errs.NotFound {
			t.Errorf("a draft: %v", err)
		}
	})
}
