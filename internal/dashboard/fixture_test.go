package dashboard_test

import (
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func day(y int, m time.Month, d int) time.Time { return testworld.Day(y, m, d) }

func coord(w *testworld.World) access.Principal { return w.Principal(access.Coordinator) }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// road is a kits campaign of the Foundation in Karaganda (KZ-35) and
// Almaty (KZ-75), offering one kit with a target in each.
func road(w *testworld.World, slug string, start time.Time) campaign.Input {
	return campaign.Input{Slug: slug, Programme: campaign.Kits, OrganiserID: w.Foundation.ID,
		StartsOn: start, EndsOn: start.AddDate(0, 3, -1), Budget: 5000000, Currency: "KZT",
		Texts:       []campaign.Text{{Locale: "en", Name: "Road to School " + slug}, {Locale: "fa", Name: "راه مدرسه"}},
		RegionCodes: []string{"KZ-75", "KZ-35"},
		Items:       []campaign.Offered{{Code: "primary_kit", Target: 10}},
		Targets: []campaign.RegionTarget{{ItemCode: "primary_kit", RegionCode: "KZ-75", Target: 6},
			{ItemCode: "primary_kit", RegionCode: "KZ-35", Target: 4}},
	}
}

// request writes a request of a new child in campaign c with one line of
// item, in status, in the region at path, the child holding category cat
// when not 0 — the way the requests package writes them.
func request(t *testing.T, w *testworld.World, c campaign.Campaign, item int64, qty int, status, regionPath string, cat int64) {
	t.Helper()
	var cats []int64
	if cat != 0 {
		cats = append(cats, cat)
	}
	ask(t, w, c.ID, status, regionPath, cats, line{item, qty, ""})
}

// line is a line of a request: an item, how many, in which size.
type line struct {
	item int64
	qty  int
	size string
}

// ask writes a request of a new child in campaign id with lines, in
// status, in the region at path, the child holding categories cats.
func ask(t *testing.T, w *testworld.World, id int64, status, regionPath string, cats []int64, lines ...line) {
	t.Helper()
	p := w.Person(t, people.Input{LastName: "Test", FirstName: status, RegionCode: "KZ-75", OrgID: w.School.ID})
	ctx, now := t.Context(), w.Clock.Now()
	var rid, region int64
	if err := w.DB.R.QueryRowContext(ctx, store.Rebind(w.DB.Engine, `SELECT id FROM regions WHERE path = $1`), regionPath).Scan(&region); err != nil {
		t.Fatal(err)
	}
	err := w.DB.W.QueryRowContext(ctx, store.Rebind(w.DB.Engine, `INSERT INTO requests
		(reference, campaign_id, person_id, applicant_kind, channel, status, region_id, region_path, submitted_at, updated_at)
		VALUES ($1, $2, $3, 'parent', 'web', $4, $5, $6, $7, $7) RETURNING id`),
		"R-"+strconv.FormatInt(p.ID, 10), id, p.ID, status, region, regionPath, now).Scan(&rid)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range lines {
		exec(t, w, `INSERT INTO request_lines (request_id, line, item_id, quantity, size) VALUES ($1, $2, $3, $4, $5)`,
			rid, i+1, l.item, l.qty, l.size)
	}
	for _, cat := range cats {
		exec(t, w, `INSERT INTO person_categories (person_id, category_id, assigned_at) VALUES ($1, $2, $3)`, p.ID, cat, now)
	}
}

func exec(t *testing.T, w *testworld.World, q string, args ...any) {
	t.Helper()
	if _, err := w.DB.W.ExecContext(t.Context(), store.Rebind(w.DB.Engine, q), args...); err != nil {
		t.Fatal(err)
	}
}

// category is the id of the built-in category code.
func category(t *testing.T, w *testworld.World, code string) int64 {
	var id int64
	if err := w.DB.R.QueryRowContext(t.Context(), store.Rebind(w.DB.Engine, `SELECT id FROM categories WHERE code = $1`), code).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}
