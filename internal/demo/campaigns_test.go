package demo_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// The demo's campaigns: this year's "Road to School" open in Karaganda
// region against last year's 5,000 kits, devices in Astana and support
// for out-of-school children in Qazvin; seeding twice adds none.
func TestDemoCampaigns(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := services(t, db)
		for range 2 {
			if _, err := demo.Seed(ctx, svc, demo.Options{Now: now, NoRegistry: true}); err != nil {
				t.Fatal(err)
			}
		}
		list, err := svc.Campaigns.List(ctx, access.System, campaign.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		bySlug := map[string]campaign.Campaign{}
		for _, c := range list {
			bySlug[c.Slug] = c
		}
		if len(list) != 4 {
			t.Fatalf("%d demo campaigns, want 4", len(list))
		}
		road, err := svc.Campaigns.Public(ctx, "road-2026")
		if err != nil {
			t.Fatal(err)
		}
		if road.Status != campaign.Open || road.Text("en").Slogan != "From heart to heart" || road.Items[0].Target != 3500 ||
			len(road.Hotlines()) != 2 || len(road.Receptions()) != 2 || len(road.Partners) != 5 || road.Regions[0].Code != "KZ-35" {
			t.Errorf("this year's road: %+v", road)
		}
		pr, err := svc.Campaigns.Progress(ctx, access.System, road)
		if err != nil {
			t.Fatal(err)
		}
		if pr.Previous == nil || pr.Previous.Slug != "road-2025" || !pr.Previous.Reported || pr.Items[0].Before != 5000 {
			t.Errorf("compared with %+v, before %d", pr.Previous, pr.Items[0].Before)
		}
		if c := bySlug["devices-astana-2026"]; c.Programme != campaign.Devices || c.Status != campaign.Open {
			t.Errorf("devices: %+v", c)
		}
		q, err := svc.Campaigns.Public(ctx, "qazvin-back-to-class-2026")
		if err != nil || q.Programme != campaign.OutOfSchool || q.Text("fa").Name != "بازگشت به کلاس" || q.Regions[0].Code != "IR-26" {
			t.Errorf("qazvin: %+v %v", q, err)
		}
	})
}
