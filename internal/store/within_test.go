package store_test

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func settingKeys(t *testing.T, db *store.DB) []string {
	t.Helper()
	rows, err := db.R.QueryContext(context.Background(), "SELECT key FROM settings WHERE key LIKE 'within.%' ORDER BY key")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	return keys
}

func put(ctx context.Context, q store.Querier, key string) error {
	_, err := q.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ($1, '1')", key)
	return err
}

// TestOperationsJoinTheTransactionTheContextCarries: what a domain
// operation writes through Atomic, Tx or Writer with a context from
// Within commits with the caller's transaction; one that fails undoes
// only its own writes, and its hooks follow its savepoint.
func TestOperationsJoinTheTransactionTheContextCarries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		boom, told := errors.New("boom"), errors.New("told instead")
		var log []string
		err := db.Atomic(t.Context(), func(tx *store.Tx) error {
			ctx := store.Within(t.Context(), tx)
			if err := db.Atomic(ctx, func(in *store.Tx) error {
				in.AfterCommit(func(context.Context) { log = append(log, "joined committed") })
				return put(ctx, in, "within.a")
			}); err != nil {
				return err
			}
			// A failing operation: its row goes, the caller carries on. (On
			// PostgreSQL the duplicate key would spoil a transaction with no
			// savepoint.)
			err := db.Atomic(ctx, func(in *store.Tx) error {
				in.AfterCommit(func(context.Context) { log = append(log, "failed committed") })
				in.OnRollback(func(context.Context, error) error { return told })
				if err := put(ctx, in, "within.b"); err != nil {
					return err
				}
				return put(ctx, in, "within.a")
			})
			if !errors.Is(err, told) {
				t.Errorf("the failed operation returned %v, want its hook's error", err)
			}
			if err := db.Tx(ctx, func(in *sql.Tx) error { return put(ctx, in, "within.c") }); err != nil {
				return err
			}
			if err := db.Tx(ctx, func(in *sql.Tx) error {
				if err := put(ctx, in, "within.d"); err != nil {
					return err
				}
				return boom
			}); !errors.Is(err, boom) {
				t.Errorf("the failed Tx returned %v", err)
			}
			if err := put(ctx, db.Writer(ctx), "within.e"); err != nil {
				return err
			}
			if len(log) != 0 {
				t.Errorf("hooks ran before the commit: %v", log)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := settingKeys(t, db); !slices.Equal(got, []string{"within.a", "within.c", "within.e"}) {
			t.Errorf("committed %v, want the joined writes without the failed ones", got)
		}
		if !slices.Equal(log, []string{"joined committed"}) {
			t.Errorf("after the commit the hooks were %v", log)
		}
	})
}

// TestAFailedCallerTakesTheJoinedWritesWithIt: the caller's rollback
// undoes what the operations it called wrote, even those that succeeded.
func TestAFailedCallerTakesTheJoinedWritesWithIt(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		boom := errors.New("boom")
		err := db.Atomic(t.Context(), func(tx *store.Tx) error {
			ctx := store.Within(t.Context(), tx)
			if err := db.Atomic(ctx, func(in *store.Tx) error { return put(ctx, in, "within.x") }); err != nil {
				return err
			}
			if err := put(ctx, db.Writer(ctx), "within.y"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("got %v", err)
		}
		if got := settingKeys(t, db); len(got) != 0 {
			t.Errorf("the rolled-back caller left %v", got)
		}
		// Without Within nothing is joined: Writer is the database.
		if err := put(t.Context(), db.Writer(t.Context()), "within.z"); err != nil {
			t.Fatal(err)
		}
		if got := settingKeys(t, db); !slices.Equal(got, []string{"within.z"}) {
			t.Errorf("a plain write left %v", got)
		}
	})
}
