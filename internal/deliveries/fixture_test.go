package deliveries_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// fix is a world with a delivery campaign of the Foundation open in
// Almaty (offering the primary kit, backpacks, school uniforms and
// computers), a central warehouse of the Foundation in Almaty, beside the
// world's Support centre an adaptation centre, an empty support centre
// and a school, rosters for the two centres, and the logins that act on
// deliveries: a coordinator, a warehouse keeper of the Foundation and a
// staff login of each centre.
type fix struct {
	*testworld.World
	s                 *deliveries.Service
	ctx               context.Context
	coord, keeper     access.Principal
	staff, adaptStaff access.Principal
	adapt, empty      orgs.Organisation
	central           stock.Warehouse
	campaign          campaign.Campaign
	kit, backpack     int64
	uniform, pc       int64
	due               time.Time
}

func setup(t *testing.T, w *testworld.World) *fix {
	t.Helper()
	ctx := t.Context()
	f := &fix{World: w, s: w.Services.Deliveries, ctx: ctx, coord: w.Principal(access.Coordinator),
		due: testworld.Day(2026, 9, 20)}
	for code, id := range map[string]*int64{"primary_kit": &f.kit, "backpack": &f.backpack, "school_uniform": &f.uniform,
		"computer": &f.pc} {
		*id = f.scalar(t, "SELECT id FROM aid_items WHERE code = $1", code)
	}
	f.adapt = w.Org(t, orgs.Input{Name: "Adaptation centre", Type: orgs.AdaptationCentre, ParentID: w.Foundation.ID,
		RegionCode: "KZ-75"})
	f.empty = w.Org(t, orgs.Input{Name: "Empty centre", Type: orgs.SupportCentre, ParentID: w.Foundation.ID,
		RegionCode: "KZ-75"})
	f.keeper = w.User(t, accounts.NewUser{Email: "keeper@example.org", Name: "Keeper", Role: access.Warehouse,
		OrgID: w.Foundation.ID}).Principal()
	f.staff = w.User(t, accounts.NewUser{Email: "centre@example.org", Name: "Centre staff", Role: access.SchoolStaff,
		OrgID: w.Centre.ID}).Principal()
	f.adaptStaff = w.User(t, accounts.NewUser{Email: "adapt@example.org", Name: "Adaptation staff",
		Role: access.SchoolStaff, OrgID: f.adapt.ID}).Principal()
	// The Support centre's roster: three pupils in grade 1, two in grade 4
	// and one in grade 5; the adaptation centre's: two in grade 2.
	for i, g := range []int{1, 1, 1, 4, 4, 5} {
		f.pupil(t, w.Centre.ID, g, i)
	}
	f.pupil(t, f.adapt.ID, 2, 10)
	f.pupil(t, f.adapt.ID, 2, 11)
	var err error
	f.central, err = w.Services.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-C",
		Name: "Central warehouse", Kind: stock.Store, OrgID: w.Foundation.ID, RegionCode: "KZ-75", Active: true})
	must(t, err)
	c, err := w.Services.Campaigns.Create(ctx, f.coord, campaign.Input{Slug: "backpacks", Programme: campaign.Delivery,
		OrganiserID: w.Foundation.ID, StartsOn: testworld.Day(2026, 7, 1), EndsOn: testworld.Day(2026, 9, 30),
		Texts: []campaign.Text{{Locale: "en", Name: "A backpack for every pupil in care"}}, RegionCodes: []string{"KZ-75"},
		Items: []campaign.Offered{{Code: "primary_kit", Target: 100}, {Code: "backpack", Target: 100},
			{Code: "school_uniform", Target: 10}, {Code: "computer", Target: 5}}})
	must(t, err)
	f.campaign, err = w.Services.Campaigns.Transition(ctx, f.coord, c.ID, c.Version, campaign.Open)
	must(t, err)
	return f
}

// pupil registers a pupil of organisation org in grade.
func (f *fix) pupil(t *testing.T, org int64, grade, n int) {
	t.Helper()
	in := f.Child("Pupil", string(rune('A'+n)), testworld.Day(2016, 5, 1))
	in.OrgID, in.Grade = org, grade
	f.Person(t, in)
}

// stockUp receives n units of item at the central warehouse.
func (f *fix) stockUp(t *testing.T, item, n int64) {
	t.Helper()
	donor, err := f.Services.Stock.CreateDonor(f.ctx, access.System, stock.DonorInput{Name: "Donor", Kind: stock.DonorCompany,
		OrgID: f.Foundation.ID})
	must(t, err)
	_, err = f.Services.Stock.Receive(f.ctx, access.System, stock.ReceiptInput{WarehouseID: f.central.ID,
		Kind: stock.Donation, DonorID: donor.ID, Lines: []stock.Line{{ItemID: item, Quantity: n}}})
	must(t, err)
}

// kitsPerPupil is a plan of one primary kit per pupil in grades 1–4 for
// the support and adaptation centres.
func (f *fix) kitsPerPupil() deliveries.PlanInput {
	return deliveries.PlanInput{CampaignID: f.campaign.ID, WarehouseID: f.central.ID, DueOn: f.due,
		Types: []orgs.Type{orgs.SupportCentre, orgs.AdaptationCentre},
		Lines: []deliveries.LineInput{{ItemID: f.kit, Rule: deliveries.PerPupil, GradeMin: 1, GradeMax: 4, PerPupil: 1}}}
}

// planned plans kitsPerPupil and returns the deliveries by institution.
func (f *fix) planned(t *testing.T) map[int64]deliveries.Delivery {
	t.Helper()
	res, err := f.s.Plan(f.ctx, f.coord, f.kitsPerPupil())
	must(t, err)
	out := map[int64]deliveries.Delivery{}
	for _, d := range res.Deliveries {
		out[d.OrgID] = d
	}
	return out
}

func (f *fix) scalar(t *testing.T, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := f.DB.W.QueryRowContext(f.ctx, store.Rebind(f.DB.Engine, query), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// state is the deliveries, their lines, the ledger's size and the change
// log's, to compare before and after a refusal.
func (f *fix) state(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		"SELECT count(*) FROM deliveries", "SELECT COALESCE(SUM(version), 0) FROM deliveries",
		"SELECT COALESCE(SUM(dispatched), 0) FROM delivery_lines", "SELECT count(received) FROM delivery_lines",
		"SELECT count(*) FROM stock_docs", "SELECT COALESCE(SUM(on_hand), 0) FROM stock_balances",
		"SELECT count(*) FROM audit_log WHERE entity IN ('delivery', 'stock_doc')",
	} {
		b.WriteString(strconv.FormatInt(f.scalar(t, q), 10))
		b.WriteString(" ")
	}
	return b.String()
}

// wantKey fails unless err is a domain error with key (in its fields
// when it is a validation error).
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
	t.Fatalf("got %v, want %s", err, key)
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// staffOf is a new staff login of organisation org.
func (f *fix) staffOf(t *testing.T, org int64) access.Principal {
	t.Helper()
	return f.User(t, accounts.NewUser{Email: "staff" + strconv.FormatInt(org, 10) + "@example.org", Name: "Staff",
		Role: access.SchoolStaff, OrgID: org}).Principal()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
