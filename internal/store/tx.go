package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/jolproject/jol/internal/errs"
)

// ErrNotFound is returned by store operations when no row matches. It is
// errs.ErrNotFound: errors.Is(err, ErrNotFound) holds for every not-found
// error of every package.
var ErrNotFound error = errs.ErrNotFound

// Tx runs fn in a write transaction: committed when fn returns nil,
// rolled back otherwise, so nothing half-written is ever left behind.
// Given a context that carries a transaction of db (Within), fn runs in
// that one, inside a savepoint.
func (db *DB) Tx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	if t := db.joined(ctx); t != nil {
		return t.savepoint(ctx, func() error { return fn(t.Tx) })
	}
	tx, err := db.W.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// NotFound turns sql.ErrNoRows into the not-found domain error every
// surface shows as such (errs.NotFound, key error.not_found), which
// matches ErrNotFound with errors.Is; other errors, not-found ones
// included, pass unchanged.
func NotFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return errs.Wrap(err, errs.NotFound, "error.not_found")
	}
	return err
}

// IsUniqueViolation reports whether err is a unique-constraint failure on
// either engine.
func IsUniqueViolation(err error) bool {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "23505"
	}
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// IsForeignKeyViolation reports whether err is a foreign-key failure on
// either engine.
func IsForeignKeyViolation(err error) bool {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "23503"
	}
	return err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed")
}

// Repath is told, inside the transaction that moves a subtree of
// organisations or regions, that every materialised path starting with
// old now starts with new, so tables that copy those paths (for scoping
// without a join) move along in the same transaction.
type Repath func(ctx context.Context, tx *sql.Tx, old, new string) error

// NullID is id as a nullable foreign key: 0 (no reference) is NULL.
func NullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }
