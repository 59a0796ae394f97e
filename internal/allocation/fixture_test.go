package allocation_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// districts are regions below Karaganda Region and Almaty for the tests:
// the reference data stops at the first level.
const districts = `code,parent_code,type,name_en,name_ru
KZ-35-01,KZ-35,district,Karaganda city,Караганда
KZ-35-02,KZ-35,district,Temirtau,Темиртау
KZ-75-01,KZ-75,district,Medeu,Медеуский район
`

// world is a test world with the districts, a donor, and persons to file
// requests for, made as they are needed.
type world struct {
	*testworld.World
	ctx     context.Context
	s       *allocation.Service
	donor   stock.Donor
	persons []int64
	orgs    int
}

func newWorld(t *testing.T, w *testworld.World) *world {
	t.Helper()
	x := &world{World: w, ctx: t.Context(), s: w.Services.Allocation}
	if _, err := w.Services.Geo.Import(x.ctx, access.System, strings.NewReader(districts)); err != nil {
		t.Fatal(err)
	}
	var err error
	x.donor, err = w.Services.Stock.CreateDonor(x.ctx, access.System, stock.DonorInput{Name: "Steel Co",
		Kind: stock.DonorCompany, OrgID: w.Foundation.ID})
	must(t, err)
	return x
}

// fix is one campaign of a world: open all year, offering a kit, a
// uniform (clothes sizes) and shoes, organised by an organisation of its
// own under the Foundation, so its warehouses are its own.
type fix struct {
	*world
	org orgs.Organisation
	c   requeststest.Campaign
	n   int // requests filed
}

func (x *world) campaign(t *testing.T, slug string) *fix {
	t.Helper()
	x.orgs++
	org := x.Org(t, orgs.Input{Name: fmt.Sprintf("Organiser %d", x.orgs), Type: orgs.Foundation,
		ParentID: x.Foundation.ID, RegionCode: "KZ"})
	return &fix{world: x, org: org, c: requeststest.Open(t, x.DB, testworld.Epoch(), slug, org.ID, org.Path)}
}

// warehouse opens a warehouse of the campaign's organiser in region code.
func (f *fix) warehouse(t *testing.T, name, code string) stock.Warehouse {
	t.Helper()
	f.orgs++
	w, err := f.Services.Stock.CreateWarehouse(f.ctx, access.System, stock.WarehouseInput{
		Code: fmt.Sprintf("W%d", f.orgs), Name: name, Kind: stock.Store, OrgID: f.org.ID, RegionCode: code, Active: true})
	must(t, err)
	return w
}

// receive takes a donation of lines into warehouse w.
func (f *fix) receive(t *testing.T, w stock.Warehouse, lines ...stock.Line) {
	t.Helper()
	_, err := f.Services.Stock.Receive(f.ctx, access.System, stock.ReceiptInput{WarehouseID: w.ID, Kind: stock.Donation,
		DonorID: f.donor.ID, Lines: lines})
	must(t, err)
}

// ask is a line of a request: an item in a size, of quantity 1 unless
// given.
type ask struct {
	item     int64
	size     string
	quantity int
}

// request files a request in the campaign for a new person of region
// code, in status, made at, with its current eligibility result (score;
// eligible or not), written as rows: what Submit, the review and
// Rescore would leave. It returns the request's id.
func (f *fix) request(t *testing.T, code, status string, score int, eligible bool, at time.Time, lines ...ask) int64 {
	t.Helper()
	f.n++
	if f.n > len(f.persons) {
		p := f.Person(t, f.Child("Child", fmt.Sprintf("N%d", f.n), testworld.Day(2016, 1, 1)))
		f.persons = append(f.persons, p.ID)
	}
	id := f.scalar(t, `INSERT INTO requests (reference, campaign_id, person_id, applicant_kind, channel, locale, status,
		org_path, region_id, region_path, version, submitted_at, updated_at)
		SELECT $1, $2, $3, 'parent', 'centre', 'en', $4, $5, id, path, 3, $6, $6 FROM regions WHERE code = $7
		RETURNING id`, fmt.Sprintf("T%d-%d", f.c.ID, f.n), f.c.ID, f.persons[f.n-1], status, f.School.Path, at, code)
	for i, l := range lines {
		f.exec(t, "INSERT INTO request_lines (request_id, line, item_id, quantity, size) VALUES ($1, $2, $3, $4, $5)",
			id, i+1, l.item, max(l.quantity, 1), l.size)
	}
	verdict := "eligible"
	if !eligible {
		verdict = "ineligible"
	}
	region, err := f.Services.Geo.Lookup(f.ctx, code)
	must(t, err)
	f.exec(t, `INSERT INTO request_scores (request_id, campaign_id, run, status, score, rank_region, requested_at)
		VALUES ($1, $2, 1, $3, $4, $5, $6)`, id, f.c.ID, verdict, score, eligibility.RankRegion(region.Path, 2), at)
	return id
}

// hold reserves line of request at warehouse w outside any run, as a
// run before would have.
func (f *fix) hold(t *testing.T, request int64, line int, w stock.Warehouse, item int64, size string) {
	t.Helper()
	must(t, f.DB.Tx(f.ctx, func(tx *sql.Tx) error {
		return f.Services.Stock.Reserve(f.ctx, tx, []stock.Hold{{RequestID: request, Line: line, WarehouseID: w.ID,
			ItemID: item, Size: size, Quantity: 1}})
	}))
}

func (f *world) scalar(t *testing.T, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := f.DB.W.QueryRowContext(f.ctx, store.Rebind(f.DB.Engine, query), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func (f *world) exec(t *testing.T, query string, args ...any) {
	t.Helper()
	if _, err := f.DB.W.ExecContext(f.ctx, store.Rebind(f.DB.Engine, query), args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// status is request id's status.
func (f *world) status(t *testing.T, id int64) string {
	t.Helper()
	var s string
	if err := f.DB.R.QueryRowContext(f.ctx, store.Rebind(f.DB.Engine, "SELECT status FROM requests WHERE id = $1"),
		id).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// wantKey fails unless err is a domain error with key, itself or in one
// of its fields.
func wantKey(t *testing.T, err error, key string) {
	t.Helper()
	e := errs.As(err)
	if e == nil {
		t.Fatalf("got %v, want %s", err, key)
	}
	if e.Key == key {
		return
	}
	for _, fe := range e.Fields {
		if fe.Key == key {
			return
		}
	}
	t.Fatalf("got %v (%s), want %s", err, e.Key, key)
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
