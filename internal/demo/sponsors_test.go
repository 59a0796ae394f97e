package demo_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/demo"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// The demo's sponsors: 120, in the five languages, some consenting to be
// named, with gifts in the four currencies and pledges in every state;
// the stock's donors among them with their donations' receipts and the
// sponsor login linked to Dala Trade; seeding twice adds none.
func TestDemoSponsors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		svc := services(t, db)
		for range 2 {
			if _, err := demo.Seed(ctx, svc, demo.Options{Now: now, NoRegistry: true}); err != nil {
				t.Fatal(err)
			}
		}
		list, _, err := svc.Sponsors.List(ctx, access.System, sponsors.Filter{}, store.Page{Limit: store.MaxLimit})
		if err != nil || len(list) != demo.DemoSponsors {
			t.Fatalf("%d sponsors (%v), want %d", len(list), err, demo.DemoSponsors)
		}
		langs, consent, kinds := map[string]int{}, 0, map[string]int{}
		currencies, statuses := map[sponsors.Currency]int{}, map[sponsors.PledgeStatus]int{}
		for _, sp := range list {
			langs[sp.Language]++
			kinds[string(sp.Kind)]++
			if sp.Consent {
				consent++
			}
			gifts, err := svc.Sponsors.Gifts(ctx, access.System, sp.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range gifts {
				currencies[g.Currency]++
			}
			pls, err := svc.Sponsors.Pledges(ctx, access.System, sp.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, pl := range pls {
				statuses[pl.Status]++
			}
		}
		for _, l := range []string{"kk", "ru", "en", "fr", "fa", ""} {
			if langs[l] < 3 {
				t.Errorf("%d sponsors in %q", langs[l], l)
			}
		}
		if consent < 30 || consent > 100 || kinds["person"] < 30 || kinds["company"] < 30 {
			t.Errorf("%d consenting, kinds %v", consent, kinds)
		}
		for _, c := range sponsors.Currencies() {
			if currencies[c] < 3 {
				t.Errorf("%d gifts in %s", currencies[c], c)
			}
		}
		for _, s := range []sponsors.PledgeStatus{sponsors.PledgeOpen, sponsors.PledgePartly, sponsors.PledgeFulfilled,
			sponsors.PledgeOverdue} {
			if statuses[s] == 0 {
				t.Errorf("no pledge %s: %v", s, statuses)
			}
		}
		u, err := svc.Accounts.LookupEmail(ctx, demo.Email("sponsor"))
		if err != nil {
			t.Fatal(err)
		}
		dala, err := svc.Sponsors.Mine(ctx, u.Principal())
		if err != nil || dala.Name != "Dala Trade LLP" {
			t.Fatalf("the sponsor login's sponsor: %+v %v", dala, err)
		}
		rs, err := svc.Sponsors.Receipts(ctx, u.Principal(), dala.ID)
		kind := 0
		for _, r := range rs {
			if r.DocID != 0 {
				kind++
			}
		}
		if err != nil || kind != 2 || len(rs) != 3 {
			t.Errorf("Dala Trade's receipts: %d, %d in kind (%v)", len(rs), kind, err)
		}
	})
}
