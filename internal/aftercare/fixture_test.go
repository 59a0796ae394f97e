package aftercare_test

import (
	"context"
	"errors"
	"os"
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// fix is a world with a distribution point of the Support centre in
// Almaty holding computers by serial number (PC-001 …), a campaign open in
// Almaty offering computers, and the logins that work on after-care: the
// world's coordinator and warehouse keeper (of the Support centre).
type fix struct {
	*testworld.World
	s             *aftercare.Service
	ctx           context.Context
	coord, keeper access.Principal
	point         stock.Warehouse
	campaign, pc  int64
}

func setup(t *testing.T, w *testworld.World, computers int) *fix {
	t.Helper()
	f := &fix{World: w, s: w.Services.Aftercare, ctx: t.Context(), coord: w.Principal(access.Coordinator),
		keeper: w.Principal(access.Warehouse)}
	f.pc = f.scalar(t, "SELECT id FROM aid_items WHERE code = 'computer'")
	st := w.Services.Stock
	var err error
	f.point, err = st.CreateWarehouse(f.ctx, access.System, stock.WarehouseInput{Code: "ALA-P", Name: "Almaty point",
		Kind: stock.DistributionPoint, OrgID: w.Centre.ID, RegionCode: "KZ-75", Active: true})
	must(t, err)
	donor, err := st.CreateDonor(f.ctx, access.System, stock.DonorInput{Name: "Dala Trade", Kind: stock.DonorCompany,
		OrgID: w.Foundation.ID})
	must(t, err)
	serials := make([]string, computers)
	for i := range serials {
		serials[i] = "PC-" + strconv.Itoa(1000 + i + 1)[1:]
	}
	if computers > 0 {
		_, err = st.Receive(f.ctx, access.System, stock.ReceiptInput{WarehouseID: f.point.ID, Kind: stock.Donation,
			DonorID: donor.ID, Lines: []stock.Line{{ItemID: f.pc, Serials: serials}}})
		must(t, err)
	}
	f.campaign = f.scalar(t, `INSERT INTO campaigns (slug, programme, organiser_id, org_path, starts_on, ends_on, status,
		created_at, updated_at) VALUES ('pcs', 'devices', $1, $2, $3, $4, 'open', $5, $5) RETURNING id`,
		w.Foundation.ID, w.Foundation.Path, testworld.Day(2026, 1, 1), testworld.Day(2026, 12, 31), testworld.Epoch())
	f.scalar(t, "INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 100) RETURNING item_id",
		f.campaign, f.pc)
	return f
}

// handOver hands computer serial over to a new child of School №1 and
// returns the handover document.
func (f *fix) handOver(t *testing.T, child, serial string) stock.Doc {
	t.Helper()
	kid := f.Person(t, f.Child("Test", child, testworld.Day(2012, 3, 1)))
	r, err := f.Services.Requests.Submit(f.ctx, f.coord, requests.Input{CampaignID: f.campaign, PersonID: kid.ID,
		ApplicantKind: requests.ByParent, ApplicantName: "Parent", Channel: requests.Centre, Locale: "en",
		Lines: []requests.LineInput{{ItemID: f.pc, Quantity: 1}}, Via: "web"})
	must(t, err)
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		r, err = f.Services.Requests.Transition(f.ctx, f.coord, r.ID, requests.Move{To: to, Version: r.Version, Via: "web"})
		must(t, err)
	}
	// The Support centre's keeper hands over only its own children's
	// requests at the counter: the system stands in for the Foundation's.
	d, err := f.Services.Stock.Issue(f.ctx, access.System, stock.IssueInput{WarehouseID: f.point.ID, RequestID: r.ID, Line: 1,
		Serials: []string{serial}})
	must(t, err)
	return d
}

// unit is the id of computer serial.
func (f *fix) unit(t *testing.T, serial string) int64 {
	t.Helper()
	return f.scalar(t, "SELECT id FROM stock_units WHERE serial = $1", serial)
}

// volunteer registers a volunteer of the Foundation in region with skills.
func (f *fix) volunteer(t *testing.T, name, region string, skills ...aftercare.Skill) aftercare.Volunteer {
	t.Helper()
	v, err := f.s.CreateVolunteer(f.ctx, f.coord, aftercare.VolunteerInput{Name: name, Phone: "+7 701 000 00 00",
		Skills: skills, RegionCode: region, OrgID: f.Foundation.ID, Active: true})
	must(t, err)
	return v
}

// login is a new login of role volunteer of the Foundation.
func (f *fix) login(t *testing.T, email string) accounts.User {
	t.Helper()
	return f.User(t, accounts.NewUser{Email: email, Name: "Volunteer " + email, Role: access.Volunteer,
		OrgID: f.Foundation.ID})
}

// tasks are the tasks of device unit by kind.
func (f *fix) tasks(t *testing.T, unit int64) map[aftercare.Kind]aftercare.Task {
	t.Helper()
	list, err := f.s.DeviceTasks(f.ctx, unit)
	must(t, err)
	out := map[aftercare.Kind]aftercare.Task{}
	for _, k := range list {
		out[k.Kind] = k
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

func notFound(err error) bool { return errors.Is(err, errs.ErrNotFound) }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
