package staffbot_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// langs are the languages every script runs in.
var langs = []string{"kk", "ru", "fa"}

// centreOf is a support centre of the Foundation in Almaty for one
// language's script, with a staff login and the delivery dispatched to
// it.
type centreOf struct {
	org   orgs.Organisation
	staff accounts.User
	d     deliveries.Delivery
}

// dispatched plans a delivery of one primary kit per pupil in grades 1–4
// to a new support centre per language (three pupils each), and
// dispatches each.
func dispatched(t *testing.T, w *testworld.World) map[string]*centreOf {
	t.Helper()
	ctx, coord := t.Context(), w.Principal(access.Coordinator)
	var kit int64
	if err := w.DB.R.QueryRowContext(ctx, store.Rebind(w.DB.Engine, "SELECT id FROM aid_items WHERE code = $1"),
		"primary_kit").Scan(&kit); err != nil {
		t.Fatal(err)
	}
	out := map[string]*centreOf{}
	for i, l := range langs {
		org := w.Org(t, orgs.Input{Name: "Centre " + l, Type: orgs.AdaptationCentre, ParentID: w.Foundation.ID,
			RegionCode: "KZ-75"})
		for j := range 3 {
			in := w.Child("Pupil", string(rune('A'+3*i+j)), testworld.Day(2016, 5, 1))
			in.OrgID, in.Grade = org.ID, 1
			w.Person(t, in)
		}
		out[l] = &centreOf{org: org, staff: w.User(t, accounts.NewUser{Email: "centre-" + l + "@example.org",
			Name: "Staff " + l, Role: access.SchoolStaff, OrgID: org.ID})}
	}
	wh, err := w.Services.Stock.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-C",
		Name: "Central warehouse", Kind: stock.Store, OrgID: w.Foundation.ID, RegionCode: "KZ-75", Active: true})
	must(t, err)
	donor, err := w.Services.Stock.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Donor", Kind: stock.DonorCompany,
		OrgID: w.Foundation.ID})
	must(t, err)
	_, err = w.Services.Stock.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: wh.ID, Kind: stock.Donation,
		DonorID: donor.ID, Lines: []stock.Line{{ItemID: kit, Quantity: 20}}})
	must(t, err)
	c, err := w.Services.Campaigns.Create(ctx, coord, campaign.Input{Slug: "kits", Programme: campaign.Delivery,
		OrganiserID: w.Foundation.ID, StartsOn: testworld.Day(2026, 7, 1), EndsOn: testworld.Day(2026, 9, 30),
		Texts: []campaign.Text{{Locale: "en", Name: "Kits"}}, RegionCodes: []string{"KZ-75"},
		Items: []campaign.Offered{{Code: "primary_kit", Target: 100}}})
	must(t, err)
	_, err = w.Services.Campaigns.Transition(ctx, coord, c.ID, c.Version, campaign.Open)
	must(t, err)
	res, err := w.Services.Deliveries.Plan(ctx, coord, deliveries.PlanInput{CampaignID: c.ID, WarehouseID: wh.ID,
		DueOn: testworld.Day(2026, 9, 20), Types: []orgs.Type{orgs.AdaptationCentre},
		Lines: []deliveries.LineInput{{ItemID: kit, Rule: deliveries.PerPupil, GradeMin: 1, GradeMax: 4, PerPupil: 1}}})
	must(t, err)
	keeper := w.User(t, accounts.NewUser{Email: "keeper@example.org", Name: "Keeper", Role: access.Warehouse,
		OrgID: w.Foundation.ID}).Principal()
	for _, planned := range res.Deliveries {
		d, err := w.Services.Deliveries.Dispatch(ctx, keeper, deliveries.DispatchInput{ID: planned.ID, Version: planned.Version})
		must(t, err)
		for _, c := range out {
			if c.org.ID == d.OrgID {
				c.d = d
			}
		}
	}
	return out
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestReceipt confirms a delivery's receipt in Kazakh, Russian and
// Persian: a count that is not a number, one below zero and one over
// what was dispatched are refused in the chat's language, a shortfall
// takes a reason and a note, and the receipt is recorded as the web's is.
func TestReceipt(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		centres := dispatched(t, w)
		r := rig(t, w)
		for i, lang := range langs {
			t.Run(lang, func(t *testing.T) {
				at := centres[lang]
				c := newLive(t, r, int64(100+i), lang)
				c.link(at.staff.Principal())
				c.press("f:staff_receipts")
				c.press("d" + strconv.FormatInt(at.d.ID, 10))
				c.press("count")
				c.text("three")
				c.text("-1")
				c.text("4")
				c.text("2")
				c.press("other")
				c.text("The box was torn")
				c.press("none")
				c.press("confirm")
				c.Golden("receipt_" + lang)
				got, err := w.Services.Deliveries.Get(t.Context(), at.staff.Principal(), at.d.ID)
				must(t, err)
				if got.Status != deliveries.Confirmed || got.Received != 2 || got.Shortfall != 1 ||
					got.Lines[0].Reason != deliveries.Other || got.Lines[0].Discrepancy != "The box was torn" {
					t.Errorf("the delivery after the receipt: %+v", got)
				}
			})
		}
	})
}

// TestReceiptOutsideScope refuses a delivery to another institution:
// its staff's list does not show it, a forged button for it is stale,
// and it stays unconfirmed; a chat not linked sees nothing of it.
func TestReceiptOutsideScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		centres := dispatched(t, w)
		e := engine(t, w)
		other := bottest.Direct(t, w, e, 200, "ru")
		link(t, other, centres["ru"].staff.Principal())
		other.PressValue("f:staff_receipts")
		target := centres["kk"].d
		out := other.Forge("d" + strconv.FormatInt(target.ID, 10))
		if len(out) != 1 || out[0].Text != "Эта кнопка относится к предыдущему вопросу." {
			t.Errorf("a forged button of another centre's delivery: %+v", out)
		}
		if strings.Contains(other.Transcript(), "d"+strconv.FormatInt(target.ID, 10)+"]") {
			t.Errorf("another centre's delivery listed:\n%s", other.Transcript())
		}
		stranger := bottest.Direct(t, w, e, 201, "ru")
		out = stranger.Cmd("/start")
		if len(out[1].Buttons) != 1 {
			t.Errorf("an unlinked chat's menu: %+v", out[1].Buttons)
		}
		stranger.Forge("f:staff_receipts")
		got, err := w.Services.Deliveries.Get(t.Context(), access.System, target.ID)
		must(t, err)
		if got.Status != deliveries.Dispatched {
			t.Errorf("the other centre's delivery is %s", got.Status)
		}
	})
}
