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
