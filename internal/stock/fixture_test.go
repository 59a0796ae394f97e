package stock_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// fix is a world with two warehouses (a central one of the Foundation
// and a distribution point of the Support centre in Almaty), a donor, a
// campaign open in Almaty offering the primary kit, a computer and a
// school uniform, and the catalogue's ids.
type fix struct {
	*testworld.World
	s                  *stock.Service
	ctx                context.Context
	admin, wh, op      access.Principal
	central, point     stock.Warehouse
	donor              stock.Donor
	campaign           int64
	kit, backpack      int64
	notebook, diary    int64
	stationery, pc     int64
	uniform, textbooks int64
}

func setup(t *testing.T, w *testworld.World) *fix {
	t.Helper()
	f := &fix{World: w, s: w.Services.Stock, ctx: t.Context(), admin: w.Principal(access.Admin),
		wh: w.Principal(access.Warehouse), op: w.Principal(access.Operator)}
	for code, id := range map[string]*int64{"primary_kit": &f.kit, "backpack": &f.backpack, "notebook": &f.notebook,
		"diary": &f.diary, "stationery_set": &f.stationery, "computer": &f.pc, "school_uniform": &f.uniform,
		"textbooks_1_4": &f.textbooks} {
		*id = f.scalar(t, "SELECT id FROM aid_items WHERE code = $1", code)
	}
	var err error
	f.central, err = f.s.CreateWarehouse(f.ctx, f.admin, stock.WarehouseInput{Code: "KRG-1", Name: "Central warehouse",
		Kind: stock.Store, OrgID: w.Foundation.ID, RegionCode: "KZ-35", Active: true})
	must(t, err)
	f.point, err = f.s.CreateWarehouse(f.ctx, f.admin, stock.WarehouseInput{Code: "ALA-1", Name: "Almaty point",
		Kind: stock.DistributionPoint, OrgID: w.Centre.ID, Active: true})
	must(t, err)
	f.donor, err = f.s.CreateDonor(f.ctx, f.admin, stock.DonorInput{Name: "Steel Co", Kind: stock.DonorCompany,
		OrgID: w.Foundation.ID})
	must(t, err)
	f.campaign = f.scalar(t, `INSERT INTO campaigns (slug, programme, organiser_id, org_path, starts_on, ends_on, status,
		created_at, updated_at) VALUES ('road', 'kits', $1, $2, $3, $4, 'open', $5, $5) RETURNING id`,
		w.Foundation.ID, w.Foundation.Path, testworld.Day(2026, 1, 1), testworld.Day(2026, 12, 31), testworld.Epoch())
	for _, it := range []int64{f.kit, f.pc, f.uniform} {
		f.scalar(t, "INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 100) RETURNING item_id",
			f.campaign, it)
	}
	return f
}

// request submits an approved request for a new child of the Support
// centre (the warehouse keeper's organisation) asking for quantity of
// item in size, and returns its id (line 1).
func (f *fix) request(t *testing.T, name string, itemID int64, size string, quantity int) int64 {
	t.Helper()
	in := f.Child("Test", name, testworld.Day(2018, 3, 1))
	in.OrgID = f.Centre.ID
	child := f.Person(t, in)
	coord := f.Principal(access.Coordinator)
	r, err := f.Services.Requests.Submit(f.ctx, coord, requests.Input{CampaignID: f.campaign, PersonID: child.ID,
		ApplicantKind: requests.ByParent, ApplicantName: "Parent", Channel: requests.Centre, Locale: "en",
		Lines: []requests.LineInput{{ItemID: itemID, Quantity: quantity, Size: size}}, Via: "web"})
	must(t, err)
	for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		r, err = f.Services.Requests.Transition(f.ctx, coord, r.ID, requests.Move{To: to, Version: r.Version, Via: "web"})
		must(t, err)
	}
	return r.ID
}

// donate receives a donation of lines at warehouse w.
func (f *fix) donate(t *testing.T, w stock.Warehouse, lines ...stock.Line) stock.Doc {
	t.Helper()
	d, err := f.s.Receive(f.ctx, f.admin, stock.ReceiptInput{WarehouseID: w.ID, Kind: stock.Donation, DonorID: f.donor.ID,
		Lines: lines})
	must(t, err)
	return d
}

// balance is what w holds of item in size: on hand and reserved.
func (f *fix) balance(t *testing.T, w stock.Warehouse, item int64, size string) (onHand, reserved int64) {
	t.Helper()
	err := f.DB.R.QueryRowContext(f.ctx, store.Rebind(f.DB.Engine,
		"SELECT on_hand, reserved FROM stock_balances WHERE warehouse_id = $1 AND item_id = $2 AND size = $3"),
		w.ID, item, size).Scan(&onHand, &reserved)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		t.Fatal(err)
	}
	return onHand, reserved
}

func (f *fix) scalar(t *testing.T, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := f.DB.W.QueryRowContext(f.ctx, store.Rebind(f.DB.Engine, query), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// ledgerSize counts the rows of the ledger's tables, so a refusal can be
// shown to change nothing.
func (f *fix) ledgerSize(t *testing.T) [6]int64 {
	t.Helper()
	var out [6]int64
	for i, tab := range []string{"stock_docs", "stock_moves", "stock_lots", "stock_units", "stock_holds", "audit_log"} {
		out[i] = f.scalar(t, "SELECT count(*) FROM "+tab)
	}
	return out
}

// state is every balance and the size of the ledger, to compare before
// and after a refusal.
func (f *fix) state(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		"SELECT warehouse_id, item_id, size, on_hand, reserved FROM stock_balances ORDER BY warehouse_id, item_id, size",
		"SELECT warehouse_id, lot_id, 0, on_hand, 0 FROM stock_lot_balances ORDER BY warehouse_id, lot_id",
		"SELECT id, lot_id, state, warehouse_id, doc_id FROM stock_units ORDER BY id",
	} {
		rows, err := f.DB.R.QueryContext(f.ctx, q)
		must(t, err)
		_, err = store.Collect(rows, func(sc store.Scanner) (int, error) {
			var a, c, d, e int64
			var s string
			err := sc.Scan(&a, &c, &s, &d, &e)
			fmt.Fprintf(&b, "%d/%d/%s/%d/%d ", a, c, s, d, e)
			return 0, err
		})
		must(t, err)
	}
	fmt.Fprintf(&b, "| %v", f.ledgerSize(t))
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
