// Package store opens Jol's database — SQLite by default, PostgreSQL for
// larger installations — applies the embedded migrations and gives domain
// packages a small, engine-neutral way to run their named queries.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Engine names a supported database engine.
type Engine string

// The engines Jol runs on.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// DB is an open Jol database. Writes go through W; reads may use R.
// On SQLite W is a single connection (SQLite allows one writer) and R a
// read-only pool; on PostgreSQL both are the same pool.
type DB struct {
	Engine Engine
	W      *sql.DB
	R      *sql.DB
	pool   *pgxpool.Pool // PostgreSQL only
	wide   wideCache     // SQLite only
	ckpt   *checkpointer // SQLite only
}

// Querier is what *sql.DB and *sql.Tx have in common, so a store
// operation can run alone or inside a caller's transaction.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// ErrOpen wraps every failure to open a database, so the CLI can tell the
// operator exactly what went wrong instead of printing a stack trace.
var ErrOpen = errors.New("cannot open database")

// EngineOf tells which engine a data-source name selects: a postgres:// or
// postgresql:// URL selects PostgreSQL, anything else is a SQLite file path.
func EngineOf(dsn string) Engine {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return Postgres
	}
	return SQLite
}

// Open opens the database named by dsn and checks that it answers.
// It does not migrate; call Migrate for that.
func Open(ctx context.Context, dsn string) (*DB, error) {
	var (
		db  *DB
		err error
	)
	switch EngineOf(dsn) {
	case Postgres:
		db, err = openPostgres(ctx, dsn)
	default:
		db, err = openSQLite(ctx, dsn)
	}
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrOpen, Redact(dsn), err)
	}
	return db, nil
}

// Close closes both pools.
func (db *DB) Close() error {
	var err error
	if db.ckpt != nil {
		db.ckpt.stop()
		err = db.ckpt.conn.Close()
	}
	err = errors.Join(err, db.W.Close())
	if db.R != db.W {
		err = errors.Join(err, db.R.Close())
	}
	if db.pool != nil {
		db.pool.Close()
	}
	return err
}

// Redact hides the password in a PostgreSQL URL so it can be logged.
func Redact(dsn string) string {
	if EngineOf(dsn) != Postgres {
		return dsn
	}
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://") + 3
	if at < 0 {
		return dsn
	}
	cred := dsn[scheme:at]
	if i := strings.Index(cred, ":"); i >= 0 {
		return dsn[:scheme] + cred[:i] + ":***" + dsn[at:]
	}
	return dsn
}
