package sponsors_test

import (
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/testworld"
)

// A hundred gifts recorded at once get the receipt numbers 1 to 100 of
// their organisation and year, each once; another year starts at 1.
func TestReceiptsAreNumberedWithoutGapsUnderParallelGifts(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		var sps []sponsors.Sponsor
		for _, name := range []string{"A", "B", "C", "D"} {
			sps = append(sps, f.sponsor(t, name, sponsors.Input{}))
		}
		const n = 100
		var wg sync.WaitGroup
		errc := make(chan error, n)
		for i := range n {
			wg.Go(func() {
				// Every tenth asks for a pledge it may not fulfil, so it
				// rolls back after taking a number: its number is given
				// back, not lost.
				in := sponsors.GiftInput{SponsorID: sps[i%len(sps)].ID, Amount: int64(1000 + i), Currency: sponsors.KZT,
					GivenOn: day(2026, 8, 1+i%20), Method: sponsors.BankTransfer}
				if i%10 == 0 {
					in.PledgeID = 999999
				}
				_, err := f.s.RecordGift(f.ctx, f.coord, in)
				errc <- err
			})
		}
		wg.Wait()
		close(errc)
		failed := 0
		for err := range errc {
			if err != nil {
				failed++
			}
		}
		if failed != n/10 {
			t.Fatalf("%d gifts refused, want %d", failed, n/10)
		}
		if got := f.scalar(t, "SELECT count(DISTINCT number) FROM receipts WHERE year = 2026"); got != n-n/10 {
			t.Fatalf("%d distinct numbers", got)
		}
		if lo, hi := f.scalar(t, "SELECT min(number) FROM receipts"), f.scalar(t, "SELECT max(number) FROM receipts"); lo != 1 || hi != n-n/10 {
			t.Fatalf("numbers %d..%d", lo, hi)
		}
		g, err := f.s.RecordGift(f.ctx, f.coord, sponsors.GiftInput{SponsorID: sps[0].ID, Amount: 5, Currency: sponsors.USD,
			GivenOn: day(2027, 1, 2), Method: sponsors.Card})
		must(t, err)
		if g.Receipt != "2027/1" {
			t.Fatalf("the first receipt of 2027 is %s", g.Receipt)
		}
		gifts, err := f.s.Gifts(f.ctx, f.coord, sps[0].ID)
		must(t, err)
		if len(gifts) != 21 { // 25 of the hundred, 5 of them refused, and the one of 2027
			t.Fatalf("%d gifts of A", len(gifts))
		}
	})
}
