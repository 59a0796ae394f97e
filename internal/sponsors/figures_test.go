package sponsors_test

import (
	"reflect"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// A campaign's totals keep each currency apart, count its pledges by
// where they stand, its sponsors' donations of its items, and only the
// sponsors within the reader's organisation subtree; every campaign adds
// up all of them.
func TestTotalsOfACampaignKeepCurrenciesApartAndStayInScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		a := f.sponsor(t, "Steel Co", sponsors.Input{CampaignIDs: []int64{f.kits}})
		b := f.sponsor(t, "Bakery", sponsors.Input{})
		far, err := f.s.Create(f.ctx, access.System, sponsors.Input{Name: "Far away", Kind: stock.DonorPerson,
			OrgID: f.Tehran.ID, CampaignIDs: []int64{f.kits}})
		must(t, err)
		gift := func(sp sponsors.Sponsor, campaign, amount int64, cur sponsors.Currency, pledge int64) {
			t.Helper()
			_, err := f.s.RecordGift(f.ctx, access.System, sponsors.GiftInput{SponsorID: sp.ID, CampaignID: campaign,
				PledgeID: pledge, Amount: amount, Currency: cur, GivenOn: day(2026, 8, 1), Method: sponsors.BankTransfer})
			must(t, err)
		}
		pledge := func(in sponsors.PledgeInput) sponsors.Pledge {
			t.Helper()
			in.MadeOn = day(2026, 7, 1)
			pl, err := f.s.Pledge(f.ctx, f.coord, in)
			must(t, err)
			return pl
		}
		// The clock stands at 1 September 2026.
		done := pledge(sponsors.PledgeInput{SponsorID: a.ID, CampaignID: f.kits, Kind: sponsors.Money, Amount: 5000,
			Currency: sponsors.KZT, DueOn: day(2026, 8, 1)})
		pledge(sponsors.PledgeInput{SponsorID: a.ID, CampaignID: f.kits, Kind: sponsors.Money, Amount: 700,
			Currency: sponsors.USD, DueOn: day(2026, 8, 15)}) // overdue
		items := pledge(sponsors.PledgeInput{SponsorID: b.ID, CampaignID: f.kits, Kind: sponsors.Items,
			ItemID: f.backpack, Quantity: 30, DueOn: day(2026, 12, 1)}) // open
		pledge(sponsors.PledgeInput{SponsorID: b.ID, CampaignID: f.delivery, Kind: sponsors.Money, Amount: 900,
			Currency: sponsors.EUR, DueOn: day(2026, 12, 1)})
		gift(a, f.kits, 3000, sponsors.KZT, done.ID)
		gift(a, f.kits, 2500, sponsors.KZT, done.ID) // 500 over the pledge
		gift(a, f.kits, 1200, sponsors.USD, 0)
		gift(b, f.delivery, 800, sponsors.KZT, 0)
		gift(b, 0, 2_000_000, sponsors.IRR, 0)
		gift(far, f.kits, 9999, sponsors.KZT, 0)
		f.donate(t, a, f.backpack, 12)
		d := f.donate(t, b, f.backpack, 8) // b pledged to kits: its donation counts
		_, err = f.s.MatchDonation(f.ctx, f.coord, items.ID, d.ID)
		must(t, err)
		f.donate(t, far, f.backpack, 40)

		got, err := f.s.Totals(f.ctx, f.coord, f.kits)
		must(t, err)
		want := sponsors.Totals{Sponsors: 2, InKind: 20, Pledges: 3, PledgesFulfilled: 1, PledgesOpen: 2,
			PledgesOverdue: 1, UnitsPledged: 30, UnitsFulfilled: 8, Money: []sponsors.CurrencyTotals{
				{Currency: sponsors.KZT, Gifts: 2, Given: 5500, Pledged: 5000, Fulfilled: 5000},
				{Currency: sponsors.USD, Gifts: 1, Given: 1200, Pledged: 700},
			}}
		sameTotals(t, "kits", got, want)

		all, err := f.s.Totals(f.ctx, f.coord, 0)
		must(t, err)
		want = sponsors.Totals{Sponsors: 2, InKind: 20, Pledges: 4, PledgesFulfilled: 1, PledgesOpen: 3,
			PledgesOverdue: 1, UnitsPledged: 30, UnitsFulfilled: 8, Money: []sponsors.CurrencyTotals{
				{Currency: sponsors.KZT, Gifts: 3, Given: 6300, Pledged: 5000, Fulfilled: 5000},
				{Currency: sponsors.IRR, Gifts: 1, Given: 2_000_000},
				{Currency: sponsors.USD, Gifts: 1, Given: 1200, Pledged: 700},
				{Currency: sponsors.EUR, Pledged: 900},
			}}
		sameTotals(t, "all", all, want)

		// The whole installation sees the Tehran sponsor too.
		sys, err := f.s.Totals(f.ctx, access.System, f.kits)
		must(t, err)
		if sys.Sponsors != 3 || sys.InKind != 60 || sys.Money[0].Given != 5500+9999 {
			t.Fatalf("the whole installation: %+v", sys)
		}
		if _, err := f.s.Totals(f.ctx, w.Principal(access.Operator), f.kits); err == nil {
			t.Fatal("an operator read the sponsors' totals")
		}
	})
}

func sameTotals(t *testing.T, name string, got, want sponsors.Totals) {
	t.Helper()
	if len(got.Money) != len(want.Money) {
		t.Fatalf("%s: money %+v, want %+v", name, got.Money, want.Money)
	}
	for i := range want.Money {
		if got.Money[i] != want.Money[i] {
			t.Fatalf("%s: money %+v, want %+v", name, got.Money[i], want.Money[i])
		}
	}
	got.Money, want.Money = nil, nil
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: %+v, want %+v", name, got, want)
	}
}
