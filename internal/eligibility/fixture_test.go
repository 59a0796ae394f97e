package eligibility_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var (
	ctx   = context.Background()
	clock = func() time.Time { return time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC) }
	admin = access.Principal{UserID: 1, Name: "Admin", Role: access.Admin}
)

// world is a foundation with a school in Karaganda region, the registry's
// categories, one campaign and a catalogue of a backpack, a laptop and a
// kit holding a backpack; persons and requests are added by the tests.
type world struct {
	db                    *store.DB
	s                     *eligibility.Service
	found, school         orgs.Organisation
	coord                 access.Principal
	campaign, other       int64
	backpack, laptop, kit int64
	region                map[string]int64 // region path by id
	category              map[string]int64 // category id by code
}

func setup(t testing.TB, db *store.DB) *world {
	t.Helper()
	log := must(audit.New(db, clock))
	g := must(geo.New(db, log, clock))
	check(t, g.Seed(ctx))
	o := must(orgs.New(db, log, clock))
	reg := must(people.New(db, log, clock))
	check(t, reg.Seed(ctx))
	w := &world{db: db, s: must(eligibility.New(db, log, clock)), region: map[string]int64{}, category: map[string]int64{}}
	w.found = must(o.Create(ctx, admin, orgs.Input{Name: "Foundation", Type: orgs.Foundation, RegionCode: "KZ"}))
	w.school = must(o.Create(ctx, admin, orgs.Input{Name: "School 1", Type: orgs.School, ParentID: w.found.ID, RegionCode: "KZ-35"}))
	w.coord = access.Principal{UserID: 4, Name: "Coordinator", Role: access.Coordinator, OrgID: w.found.ID, OrgPath: w.found.Path}
	for _, q := range []struct {
		sql string
		m   map[string]int64
	}{{"SELECT path, id FROM regions", w.region}, {"SELECT code, id FROM categories", w.category}} {
		rows, err := db.R.QueryContext(ctx, q.sql)
		check(t, err)
		for rows.Next() {
			var k string
			var id int64
			check(t, rows.Scan(&k, &id))
			q.m[k] = id
		}
		check(t, rows.Close())
	}
	now := clock()
	exec := func(q string, args ...any) int64 {
		var id int64
		check(t, db.W.QueryRowContext(ctx, store.Rebind(db.Engine, q+" RETURNING id"), args...).Scan(&id))
		return id
	}
	campaign := `INSERT INTO campaigns (slug, programme, organiser_id, org_path, starts_on, ends_on, created_at, updated_at)
		VALUES ($1, 'kits', $2, $3, $4, $5, $6, $6)`
	w.campaign = exec(campaign, "road-2026", w.found.ID, w.found.Path, day("2026-07-01"), day("2026-09-30"), now)
	w.other = exec(campaign, "devices-2026", w.found.ID, w.found.Path, day("2026-01-01"), day("2026-03-31"), now)
	item := `INSERT INTO aid_items (code, is_kit, name_en) VALUES ($1, $2, $3)`
	w.backpack = exec(item, "backpack", false, "Backpack")
	w.laptop = exec(item, "laptop", false, "Laptop")
	w.kit = exec(item, "primary-kit", true, "Primary kit")
	_, err := db.W.ExecContext(ctx, store.Rebind(db.Engine,
		"INSERT INTO kit_components (kit_id, component_id, quantity) VALUES ($1, $2, 1)"), w.kit, w.backpack)
	check(t, err)
	return w
}

// attach finds the world setup made earlier in db.
func attach(t testing.TB, db *store.DB) *world {
	t.Helper()
	log := must(audit.New(db, clock))
	o := must(orgs.New(db, log, clock))
	w := &world{db: db, s: must(eligibility.New(db, log, clock)), region: map[string]int64{}, category: map[string]int64{}}
	q := func(query string, arg any) int64 {
		var id int64
		check(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine, query), arg).Scan(&id))
		return id
	}
	w.found = must(o.Get(ctx, admin, q("SELECT id FROM organisations WHERE name = $1", "Foundation")))
	w.school = must(o.Get(ctx, admin, q("SELECT id FROM organisations WHERE name = $1", "School 1")))
	w.coord = access.Principal{UserID: 4, Name: "Coordinator", Role: access.Coordinator, OrgID: w.found.ID, OrgPath: w.found.Path}
	w.campaign = q("SELECT id FROM campaigns WHERE slug = $1", "road-2026")
	w.other = q("SELECT id FROM campaigns WHERE slug = $1", "devices-2026")
	w.backpack = q("SELECT id FROM aid_items WHERE code = $1", "backpack")
	w.laptop = q("SELECT id FROM aid_items WHERE code = $1", "laptop")
	w.kit = q("SELECT id FROM aid_items WHERE code = $1", "primary-kit")
	return w
}

// applicant is one child of the fixtures, with their household and one
// request in a campaign.
type applicant struct {
	id          int64 // person, household and request share it
	campaign    int64
	status      string
	region      string
	birth       time.Time
	grade       int
	income      string
	incomplete  bool
	children    int // of the household, this child included
	categories  map[string]time.Time
	items       []int64
	submitted   time.Time
	deliveredAt time.Time // the request was delivered then
	distanceM   int64     // from home to school; 0 when not known
}

// load writes applicants with store.Bulk in one transaction; applicant
// n's siblings get ids from 100,000,000 + 8n.
func (w *world) load(t testing.TB, apps []applicant) {
	t.Helper()
	now := clock()
	var hh, ps, members, reqs, lines, cats, events [][]any
	for _, a := range apps {
		sibling := 100_000_000 + 8*a.id
		rid := w.region[a.region]
		hh = append(hh, []any{a.id, rid, a.region, a.income, a.incomplete, now, now})
		ps = append(ps, []any{a.id, "Child", fmt.Sprint(a.id), store.NullDate(a.birth), rid, a.region, w.school.ID,
			w.school.Path, a.grade, a.id, now, now})
		members = append(members, []any{a.id, a.id, "child"})
		for range a.children - 1 {
			sibling++
			ps = append(ps, []any{sibling, "Sibling", "", store.NullDate(a.birth.AddDate(-2, 0, 0)), rid, a.region,
				w.school.ID, w.school.Path, 0, a.id, now, now})
			members = append(members, []any{sibling, a.id, "child"})
		}
		reqs = append(reqs, []any{a.id, fmt.Sprintf("R-%d", a.id), a.campaign, a.id, "parent", "hotline", a.status,
			rid, a.region, w.school.Path, a.submitted, now, store.NullID(a.distanceM)})
		for i, it := range a.items {
			lines = append(lines, []any{a.id, i + 1, it})
		}
		for code, exp := range a.categories {
			cats = append(cats, []any{a.id, w.category[code], store.NullDate(exp), now})
		}
		if !a.deliveredAt.IsZero() {
			events = append(events, []any{a.id, "allocated", "delivered", a.deliveredAt})
		}
	}
	conn, err := w.db.W.Conn(ctx)
	check(t, err)
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	check(t, err)
	defer tx.Rollback()
	for _, b := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"households", []string{"id", "region_id", "region_path", "income_category", "incomplete", "created_at", "updated_at"}, hh},
		{"persons", []string{"id", "last_name", "first_name", "birth_date", "region_id", "region_path", "org_id", "org_path",
			"grade", "household_id", "created_at", "updated_at"}, ps},
		{"household_members", []string{"person_id", "household_id", "relation"}, members},
		{"requests", []string{"id", "reference", "campaign_id", "person_id", "applicant_kind", "channel", "status",
			"region_id", "region_path", "org_path", "submitted_at", "updated_at", "distance_m"}, reqs},
		{"request_lines", []string{"request_id", "line", "item_id"}, lines},
		{"person_categories", []string{"person_id", "category_id", "expires_on", "assigned_at"}, cats},
		{"request_events", []string{"request_id", "from_status", "to_status", "at"}, events},
	} {
		check(t, store.Bulk(ctx, conn, b.table, b.cols, b.rows))
	}
	check(t, tx.Commit())
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
