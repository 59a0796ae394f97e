package demo_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/requests"
	svcs "github.com/jolproject/jol/internal/services"
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

// Loaded in December, after this year's "Road to School" would have
// closed, the demo still has it taking applications today for its 92
// days, last year's a year before it, and requests for every current
// campaign, the last of them submitted no later than today. Loaded in
// July, it runs on its usual dates (without the registry, which is slow
// to load and tested above on 1 August).
func TestDemoCampaignsTakeApplicationsWhenLoaded(t *testing.T) {
	for _, day := range []time.Time{
		time.Date(2026, 12, 6, 19, 0, 0, 0, time.UTC),
		time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC),
	} {
		t.Run(day.Format("2006-01-02"), func(t *testing.T) {
			clock := func() time.Time { return day }
			svc, err := svcs.New(ctx, storetest.SQLite(t), svcs.Options{Now: clock,
				Hasher: accounts.NewHasher(accounts.Params{Memory: 64, Time: 1, Threads: 1}, 2)})
			if err != nil {
				t.Fatal(err)
			}
			july := day.Month() == time.July
			if _, err := demo.Seed(ctx, svc, demo.Options{Now: clock, NoRegistry: july}); err != nil {
				t.Fatal(err)
			}
			y := strconv.Itoa(day.Year())
			road, err := svc.Campaigns.Public(ctx, "road-"+y)
			if err != nil {
				t.Fatal(err)
			}
			if !road.Taking(store.Day(day)) || road.EndsOn.Sub(road.StartsOn) != 91*24*time.Hour {
				t.Errorf("road-%s runs %v – %v, status %s", y, road.StartsOn, road.EndsOn, road.Status)
			}
			if day.Month() == time.July && !road.StartsOn.Equal(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("in July the road starts on %v, want its usual 1 July", road.StartsOn)
			}
			pr, err := svc.Campaigns.Progress(ctx, access.System, road)
			if err != nil {
				t.Fatal(err)
			}
			if p := pr.Previous; p == nil || p.Slug != "road-"+strconv.Itoa(day.Year()-1) || !p.Reported || pr.Items[0].Before != 5000 {
				t.Errorf("previous %+v", p)
			}
			for _, slug := range []string{"road-", "devices-astana-", "qazvin-back-to-class-"} {
				c, err := svc.Campaigns.Public(ctx, slug+y)
				if err != nil {
					t.Fatal(err)
				}
				if !c.Taking(store.Day(day)) {
					t.Errorf("%s: %v – %v does not take applications on %v", c.Slug, c.StartsOn, c.LastApplyDay(), day)
				}
				rows, _, err := svc.Requests.List(ctx, access.System, requests.Filter{CampaignID: c.ID}, store.Page{Limit: 100})
				if err != nil {
					t.Fatal(err)
				}
				if len(rows) < 3 && !july {
					t.Errorf("%s: %d requests", c.Slug, len(rows))
				}
				for _, r := range rows {
					if r.SubmittedAt.After(day) || r.SubmittedAt.Before(c.StartsOn) {
						t.Errorf("%s: request %s submitted on %v", c.Slug, r.Reference, r.SubmittedAt)
					}
				}
			}
		})
	}
}
