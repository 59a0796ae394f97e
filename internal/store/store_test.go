package store_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func TestMigrateIsIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		v, err := db.Migrate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := store.LatestVersion(db.Engine); v != want || want == 0 {
			t.Fatalf("version after second migrate = %d, want %d", v, want)
		}
	})
}

func TestTxRollsBackOnError(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		boom := errors.New("boom")
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ($1, $2)", "k", "v"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Tx error = %v, want boom", err)
		}
		var n int
		if err := db.R.QueryRowContext(ctx, "SELECT count(*) FROM settings").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatalf("%d rows left behind by a failed transaction", n)
		}
	})
}

func TestConstraintErrorsAreRecognised(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ins := "INSERT INTO settings (key, value) VALUES ($1, $2)"
		if _, err := db.W.ExecContext(ctx, ins, "k", "v"); err != nil {
			t.Fatal(err)
		}
		_, err := db.W.ExecContext(ctx, ins, "k", "w")
		if !store.IsUniqueViolation(err) {
			t.Fatalf("duplicate key: IsUniqueViolation(%v) = false", err)
		}
		now := time.Now().UTC()
		_, err = db.W.ExecContext(ctx, `INSERT INTO api_tokens (user_id, name, prefix, hash, created_at)
			VALUES ($1, $2, $3, $4, $5)`, 999, "x", "p", "h", now)
		if !store.IsForeignKeyViolation(err) {
			t.Fatalf("missing user: IsForeignKeyViolation(%v) = false", err)
		}
	})
}

func TestTimesRoundTripInUTC(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		at := time.Date(2026, 9, 1, 8, 30, 0, 123000000, time.UTC)
		if _, err := db.W.ExecContext(ctx, `INSERT INTO sessions (token, data, expiry) VALUES ($1, $2, $3)`,
			"t1", []byte{1, 2}, at); err != nil {
			t.Fatal(err)
		}
		var got time.Time
		if err := db.R.QueryRowContext(ctx, "SELECT expiry FROM sessions WHERE token = $1", "t1").Scan(&got); err != nil {
			t.Fatal(err)
		}
		if !got.Equal(at) {
			t.Fatalf("expiry = %v, want %v", got, at)
		}
	})
}

func TestOpenRejectsAFileThatIsNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(path, []byte("these are my notes, not a database, and they are long enough"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(context.Background(), path)
	if !errors.Is(err, store.ErrOpen) {
		t.Fatalf("Open(text file) = %v, want ErrOpen", err)
	}
}

func TestBindQueries(t *testing.T) {
	fsys := fstest.MapFS{
		"queries.sql":          {Data: []byte("-- name: A\nSELECT 1;\n-- name: B\nSELECT 2 FROM x\nWHERE y = $1;\n")},
		"queries_postgres.sql": {Data: []byte("-- name: B\nSELECT 3;\n")},
	}
	var q struct{ A, B string }
	if err := store.BindQueries(&q, fsys, store.SQLite); err != nil {
		t.Fatal(err)
	}
	if q.A != "SELECT 1;" || q.B != "SELECT 2 FROM x\nWHERE y = ?1;" {
		t.Fatalf("sqlite queries = %#v", q)
	}
	if err := store.BindQueries(&q, fsys, store.Postgres); err != nil || q.B != "SELECT 3;" {
		t.Fatalf("postgres override: %v %#v", err, q)
	}
	var missing struct{ A, B, C string }
	if err := store.BindQueries(&missing, fsys, store.SQLite); err == nil {
		t.Fatal("a field without a query was accepted")
	}
	var unused struct{ A string }
	if err := store.BindQueries(&unused, fsys, store.SQLite); err == nil {
		t.Fatal("a query without a field was accepted")
	}
}

func TestBindQueriesFromSeveralFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"queries.sql":         {Data: []byte("-- name: A\nSELECT 1;\n")},
		"places.sql":          {Data: []byte("-- name: B\nSELECT 2;\n")},
		"places_sqlite.sql":   {Data: []byte("-- name: B\nSELECT 4;\n")},
		"places_postgres.sql": {Data: []byte("-- name: A\nSELECT 3;\n")},
	}
	var q struct{ A, B string }
	if err := store.BindQueries(&q, fsys, store.SQLite); err != nil || q.A != "SELECT 1;" || q.B != "SELECT 4;" {
		t.Fatalf("sqlite: %v %#v", err, q)
	}
	if err := store.BindQueries(&q, fsys, store.Postgres); err != nil || q.A != "SELECT 3;" || q.B != "SELECT 2;" {
		t.Fatalf("postgres: %v %#v", err, q)
	}
	fsys["more.sql"] = &fstest.MapFile{Data: []byte("-- name: B\nSELECT 5;\n")}
	if err := store.BindQueries(&q, fsys, store.SQLite); err == nil {
		t.Fatal("a query defined in two files was accepted")
	}
}

func TestRedactHidesPassword(t *testing.T) {
	got := store.Redact("postgres://jol:s3cret@db.example:5432/jol")
	if got != "postgres://jol:***@db.example:5432/jol" {
		t.Fatalf("Redact = %q", got)
	}
}

func TestPageTrim(t *testing.T) {
	p := store.ParsePage("", "2")
	rows := []int64{9, 8, 7}
	got, next := store.Trim(p, rows, func(v int64) int64 { return v })
	if len(got) != 2 || next != "8" {
		t.Fatalf("Trim = %v %q, want [9 8] \"8\"", got, next)
	}
	got, next = store.Trim(p, rows[:2], func(v int64) int64 { return v })
	if len(got) != 2 || next != "" {
		t.Fatalf("last page: Trim = %v %q", got, next)
	}
	if store.ParsePage("x", "100000").Limit != store.MaxLimit {
		t.Fatal("limit not capped")
	}
}

func TestRebindBindsByPosition(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.W.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ('k', '$1 stays')"); err != nil {
			t.Fatal(err)
		}
		// $2 appears before $1: bound by name it would swap the values.
		q := store.Rebind(db.Engine, "UPDATE settings SET value = $2 || value WHERE key = $1")
		if _, err := db.W.ExecContext(ctx, q, "k", "new "); err != nil {
			t.Fatal(err)
		}
		var v string
		if err := db.R.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'k'").Scan(&v); err != nil {
			t.Fatal(err)
		}
		if v != "new $1 stays" {
			t.Fatalf("value = %q", v)
		}
	})
}

func TestRebindSkipsLiteralsAndComments(t *testing.T) {
	in := "-- the child's record, $9 here stays\nSELECT '$1', \"a$2\", $1 /* it's $3 */ FROM t WHERE x = $2 -- don't\n AND y = $3"
	want := "-- the child's record, $9 here stays\nSELECT '$1', \"a$2\", ?1 /* it's $3 */ FROM t WHERE x = ?2 -- don't\n AND y = ?3"
	if got := store.Rebind(store.SQLite, in); got != want {
		t.Fatalf("Rebind =\n%s\nwant\n%s", got, want)
	}
	if got := store.Rebind(store.Postgres, in); got != in {
		t.Fatal("Rebind changed a PostgreSQL query")
	}
	if got := store.Rebind(store.SQLite, "SELECT 'unterminated $1"); got != "SELECT 'unterminated $1" {
		t.Fatalf("unterminated literal: %q", got)
	}
}
