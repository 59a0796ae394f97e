package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestAtomicRunsTheHooksOfHowItEnded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var log []string
		err := db.Atomic(ctx, func(tx *store.Tx) error {
			tx.AfterCommit(func(context.Context) { log = append(log, "committed") })
			tx.OnRollback(func(_ context.Context, err error) error { log = append(log, "rolled back"); return err })
			_, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ($1, $2)", "a", "1")
			return err
		})
		if err != nil || len(log) != 1 || log[0] != "committed" {
			t.Fatalf("a commit: %v, hooks %v", err, log)
		}

		log = nil
		boom, told := errors.New("boom"), errors.New("told instead")
		err = db.Atomic(ctx, func(tx *store.Tx) error {
			tx.AfterCommit(func(context.Context) { log = append(log, "committed") })
			tx.OnRollback(func(_ context.Context, err error) error {
				if !errors.Is(err, boom) {
					t.Errorf("the hook got %v, want the error that ended the transaction", err)
				}
				return told
			})
			tx.OnRollback(func(_ context.Context, err error) error { log = append(log, err.Error()); return err })
			if _, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ($1, $2)", "b", "2"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, told) || len(log) != 1 || log[0] != told.Error() {
			t.Fatalf("a rollback: %v, hooks %v; want the hooks' error, passed on in order, and no commit hook", err, log)
		}
		var n int
		if err := db.R.QueryRowContext(ctx, "SELECT count(*) FROM settings WHERE key = 'b'").Scan(&n); err != nil || n != 0 {
			t.Fatalf("%d rows of the rolled-back transaction (%v)", n, err)
		}
	})
}

// TestLockMakesTheSecondWriterWait: on PostgreSQL a transaction that takes
// a key another holds waits until that one commits, and then reads what
// it wrote. (On SQLite every write transaction holds the write lock.)
func TestLockMakesTheSecondWriterWait(t *testing.T) {
	db := storetest.Postgres(t)
	ctx := context.Background()
	waiting := func() int {
		var n int
		if err := db.R.QueryRowContext(ctx, `SELECT count(*) FROM pg_locks
			WHERE locktype = 'advisory' AND NOT granted`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	seen := make(chan int, 1)
	err := db.Atomic(ctx, func(tx *store.Tx) error {
		if err := tx.Lock(ctx, "child:x"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ($1, $2)", "first", "1"); err != nil {
			return err
		}
		go func() {
			var n int
			err := db.Atomic(ctx, func(tx *store.Tx) error {
				if err := tx.Lock(ctx, "child:x"); err != nil {
					return err
				}
				return tx.QueryRowContext(ctx, "SELECT count(*) FROM settings WHERE key = 'first'").Scan(&n)
			})
			if err != nil {
				t.Error(err)
			}
			seen <- n
		}()
		// Until the second has asked for the key and waits (or, if it
		// does not wait, has read without it).
		for waiting() == 0 && len(seen) == 0 {
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := <-seen; n != 1 {
		t.Errorf("the second writer read %d rows of the first's, want 1: it did not wait", n)
	}
}
