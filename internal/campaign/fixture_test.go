package campaign_test

import (
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var day = testworld.Day

// road is a campaign of the Foundation offering the primary kit in
// Almaty, starting on start.
func road(w *testworld.World, slug string, start time.Time, target int) campaign.Input {
	return campaign.Input{Slug: slug, Programme: campaign.Kits, OrganiserID: w.Foundation.ID,
		StartsOn: start, EndsOn: start.AddDate(0, 3, -1), Budget: 5000000, Currency: "KZT",
		Texts: []campaign.Text{{Locale: "en", Name: "Road to School", Slogan: "From heart to heart"},
			{Locale: "fa", Name: "راه مدرسه", Slogan: "از دل به دل"}},
		RegionCodes: []string{"KZ-75"},
		Partners:    []campaign.Partner{{OrgID: w.School.ID, Role: "school"}},
		Contacts: []campaign.Contact{{Kind: campaign.Hotline, Phone: "8 800 080 47 47"},
			{Kind: campaign.Reception, Address: "Abay Ave 10", Hours: "Mon–Fri 9–18", RegionCode: "KZ-75"}},
		Items:   []campaign.Offered{{Code: "primary_kit", Target: target}},
		Targets: []campaign.RegionTarget{{ItemCode: "primary_kit", RegionCode: "KZ-75", Target: target}},
	}
}

func coord(w *testworld.World) access.Principal { return w.Principal(access.Coordinator) }

// must is v, or a panic, which fails the test with its stack, on err.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// fieldErr returns the key of the field error on field, "" when none.
func fieldErr(err error, field string) string {
	if e := errs.As(err); e != nil {
		for _, f := range e.Fields {
			if f.Field == field {
				return f.Key
			}
		}
	}
	return ""
}

// request writes a request of a new child of the School in campaign c
// with one line of item, in status, the way the requests package does:
// this package only counts them.
func request(t *testing.T, w *testworld.World, c campaign.Campaign, item int64, qty int, status, regionPath string) {
	t.Helper()
	p := w.Person(t, people.Input{LastName: "Test", FirstName: status, RegionCode: "KZ-75", OrgID: w.School.ID})
	ctx := t.Context()
	now := w.Clock.Now()
	var id int64
	var region int64
	if err := w.DB.R.QueryRowContext(ctx, store.Rebind(w.DB.Engine, `SELECT id FROM regions WHERE path = $1`), regionPath).Scan(&region); err != nil {
		t.Fatal(err)
	}
	err := w.DB.W.QueryRowContext(ctx, store.Rebind(w.DB.Engine, `INSERT INTO requests
		(reference, campaign_id, person_id, applicant_kind, channel, status, region_id, region_path, submitted_at, updated_at)
		VALUES ($1, $2, $3, 'parent', 'web', $4, $5, $6, $7, $7) RETURNING id`),
		"R-"+itoa(p.ID), c.ID, p.ID, status, region, regionPath, now).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.DB.W.ExecContext(ctx, store.Rebind(w.DB.Engine,
		`INSERT INTO request_lines (request_id, line, item_id, quantity) VALUES ($1, 1, $2, $3)`), id, item, qty); err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
