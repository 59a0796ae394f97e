package demo

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/stock"
)

// adopted are the stock's donors made sponsors, by the name seedStock
// gave them: their language, organisation, login, campaigns, and the
// items they pledged (code → units, matched to their donations).
var adopted = []struct {
	donor, lang, org, login string
	kind                    stock.DonorKind
	campaigns               []func(int) string
	pledged                 map[string]int64
	cash                    int64
	currency                sponsors.Currency
}{
	{"Dala Trade LLP", "ru", "fund", "sponsor", stock.DonorCompany, []func(int) string{roadSlug, devicesSlug},
		map[string]int64{"backpack": 1500, "computer": 100}, 250_000_000, sponsors.KZT},
	{"«Береке» қайырымдылық қоры", "kk", "fund", "", stock.DonorOrganisation, []func(int) string{roadSlug},
		map[string]int64{"notebook": 20000}, 0, ""},
	{"مجمع خیرین حامی تحصیل کودکان استان قزوین", "fa", "qazvin", "", stock.DonorOrganisation,
		[]func(int) string{qazvinSlug}, map[string]int64{"tablet": 60}, 900_000_000, sponsors.IRR},
}

// adopt makes the stock's donors sponsors, pledges what they gave in kind
// (more than they gave, for some) and matches their donations to it, so
// their receipts, pledges and impact show; each donation gets its
// receipt.
func (sd *sponsorSeeder) adopt(ctx context.Context) error {
	p := access.System
	donors, err := sd.s.Stock.Donors(ctx, p)
	if err != nil {
		return err
	}
	items, err := sd.s.Campaigns.Items(ctx, p, true)
	if err != nil {
		return err
	}
	itemID := map[string]int64{}
	for _, it := range items {
		itemID[it.Code] = it.ID
	}
	for _, a := range adopted {
		var donor int64
		for _, d := range donors {
			if d.Name == a.donor {
				donor = d.ID
			}
		}
		if donor == 0 {
			return fmt.Errorf("no donor %q", a.donor)
		}
		in := sponsors.Input{Name: a.donor, Kind: a.kind, OrgID: sd.ids[a.org], Language: a.lang, Consent: true,
			CampaignIDs: sd.campaigns(a.campaigns...)}
		if a.login != "" {
			u, err := sd.s.Accounts.LookupEmail(ctx, Email(a.login))
			if err != nil {
				return err
			}
			in.UserID = u.ID
		}
		sp, err := sd.s.Sponsors.Adopt(ctx, p, donor, in)
		if err != nil {
			return fmt.Errorf("adopt %s: %w", a.donor, err)
		}
		sd.supports(sp.ID, in.CampaignIDs)
		docs, err := sd.s.Sponsors.InKind(ctx, p, sp.ID)
		if err != nil {
			return err
		}
		for _, d := range docs {
			if _, err := sd.s.Sponsors.IssueDonationReceipt(ctx, p, sp.ID, d.DocID); err != nil {
				return err
			}
		}
		for code, n := range a.pledged {
			pl, err := sd.s.Sponsors.Pledge(ctx, p, sponsors.PledgeInput{SponsorID: sp.ID, Kind: sponsors.Items,
				ItemID: itemID[code], Quantity: n, MadeOn: sd.today.AddDate(0, -2, 0), DueOn: sd.today.AddDate(0, 1, 0)})
			if err != nil {
				return err
			}
			for _, d := range docs {
				for _, l := range d.Lines {
					if l.ItemID == itemID[code] {
						if _, err := sd.s.Sponsors.MatchDonation(ctx, p, pl.ID, d.DocID); err != nil {
							return err
						}
						break
					}
				}
			}
		}
		if a.cash > 0 {
			if _, err := sd.gift(ctx, sp.ID, a.currency, a.lang, 0, a.cash, sd.today.AddDate(0, 0, -40)); err != nil {
				return err
			}
		}
	}
	return nil
}
