package requests_test

import (
	"errors"
	"testing"

	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// TestSubmitInACallersTransaction: a request submitted in a caller's
// transaction is kept with it or rolled back with it, and the Submitted
// hook hears of it only once the transaction has committed.
func TestSubmitInACallersTransaction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setup(t, db)
		var heard []int64
		w.s.SetHooks(requests.Hooks{Submitted: func(ids ...int64) { heard = append(heard, ids...) }})
		count := func() int {
			var n int
			must(t, db.R.QueryRowContext(ctx, "SELECT count(*) FROM requests").Scan(&n))
			return n
		}
		per := w.child(t, w.k, "KZ-35", "Sadykov", "Arman")
		boom := errors.New("the caller's own write failed")
		err := db.Atomic(ctx, func(tx *store.Tx) error {
			if _, err := w.s.SubmitTx(ctx, tx, w.opK, w.input(per.ID)); err != nil {
				return err
			}
			if len(heard) != 0 {
				t.Error("the hook heard of a request before its commit")
			}
			return boom
		})
		if !errors.Is(err, boom) || count() != 0 || len(heard) != 0 {
			t.Fatalf("rolled back: %v, %d requests, heard %v", err, count(), heard)
		}
		var r requests.Request
		err = db.Atomic(ctx, func(tx *store.Tx) (err error) {
			r, err = w.s.SubmitTx(ctx, tx, w.opK, w.input(per.ID))
			return err
		})
		must(t, err)
		if count() != 1 || len(heard) != 1 || heard[0] != r.ID {
			t.Fatalf("committed: %d requests, heard %v, want %d", count(), heard, r.ID)
		}
		// Again: the first is found, Linked, and nothing is heard.
		err = db.Atomic(ctx, func(tx *store.Tx) error {
			again, err := w.s.SubmitTx(ctx, tx, w.opK, w.input(per.ID))
			if err == nil && (!again.Linked || again.Reference != r.Reference) {
				t.Errorf("again: %+v, want the first, linked", again)
			}
			return err
		})
		must(t, err)
		if count() != 1 || len(heard) != 1 {
			t.Errorf("linked: %d requests, heard %v", count(), heard)
		}
	})
}
