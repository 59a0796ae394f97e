package requests_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var (
	clock = func() time.Time { return time.Date(2026, 8, 1, 8, 0, 0, 0, time.UTC) }
	admin = access.Principal{UserID: 1, Name: "Admin", Role: access.Admin}
	ctx   = context.Background()
)

// world is a foundation with a school in Karaganda and one in Almaty,
// an operator of each, a campaign open in Karaganda region offering a kit
// (no sizes), a school uniform (clothes) and shoes, and the services.
type world struct {
	db                          *store.DB
	s                           *requests.Service
	reg                         *people.Service
	log                         *audit.Log
	found, k, a                 orgs.Organisation
	opK, opA                    access.Principal
	coord                       access.Principal
	campaign                    int64
	kit, uniform, shoes, laptop int64 // laptop is in the catalogue, not offered
}

func setup(t testing.TB, db *store.DB) *world {
	t.Helper()
	log, err := audit.New(db, clock)
	must(t, err)
	g, err := geo.New(db, log, clock)
	must(t, err)
	must(t, g.Seed(ctx))
	o, err := orgs.New(db, log, clock)
	must(t, err)
	mk := func(name string, typ orgs.Type, parent int64, region string) orgs.Organisation {
		org, err := o.Create(ctx, admin, orgs.Input{Name: name, Type: typ, ParentID: parent, RegionCode: region})
		must(t, err)
		return org
	}
	w := &world{db: db, log: log}
	w.found = mk("Foundation", orgs.Foundation, 0, "KZ")
	w.k = mk("School K", orgs.School, w.found.ID, "KZ-35")
	w.a = mk("School A", orgs.School, w.found.ID, "KZ-75")
	w.opK = access.Principal{UserID: 2, Name: "Operator K", Role: access.Operator, OrgID: w.k.ID, OrgPath: w.k.Path}
	w.opA = access.Principal{UserID: 3, Name: "Operator A", Role: access.Operator, OrgID: w.a.ID, OrgPath: w.a.Path}
	w.coord = access.Principal{UserID: 4, Name: "Coordinator", Role: access.Coordinator, OrgID: w.found.ID, OrgPath: w.found.Path}
	w.reg, err = people.New(db, log, clock)
	must(t, err)
	must(t, w.reg.Seed(ctx))
	w.s, err = requests.New(db, log, clock)
	must(t, err)
	w.reg.OnMerge(requests.MergeHook, w.s.Moves())
	w.campaign = w.mkCampaign(t, "road-2026", "open", "KZ-35")
	w.kit = w.mkItem(t, "kit_primary", "none", true)
	w.uniform = w.mkItem(t, "school_uniform", "clothes", false)
	w.shoes = w.mkItem(t, "shoes", "shoes", false)
	w.laptop = w.mkItem(t, "laptop", "none", false)
	for _, it := range []int64{w.kit, w.uniform, w.shoes} {
		w.exec(t, "INSERT INTO campaign_items (campaign_id, item_id, target, position) VALUES ($1, $2, 100, 0)", w.campaign, it)
	}
	return w
}

// mkCampaign inserts a campaign of the foundation running through
// August 2026, covering the regions given by code.
func (w *world) mkCampaign(t testing.TB, slug, status string, regions ...string) int64 {
	t.Helper()
	var id int64
	now := clock()
	err := w.db.W.QueryRowContext(ctx, store.Rebind(w.db.Engine, `INSERT INTO campaigns (slug, programme, organiser_id,
		org_path, starts_on, ends_on, status, created_at, updated_at) VALUES ($1, 'kits', $2, $3, $4, $5, $6, $7, $7)
		RETURNING id`), slug, w.found.ID, w.found.Path, day(2026, 7, 1), day(2026, 8, 31), status, now).Scan(&id)
	must(t, err)
	for _, code := range regions {
		w.exec(t, `INSERT INTO campaign_regions (campaign_id, region_id, region_path)
			SELECT $1, id, path FROM regions WHERE code = $2`, id, code)
	}
	return id
}

func (w *world) mkItem(t testing.TB, code, sizing string, kit bool) int64 {
	t.Helper()
	var id int64
	err := w.db.W.QueryRowContext(ctx, store.Rebind(w.db.Engine, `INSERT INTO aid_items (code, is_kit, sizing, name_en)
		VALUES ($1, $2, $3, $1) RETURNING id`), code, kit, sizing).Scan(&id)
	must(t, err)
	return id
}

func (w *world) exec(t testing.TB, q string, args ...any) {
	t.Helper()
	if _, err := w.db.W.ExecContext(ctx, store.Rebind(w.db.Engine, q), args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// child registers a pupil of org in region code.
func (w *world) child(t testing.TB, org orgs.Organisation, region, last, first string) people.Person {
	t.Helper()
	per, err := w.reg.Create(ctx, admin, people.Input{LastName: last, FirstName: first, BirthDate: day(2017, 3, 4),
		RegionCode: region, OrgID: org.ID, Status: people.Pupil, Grade: 3})
	must(t, err)
	return per
}

// input is a request by a parent at a centre for a kit.
func (w *world) input(personID int64) requests.Input {
	return requests.Input{CampaignID: w.campaign, PersonID: personID, ApplicantKind: requests.ByParent,
		ApplicantName: "Aigerim Sadykova", ApplicantPhone: "+7 701 123 45 67", Channel: requests.Centre, Locale: "kk",
		Lines: []requests.LineInput{{ItemID: w.kit}}, Via: "web"}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// keyOf is the message key of a domain error, with its field errors.
func keyOf(err error) string {
	e := errs.As(err)
	if e == nil {
		return "not a domain error: " + errString(err)
	}
	k := string(e.Code) + " " + e.Key
	for _, f := range e.Fields {
		k += "; " + f.Field + " " + f.Key
	}
	return k
}

func errString(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}
