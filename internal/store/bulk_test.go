package store_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

type label string // a named string type, as the domain's are

// Rows written in bulk read back as rows written one by one do, on both
// engines: a date written in bulk is found by a query with the same date
// as a parameter, which on SQLite needs the same text format.
func TestBulkWritesWhatInsertWould(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		create := "CREATE TABLE bulk_t (id BIGINT PRIMARY KEY, name TEXT NOT NULL, born DATE, n INTEGER, ok BOOLEAN NOT NULL, at TIMESTAMP)"
		if _, err := db.W.ExecContext(ctx, create); err != nil {
			t.Fatal(err)
		}
		born := time.Date(2012, 3, 4, 0, 0, 0, 0, time.UTC)
		at := time.Date(2026, 11, 21, 9, 30, 15, 0, time.UTC)
		conn, err := db.W.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		rows := [][]any{
			{int64(1), label("Ахметова"), sql.NullTime{Time: born, Valid: true}, 7, true, at},
			{int64(2), "محمدی", sql.NullTime{}, sql.NullInt64{}, false, nil},
		}
		if err := store.Bulk(ctx, conn, "bulk_t", []string{"id", "name", "born", "n", "ok", "at"}, rows); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		var id int64
		var name string
		var n sql.NullInt64
		var ok bool
		var got sql.NullTime
		q := store.Rebind(db.Engine, "SELECT id, name, n, ok, at FROM bulk_t WHERE born = $1")
		if err := db.R.QueryRowContext(ctx, q, born).Scan(&id, &name, &n, &ok, &got); err != nil {
			t.Fatal(err)
		}
		if id != 1 || name != "Ахметова" || n.Int64 != 7 || !ok || !got.Time.Equal(at) {
			t.Fatalf("read back %d %q %v %v %v", id, name, n, ok, got)
		}
		q = store.Rebind(db.Engine, "SELECT name, n, ok, at FROM bulk_t WHERE born IS NULL")
		if err := db.R.QueryRowContext(ctx, q).Scan(&name, &n, &ok, &got); err != nil {
			t.Fatal(err)
		}
		if name != "محمدی" || n.Valid || ok || got.Valid {
			t.Fatalf("read back %q %v %v %v", name, n, ok, got)
		}
	})
}

// A bulk write that breaks a constraint fails, and the transaction can be
// rolled back to where it was.
func TestBulkFailsOnAConstraint(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.W.ExecContext(ctx, "CREATE TABLE bulk_u (id BIGINT PRIMARY KEY, name TEXT NOT NULL)"); err != nil {
			t.Fatal(err)
		}
		conn, err := db.W.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		err = store.Bulk(ctx, conn, "bulk_u", []string{"id", "name"}, [][]any{{1, "a"}, {1, "b"}})
		if !store.IsUniqueViolation(err) {
			t.Fatalf("duplicate key: %v", err)
		}
	})
}

// The writer's page cache is wide while any bulk write wants it and back
// to what it was after the last one.
func TestWidenCache(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	size := func() (n int64) {
		if err := db.W.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	was := size()
	r1, err := db.WidenCache(ctx, 64)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := db.WidenCache(ctx, 64)
	if err != nil {
		t.Fatal(err)
	}
	if got := size(); got != -64*1024 {
		t.Fatalf("widened: %d", got)
	}
	if err := r1(); err != nil {
		t.Fatal(err)
	}
	r1() // twice is once
	if got := size(); got != -64*1024 {
		t.Fatalf("one of two restored: %d", got)
	}
	if err := r2(); err != nil {
		t.Fatal(err)
	}
	if got := size(); got != was || was == -64*1024 {
		t.Fatalf("restored: %d, was %d", got, was)
	}
}
