package sponsors_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// fix is a world with a coordinator of the Foundation, a central
// warehouse of the Foundation in Almaty, an open kits campaign and an
// open delivery campaign, both in Almaty and offering backpacks.
type fix struct {
	*testworld.World
	s                *sponsors.Service
	ctx              context.Context
	coord            access.Principal
	central          stock.Warehouse
	kits, delivery   int64
	backpack         int64
	deliveryCampaign campaign.Campaign
}

func setup(t *testing.T, w *testworld.World) *fix {
	t.Helper()
	f := &fix{World: w, s: w.Services.Sponsors, ctx: t.Context(), coord: w.Principal(access.Coordinator)}
	f.backpack = f.scalar(t, "SELECT id FROM aid_items WHERE code = 'backpack'")
	var err error
	f.central, err = w.Services.Stock.CreateWarehouse(f.ctx, access.System, stock.WarehouseInput{Code: "ALA-C",
		Name: "Central warehouse", Kind: stock.Store, OrgID: w.Foundation.ID, RegionCode: "KZ-75", Active: true})
	must(t, err)
	f.kits = f.scalar(t, `INSERT INTO campaigns (slug, programme, organiser_id, org_path, starts_on, ends_on, status,
		created_at, updated_at) VALUES ('road', 'kits', $1, $2, $3, $4, 'open', $5, $5) RETURNING id`,
		w.Foundation.ID, w.Foundation.Path, testworld.Day(2026, 1, 1), testworld.Day(2026, 12, 31), testworld.Epoch())
	for _, it := range []int64{f.backpack} {
		f.scalar(t, "INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 100) RETURNING item_id",
			f.kits, it)
	}
	c, err := w.Services.Campaigns.Create(f.ctx, f.coord, campaign.Input{Slug: "backpacks", Programme: campaign.Delivery,
		OrganiserID: w.Foundation.ID, StartsOn: testworld.Day(2026, 7, 1), EndsOn: testworld.Day(2026, 9, 30),
		Texts: []campaign.Text{{Locale: "en", Name: "Backpacks for centres"}}, RegionCodes: []string{"KZ-75"},
		Items: []campaign.Offered{{Code: "backpack", Target: 100}}})
	must(t, err)
	f.deliveryCampaign, err = w.Services.Campaigns.Transition(f.ctx, f.coord, c.ID, c.Version, campaign.Open)
	must(t, err)
	f.delivery = c.ID
	return f
}

// sponsor records a sponsor of the Foundation.
func (f *fix) sponsor(t *testing.T, name string, in sponsors.Input) sponsors.Sponsor {
	t.Helper()
	in.Name = name
	if in.Kind == "" {
		in.Kind = stock.DonorCompany
	}
	if in.OrgID == 0 {
		in.OrgID = f.Foundation.ID
	}
	sp, err := f.s.Create(f.ctx, f.coord, in)
	must(t, err)
	return sp
}

// donate receives n units of item from sponsor sp at the central
// warehouse.
func (f *fix) donate(t *testing.T, sp sponsors.Sponsor, item, n int64) stock.Doc {
	t.Helper()
	d, err := f.Services.Stock.Receive(f.ctx, access.System, stock.ReceiptInput{WarehouseID: f.central.ID,
		Kind: stock.Donation, DonorID: sp.ID, Lines: []stock.Line{{ItemID: item, Quantity: n}}})
	must(t, err)
	return d
}

// handOver submits an approved request of the kits campaign for a new
// pupil of School №1 in grade asking for one unit of item, and hands it
// over from the central warehouse.
func (f *fix) handOver(t *testing.T, name string, grade int, item int64) int64 {
	t.Helper()
	in := f.Child("Pupil", name, testworld.Day(2016, 3, 1))
	in.Grade = grade
	child := f.Person(t, in)
	r, err := f.Services.Requests.Submit(f.ctx, f.coord, requests.Input{CampaignID: f.kits, PersonID: child.ID,
		ApplicantKind: requests.ByParent, ApplicantName: "Parent", Channel: requests.Centre, Locale: "en",
		Lines: []requests.LineInput{{ItemID: item, Quantity: 1}}, Via: "web"})
	must(t, err)
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		r, err = f.Services.Requests.Transition(f.ctx, f.coord, r.ID, requests.Move{To: to, Version: r.Version, Via: "web"})
		must(t, err)
	}
	_, err = f.Services.Stock.Issue(f.ctx, f.coord, stock.IssueInput{WarehouseID: f.central.ID, RequestID: r.ID, Line: 1})
	must(t, err)
	return r.ID
}

// sponsorLogin makes a user of role sponsor.
func (f *fix) sponsorLogin(t *testing.T, email string) accounts.User {
	t.Helper()
	return f.User(t, accounts.NewUser{Email: email, Name: "Portal " + email, Role: access.Sponsor})
}

func (f *fix) scalar(t *testing.T, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := f.DB.W.QueryRowContext(f.ctx, store.Rebind(f.DB.Engine, query), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// rows counts what the sponsors' tables and the change log hold.
func (f *fix) rows(t *testing.T) [6]int64 {
	t.Helper()
	var out [6]int64
	for i, table := range []string{"sponsors", "gifts", "pledges", "receipts", "donors", "audit_log"} {
		out[i] = f.scalar(t, "SELECT count(*) FROM "+table)
	}
	return out
}

// wantField fails unless err is a validation error with key on field.
func wantField(t *testing.T, err error, field, key string) {
	t.Helper()
	e := errs.As(err)
	if e == nil {
		t.Fatalf("want %s on %s, got %v", key, field, err)
	}
	for _, fe := range e.Fields {
		if fe.Field == field && fe.Key == key {
			return
		}
	}
	t.Fatalf("want %s on %s, got %+v", key, field, e.Fields)
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func day(y int, m time.Month, d int) time.Time { return testworld.Day(y, m, d) }
