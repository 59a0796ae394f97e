package tournament_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/tournament"
)

// A hundred ballots for one debate are entered at once (a panel's
// ballot sent again and again, or by several hands): every entry is
// taken in turn, none refused for the others under way, and the debate
// keeps one ballot, whose version counts them, each audited once.
func TestParallelBallotsOfOneDebate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		b := w.small(t, 6)
		r, err := w.s.PairNext(ctx, w.coord, b.ID)
		must(t, err)
		must(t, w.s.Publish(ctx, w.coord, b.ID, r.ID))
		d := r.Debates[0]
		const n = 100
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				in := tournament.BallotInput{Winner: "prop", PropScores: []int{75, 75}, OppScores: []int{70, 70 - i%5}}
				_, errs[i] = w.s.EnterBallot(ctx, w.coord, b.ID, d.ID, in)
			})
		}
		wg.Wait()
		taken := 0
		for _, err := range errs {
			must(t, err)
			taken++
		}
		var ballots, version, audited int
		must(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine, "SELECT count(*), max(version) FROM debate_ballots WHERE debate_id = $1"),
			d.ID).Scan(&ballots, &version))
		must(t, db.R.QueryRowContext(ctx, store.Rebind(db.Engine,
			"SELECT count(*) FROM audit_log WHERE action IN ('enter_ballot', 'change_ballot') AND entity_id = $1"),
			fmt.Sprint(d.ID)).Scan(&audited))
		if ballots != 1 || version != taken || audited != taken {
			t.Fatalf("%d entries taken: %d ballots, version %d, %d audited", taken, ballots, version, audited)
		}
	})
}
