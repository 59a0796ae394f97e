package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// BulkExec runs an upsert once per row inside the caller's transaction,
// on both engines, and a rollback undoes it all.
func TestBulkExecUpserts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.W.ExecContext(ctx, "CREATE TABLE tally_t (k TEXT PRIMARY KEY, n INTEGER NOT NULL)"); err != nil {
			t.Fatal(err)
		}
		upsert := store.Rebind(db.Engine, `INSERT INTO tally_t (k, n) VALUES ($1, $2)
			ON CONFLICT (k) DO UPDATE SET n = tally_t.n + excluded.n`)
		write := func(commit bool, rows ...[]any) {
			t.Helper()
			conn, err := db.W.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			tx, err := conn.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			if err := store.BulkExec(ctx, conn, upsert, rows); err != nil {
				t.Fatal(err)
			}
			if commit {
				if err := tx.Commit(); err != nil {
					t.Fatal(err)
				}
			}
		}
		write(true, []any{"a", 2}, []any{"b", 1}, []any{"a", 3})
		write(false, []any{"a", 100})
		write(true, []any{"b", -1})
		got := map[string]int{}
		rows, err := db.R.QueryContext(ctx, "SELECT k, n FROM tally_t")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				t.Fatal(err)
			}
			got[k] = n
		}
		if len(got) != 2 || got["a"] != 5 || got["b"] != 0 {
			t.Fatalf("tallies %v, want a 5, b 0", got)
		}
	})
}

// Times written with SortableTime sort as the times do, though their
// fractions have different numbers of significant digits, and read back
// as the same times.
func TestSortableTimeSortsAsTime(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		typ := "TIMESTAMPTZ"
		if db.Engine == store.SQLite {
			typ = "TIMESTAMP" // as the migrations declare it, which the driver reads back as a time
		}
		if _, err := db.W.ExecContext(ctx, "CREATE TABLE at_t (id INTEGER PRIMARY KEY, at "+typ+" NOT NULL)"); err != nil {
			t.Fatal(err)
		}
		base := time.Date(2026, 7, 1, 9, 30, 5, 0, time.UTC)
		// In the order of time: a whole second, then .1 s later, then 0.5 s.
		ats := []time.Time{base, base.Add(100 * time.Millisecond), base.Add(500 * time.Millisecond),
			base.Add(time.Second + 120*time.Microsecond)}
		ins := store.Rebind(db.Engine, "INSERT INTO at_t (id, at) VALUES ($1, $2)")
		for i := len(ats) - 1; i >= 0; i-- {
			if _, err := db.W.ExecContext(ctx, ins, i, db.SortableTime(ats[i])); err != nil {
				t.Fatal(err)
			}
		}
		rows, err := db.R.QueryContext(ctx, store.Rebind(db.Engine, "SELECT id, at FROM at_t WHERE at >= $1 ORDER BY at"),
			db.SortableTime(base))
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var id int
			var at time.Time
			if err := rows.Scan(&id, &at); err != nil {
				t.Fatal(err)
			}
			if id != n || !at.Equal(ats[n]) {
				t.Fatalf("row %d: id %d at %s, want id %d at %s", n, id, at, n, ats[n])
			}
			n++
		}
		if n != len(ats) {
			t.Fatalf("%d rows, want %d", n, len(ats))
		}
	})
}
