// Package storetest gives tests a fresh, migrated database on every engine,
// so one conformance suite runs each store operation on SQLite and on
// PostgreSQL alike.
package storetest

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/pgtest"
)

// Main runs a package's tests and then stops the shared PostgreSQL cluster.
// Use it from TestMain: func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }.
func Main(m *testing.M) int {
	code := m.Run()
	if err := pgtest.StopShared(); err != nil && code == 0 {
		return 1
	}
	return code
}

// Each runs fn once per engine, as subtests "sqlite" and "postgres", each
// with a fresh migrated database. PostgreSQL is skipped with a reason when
// no server can be started, or fails the test when JOL_REQUIRE_POSTGRES=1.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// SQLite returns a migrated database in a new file under t.TempDir().
func SQLite(t testing.TB) *store.DB {
	t.Helper()
	return open(t, filepath.Join(t.TempDir(), "jol.db"))
}

// Postgres returns a migrated database, new and empty, on the shared
// throwaway cluster.
func Postgres(t testing.TB) *store.DB {
	t.Helper()
	ctx := context.Background()
	c, err := pgtest.Shared(ctx)
	if err != nil {
		pgtest.Skip(t, err)
	}
	dsn, err := c.CreateDatabase(ctx, dbName(t.Name()))
	if err != nil {
		t.Fatalf("create test database: %v", err)
	}
	return open(t, dsn)
}

// Engine returns a migrated database of the engine named by JOL_TEST_ENGINE
// ("sqlite" by default), for tests that exercise the whole server once.
func Engine(t testing.TB) *store.DB {
	if os.Getenv("JOL_TEST_ENGINE") == string(store.Postgres) {
		return Postgres(t)
	}
	return SQLite(t)
}

func open(t testing.TB, dsn string) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("open %s: %v", store.Redact(dsn), err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return db
}

var nonIdent = regexp.MustCompile(`[^a-z0-9]+`)

func dbName(testName string) string {
	n := nonIdent.ReplaceAllString(strings.ToLower(testName), "_")
	if len(n) > 40 {
		n = n[:40]
	}
	return "t_" + n
}
