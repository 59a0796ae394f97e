package sponsors_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/testworld"
)

// A pledge is fulfilled by the gifts matched to it, partly then whole;
// one past its due day is overdue, and the reminder lists it once.
func TestPledgesAreFulfilledByGiftsAndRemindedOnce(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		sp := f.sponsor(t, "Steel Co", sponsors.Input{})
		// The world's clock stands at 1 September 2026.
		money, err := f.s.Pledge(f.ctx, f.coord, sponsors.PledgeInput{SponsorID: sp.ID, Kind: sponsors.Money, Amount: 100000,
			Currency: sponsors.KZT, MadeOn: day(2026, 8, 1), DueOn: day(2026, 9, 15)})
		must(t, err)
		items, err := f.s.Pledge(f.ctx, f.coord, sponsors.PledgeInput{SponsorID: sp.ID, Kind: sponsors.Items,
			ItemID: f.backpack, Quantity: 30, MadeOn: day(2026, 7, 1), DueOn: day(2026, 8, 20)})
		must(t, err)
		late, err := f.s.Pledge(f.ctx, f.coord, sponsors.PledgeInput{SponsorID: sp.ID, Kind: sponsors.Money, Amount: 50,
			Currency: sponsors.USD, MadeOn: day(2026, 7, 1), DueOn: day(2026, 8, 31)})
		must(t, err)
		status := func() map[int64]sponsors.Pledge {
			ps, err := f.s.Pledges(f.ctx, f.coord, sp.ID)
			must(t, err)
			out := map[int64]sponsors.Pledge{}
			for _, p := range ps {
				out[p.ID] = p
			}
			return out
		}
		if st := status(); st[money.ID].Status != sponsors.PledgeOpen || st[items.ID].Status != sponsors.PledgeOverdue ||
			st[late.ID].Status != sponsors.PledgeOverdue {
			t.Fatalf("before any gift: %+v", st)
		}
		gift := func(amount int64, cur sponsors.Currency, pledge int64) error {
			_, err := f.s.RecordGift(f.ctx, f.coord, sponsors.GiftInput{SponsorID: sp.ID, PledgeID: pledge, Amount: amount,
				Currency: cur, GivenOn: day(2026, 9, 1), Method: sponsors.BankTransfer})
			return err
		}
		must(t, gift(40000, sponsors.KZT, money.ID))
		if st := status(); st[money.ID].Status != sponsors.PledgePartly || st[money.ID].Fulfilled != 40000 {
			t.Fatalf("partly: %+v", st[money.ID])
		}
		wantField(t, gift(100, sponsors.USD, money.ID), "pledge_id", "error.gift_pledge")
		must(t, gift(60000, sponsors.KZT, money.ID))
		// The items pledge: two donations of backpacks match it.
		d1, d2 := f.donate(t, sp, f.backpack, 10), f.donate(t, sp, f.backpack, 25)
		p, err := f.s.MatchDonation(f.ctx, f.coord, items.ID, d1.ID)
		must(t, err)
		if p.Status != sponsors.PledgeOverdue || p.Fulfilled != 10 {
			t.Fatalf("partly matched, still overdue: %+v", p)
		}
		_, err = f.s.MatchDonation(f.ctx, f.coord, items.ID, d1.ID)
		wantField(t, err, "doc_id", "error.pledge_matched")
		p, err = f.s.MatchDonation(f.ctx, f.coord, items.ID, d2.ID)
		must(t, err)
		if p.Status != sponsors.PledgeFulfilled {
			t.Fatalf("matched: %+v", p)
		}
		if st := status(); st[money.ID].Status != sponsors.PledgeFulfilled {
			t.Fatalf("fulfilled: %+v", st[money.ID])
		}

		// The reminder marks the late pledge (not the fulfilled ones) once.
		marked, err := f.s.RemindDue(f.ctx)
		must(t, err)
		if len(marked) != 1 || marked[0].ID != late.ID {
			t.Fatalf("reminded %+v", marked)
		}
		if again, err := f.s.RemindDue(f.ctx); err != nil || len(again) != 0 {
			t.Fatalf("reminded again: %+v %v", again, err)
		}
		due, err := f.s.Reminded(f.ctx, f.coord)
		must(t, err)
		if len(due) != 1 || due[0].ID != late.ID {
			t.Fatalf("the coordinators' list %+v", due)
		}
		// The money pledge comes due on the 15th, unfulfilled? No: it is
		// fulfilled, so a later run marks nothing new.
		w.Clock.Advance(20 * 24 * time.Hour)
		if later, err := f.s.RemindDue(f.ctx); err != nil || len(later) != 0 {
			t.Fatalf("reminded later: %+v %v", later, err)
		}
		if n := f.scalar(t, "SELECT count(*) FROM audit_log WHERE action = 'remind'"); n != 1 {
			t.Fatalf("%d reminder entries", n)
		}
	})
}
