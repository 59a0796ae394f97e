package campaigns_test

import (
	"net/url"
	"os"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/web/webtest"
)

// TestMain runs the tests on SQLite, or on PostgreSQL when asked.
func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func must[T any](v T, err error) T { return webtest.Must(v, err) }

// kitID is the id of the built-in catalogue entry code.
func kitID(t *testing.T, f *webtest.Fixture, code string) string {
	t.Helper()
	for _, it := range must(f.Svc.Campaigns.Items(t.Context(), access.System, true)) {
		if it.Code == code {
			return webtest.Itoa(it.ID)
		}
	}
	t.Fatalf("no catalogue entry %s", code)
	return ""
}

// roadForm is the form of a campaign of the fixture's organisation in
// Almaty, offering 3,500 primary kits.
func roadForm(t *testing.T, f *webtest.Fixture) url.Values {
	return url.Values{
		"slug": {"road-2026"}, "programme": {"kits"}, "organiser_id": {webtest.Itoa(f.Org.ID)},
		"starts_on": {"2026-07-01"}, "ends_on": {"2026-09-30"}, "budget": {"1000000"}, "currency": {"KZT"},
		"name_en": {"Road to School"}, "slogan_en": {"From heart to heart"}, "who_en": {"Families of pupils in grades 1-4."},
		"name_fa": {"راه مدرسه"}, "slogan_fa": {"از دل به دل"},
		"regions":                              {"KZ-75"},
		"target_" + kitID(t, f, "primary_kit"): {"3500"},
		"n_contacts":                           {"2"}, "contact_kind_1": {"hotline"}, "contact_phone_1": {"8 800 080 47 47"},
		"contact_kind_2": {"reception"}, "contact_address_2": {"Abay Ave 10, Almaty"}, "contact_hours_2": {"Mon-Fri 9:00-18:00"},
		"n_partners": {"0"}, "n_targets": {"1"}, "rt_item_1": {kitID(t, f, "primary_kit")}, "rt_region_1": {"KZ-75"}, "rt_target_1": {"3500"},
		"version": {"0"},
	}
}

// created returns the campaign a form made, by its slug.
func created(t *testing.T, f *webtest.Fixture, slug string) campaign.Campaign {
	t.Helper()
	for _, c := range must(f.Svc.Campaigns.List(t.Context(), access.System, campaign.Filter{})) {
		if c.Slug == slug {
			return must(f.Svc.Campaigns.Get(t.Context(), access.System, c.ID))
		}
	}
	t.Fatalf("no campaign %s", slug)
	return campaign.Campaign{}
}
