package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations
var migrationFS embed.FS

// Migration is one numbered, forward-only schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations lists the embedded migrations of an engine in order.
// Files are named NNNN_name.sql; numbers must be unique.
func Migrations(e Engine) ([]Migration, error) {
	dir := path.Join("migrations", string(e))
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, err
	}
	var ms []Migration
	for _, ent := range entries {
		name := ent.Name()
		num, rest, ok := strings.Cut(strings.TrimSuffix(name, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", name)
		}
		body, err := migrationFS.ReadFile(path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: rest, SQL: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		// Numbers only go up: a number given twice is refused. A number
		// may be missing while two branches that each took one meet
		// (0045 before 0044 lands); each migration is applied by its own
		// number, so the one that comes later is still applied.
		if i > 0 && m.Version == ms[i-1].Version {
			return nil, fmt.Errorf("migration %04d_%s: version %d given twice", m.Version, m.Name, m.Version)
		}
	}
	return ms, nil
}

// Migrate applies every migration not yet applied, each in its own
// transaction, and returns the resulting schema version.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	ms, err := Migrations(db.Engine)
	if err != nil {
		return 0, err
	}
	if _, err := db.W.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)`); err != nil {
		return 0, fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, m := range ms {
		if err := db.apply(ctx, m); err != nil {
			return 0, fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
		}
	}
	return db.SchemaVersion(ctx)
}

func (db *DB) apply(ctx context.Context, m Migration) error {
	return db.Tx(ctx, func(tx *sql.Tx) error {
		if db.Engine == Postgres {
			// Serialise concurrent migrators (two processes starting at once).
			if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(7478)"); err != nil {
				return err
			}
		}
		var n int
		err := tx.QueryRowContext(ctx, "SELECT count(*) FROM schema_migrations WHERE version = $1", m.Version).Scan(&n)
		if err != nil || n > 0 {
			return err
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
			m.Version, m.Name, time.Now().UTC())
		return err
	})
}

// SchemaVersion returns the highest applied migration, 0 for a new database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := db.R.QueryRowContext(ctx, "SELECT max(version) FROM schema_migrations").Scan(&v)
	if err != nil {
		return 0, err
	}
	return int(v.Int64), nil
}

// LatestVersion is the version the embedded migrations bring a database to.
func LatestVersion(e Engine) int {
	ms, err := Migrations(e)
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].Version
}
