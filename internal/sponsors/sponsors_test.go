package sponsors_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// A sponsor is its donor: one identity, whose stock receipts are its
// gifts in kind; an existing donor becomes a sponsor once.
func TestASponsorIsTheSamePartyAsItsDonor(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		sp := f.sponsor(t, "Steel Co", sponsors.Input{Language: "ru", Consent: true,
			Contacts:    []sponsors.Contact{{Kind: sponsors.Phone, Value: "+7 701 000 00 00"}, {Kind: sponsors.Person, Value: "A. Director"}},
			CampaignIDs: []int64{f.kits}})
		donor, err := w.Services.Stock.Donor(f.ctx, f.coord, sp.ID)
		must(t, err)
		if donor.Name != "Steel Co" || donor.Kind != stock.DonorCompany || f.scalar(t, "SELECT count(*) FROM donors") != 1 {
			t.Fatalf("the donor of the sponsor: %+v", donor)
		}
		if !sp.Consent || sp.ConsentName != "Coordinator" || sp.ConsentAt.IsZero() || len(sp.Contacts) != 2 ||
			len(sp.CampaignIDs) != 1 || sp.Version != 1 {
			t.Fatalf("sponsor %+v", sp)
		}
		doc := f.donate(t, sp, f.backpack, 20)
		gifts, err := w.Services.Stock.DonorDonations(f.ctx, w.DB.R, sp.ID)
		must(t, err)
		if len(gifts) != 1 || gifts[0].DocID != doc.ID || gifts[0].Lines[0].Quantity != 20 {
			t.Fatalf("gifts in kind %+v", gifts)
		}

		// An edit renames the donor too, from the version read; a stale
		// version is refused.
		in := sponsors.Input{Name: "Steel Company", Kind: stock.DonorCompany, Language: "ru", Consent: true,
			Version: sp.Version}
		up, err := f.s.Update(f.ctx, f.coord, sp.ID, in)
		must(t, err)
		if up.Name != "Steel Company" || up.Version != 2 || !up.ConsentAt.Equal(sp.ConsentAt) || len(up.Contacts) != 0 {
			t.Fatalf("updated %+v", up)
		}
		if _, err := f.s.Update(f.ctx, f.coord, sp.ID, in); errs.As(err) == nil || errs.As(err).Key != "error.sponsor_changed" {
			t.Fatalf("a stale edit: %v", err)
		}

		// A donor recorded by the stock keepers becomes a sponsor, once.
		old, err := w.Services.Stock.CreateDonor(f.ctx, access.System, stock.DonorInput{Name: "Bank", Kind: stock.DonorCompany,
			OrgID: w.Foundation.ID})
		must(t, err)
		adopted, err := f.s.Adopt(f.ctx, f.coord, old.ID, sponsors.Input{Name: "Bank", Kind: stock.DonorCompany})
		must(t, err)
		if adopted.ID != old.ID {
			t.Fatalf("adopted %+v", adopted)
		}
		if _, err := f.s.Adopt(f.ctx, f.coord, old.ID, sponsors.Input{Name: "Bank", Kind: stock.DonorCompany}); errs.CodeOf(err) != errs.Conflict {
			t.Fatalf("adopted twice: %v", err)
		}

		// The Tehran coordinator sees none of them; the list searches.
		stranger := w.Stranger.Principal()
		if _, err := f.s.Get(f.ctx, stranger, sp.ID); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("a stranger read a sponsor: %v", err)
		}
		list, _, err := f.s.List(f.ctx, f.coord, sponsors.Filter{Query: "steel"}, store.Page{})
		must(t, err)
		if len(list) != 1 || list[0].ID != sp.ID {
			t.Fatalf("search: %+v", list)
		}
		n, err := f.s.Count(f.ctx, f.coord, sponsors.Filter{})
		must(t, err)
		if n.N != 2 {
			t.Fatalf("count %+v", n)
		}
		if _, _, err := f.s.List(f.ctx, w.Principal(access.Operator), sponsors.Filter{}, store.Page{}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("an operator listed sponsors: %v", err)
		}
	})
}

// A sponsor with no language is written to in its organisation's, and
// when that has none, in the installation's.
func TestLanguageFallsBackToTheOrganisations(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		kk := w.Org(t, orgs.Input{Name: "Karaganda office", Type: orgs.Foundation, ParentID: w.Foundation.ID,
			RegionCode: "KZ-35", Locale: "kk"})
		own := f.sponsor(t, "Own", sponsors.Input{Language: "fa", OrgID: kk.ID})
		byOrg := f.sponsor(t, "By organisation", sponsors.Input{OrgID: kk.ID})
		byInstallation := f.sponsor(t, "By installation", sponsors.Input{})
		for sp, want := range map[int64]string{own.ID: "fa", byOrg.ID: "kk", byInstallation.ID: "ru"} {
			got, err := f.s.Get(f.ctx, f.coord, sp)
			must(t, err)
			if l := got.Locale("ru"); l != want {
				t.Errorf("%s writes in %q, want %q", got.Name, l, want)
			}
		}
		r, err := f.s.RecordGift(f.ctx, f.coord, sponsors.GiftInput{SponsorID: byOrg.ID, Amount: 100, Currency: sponsors.KZT,
			GivenOn: day(2026, 8, 1), Method: sponsors.Cash})
		must(t, err)
		receipt, err := f.s.Receipt(f.ctx, f.coord, r.ReceiptID)
		must(t, err)
		if receipt.Locale != "kk" {
			t.Fatalf("receipt in %q", receipt.Locale)
		}
	})
}

// Bad input is refused with its key and changes nothing.
func TestBadInputIsRefusedAndChangesNothing(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		sp := f.sponsor(t, "Steel Co", sponsors.Input{})
		before := f.rows(t)
		gift := func(amount int64, cur sponsors.Currency) error {
			_, err := f.s.RecordGift(f.ctx, f.coord, sponsors.GiftInput{SponsorID: sp.ID, Amount: amount, Currency: cur,
				GivenOn: day(2026, 8, 1), Method: sponsors.BankTransfer})
			return err
		}
		wantField(t, gift(0, sponsors.KZT), "amount", "error.gift_amount")
		wantField(t, gift(-500, sponsors.USD), "amount", "error.gift_amount")
		wantField(t, gift(100, "GBP"), "currency", "error.gift_currency")
		_, err := f.s.Pledge(f.ctx, f.coord, sponsors.PledgeInput{SponsorID: sp.ID, Kind: sponsors.Money, Amount: 100,
			Currency: sponsors.EUR, MadeOn: day(2026, 8, 10), DueOn: day(2026, 8, 9)})
		wantField(t, err, "due_on", "error.pledge_due_before_made")
		_, err = f.s.Create(f.ctx, f.coord, sponsors.Input{Name: "Klaus", Kind: stock.DonorPerson, OrgID: w.Foundation.ID,
			Language: "de"})
		wantField(t, err, "language", "error.sponsor_language")
		_, err = f.s.Update(f.ctx, f.coord, sp.ID, sponsors.Input{Name: "Steel Co", Kind: stock.DonorCompany, Language: "xx",
			Version: sp.Version})
		wantField(t, err, "language", "error.sponsor_language")
		if after := f.rows(t); after != before {
			t.Fatalf("refused input wrote: %v → %v", before, after)
		}
		for in, ok := range map[string]int64{"1500.50": 150050, "1 500,5": 150050, "7": 700} {
			if n, good := sponsors.ParseAmount(in, sponsors.KZT); !good || n != ok {
				t.Errorf("ParseAmount(%q) = %d %v", in, n, good)
			}
		}
		for _, in := range []string{"", "-5", "1.234", "abc", "1e5", "."} {
			if _, good := sponsors.ParseAmount(in, sponsors.USD); good {
				t.Errorf("ParseAmount(%q) accepted", in)
			}
		}
		if _, good := sponsors.ParseAmount("10.5", sponsors.IRR); good {
			t.Error("a rial amount with decimals accepted")
		}
	})
}
