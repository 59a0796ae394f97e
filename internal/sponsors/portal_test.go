package sponsors_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// A sponsor's portal login sees its own sponsor's giving and nothing of
// another's; only a login of role sponsor, and only one per sponsor, is
// linked.
func TestASponsorSeesOnlyTheirOwnGiving(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		login := f.sponsorLogin(t, "steel@example.org")
		a := f.sponsor(t, "Steel Co", sponsors.Input{UserID: login.ID})
		b := f.sponsor(t, "Bank", sponsors.Input{})
		_, err := f.s.RecordGift(f.ctx, f.coord, sponsors.GiftInput{SponsorID: b.ID, Amount: 5, Currency: sponsors.EUR,
			GivenOn: day(2026, 8, 1), Method: sponsors.Card})
		must(t, err)
		me := login.Principal()
		mine, err := f.s.Mine(f.ctx, me)
		must(t, err)
		if mine.ID != a.ID {
			t.Fatalf("mine is %d", mine.ID)
		}
		if _, err := f.s.Impact(f.ctx, me, a.ID, 0); err != nil {
			t.Fatalf("own impact: %v", err)
		}
		if _, err := f.s.Gifts(f.ctx, me, b.ID); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("another's gifts: %v", err)
		}
		if _, err := f.s.Receipts(f.ctx, me, b.ID); errs.CodeOf(err) != errs.NotFound {
			t.Fatalf("another's receipts: %v", err)
		}
		if _, _, err := f.s.List(f.ctx, me, sponsors.Filter{}, store.Page{}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("a sponsor listed sponsors: %v", err)
		}
		if _, err := f.s.RecordGift(f.ctx, me, sponsors.GiftInput{SponsorID: a.ID, Amount: 5, Currency: sponsors.EUR,
			GivenOn: day(2026, 8, 1), Method: sponsors.Card}); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("a sponsor recorded a gift: %v", err)
		}
		// The world's sponsor user is linked to nobody.
		if _, err := f.s.Mine(f.ctx, w.Principal(access.Sponsor)); errs.As(err) == nil || errs.As(err).Key != "error.sponsor_not_linked" {
			t.Fatalf("an unlinked sponsor: %v", err)
		}
		_, err = f.s.Update(f.ctx, f.coord, b.ID, sponsors.Input{Name: "Bank", Kind: b.Kind, UserID: login.ID, Version: b.Version})
		wantField(t, err, "user_id", "error.sponsor_login_taken")
		_, err = f.s.Update(f.ctx, f.coord, b.ID, sponsors.Input{Name: "Bank", Kind: b.Kind,
			UserID: w.Users[access.Coordinator].ID, Version: b.Version})
		wantField(t, err, "user_id", "error.sponsor_login_role")
	})
}

// The logins a sponsor's form offers are those of role sponsor not linked
// to another sponsor: a sponsor's own stays offered, another's is not,
// and a coordinator's never is.
func TestFreeLoginsAreTheUnlinkedSponsorLogins(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		taken := f.sponsorLogin(t, "taken@example.org")
		free := f.sponsorLogin(t, "free@example.org")
		a := f.sponsor(t, "Steel Co", sponsors.Input{UserID: taken.ID})
		ids := func(self int64) map[int64]bool {
			ls, err := f.s.FreeLogins(f.ctx, f.coord, self)
			must(t, err)
			out := map[int64]bool{}
			for _, l := range ls {
				out[l.ID] = true
			}
			return out
		}
		if got := ids(0); got[taken.ID] || !got[free.ID] || got[w.Users[access.Coordinator].ID] {
			t.Fatalf("for a new sponsor: %v", got)
		}
		if got := ids(a.ID); !got[taken.ID] || !got[free.ID] {
			t.Fatalf("for Steel Co: %v", got)
		}
		if _, err := f.s.FreeLogins(f.ctx, w.Principal(access.Auditor), 0); errs.CodeOf(err) != errs.Forbidden {
			t.Fatalf("an auditor listed logins: %v", err)
		}
	})
}
