package store

import (
	"context"
	"database/sql"
)

// Tx is a write transaction that operations of several domains share, so
// that what they write together is committed together or not at all: the
// public application form registers the child and the guardian, records
// the consent and submits the request in one. DB.Atomic opens it; a
// domain operation that takes a *Tx runs its statements in it (Tx is a
// Querier) and may leave work for after it ends:
//
//   - AfterCommit, for what only a commit may start (telling another
//     domain of a record it may now read);
//   - OnRollback, for what must outlive a rollback (the access log of an
//     ID number probed outside the user's scope) and may change the error
//     the caller is given.
//
// An operation that fails inside a Tx leaves it to be rolled back: the
// caller returns the error, it does not go on writing. (On PostgreSQL a
// failed statement spoils the transaction anyway.)
type Tx struct {
	*sql.Tx
	Engine     Engine
	db         *DB
	depth      int // savepoints open (within.go)
	committed  []func(context.Context)
	rolledBack []func(context.Context, error) error
}

// Atomic runs fn in a write transaction: committed when fn returns nil,
// rolled back otherwise, as Tx does. After a commit it runs the
// AfterCommit functions fn's operations left; after a rollback, the
// OnRollback ones, each given the error so far, and returns what the last
// returns. Given a context that carries a transaction of db (Within), fn
// runs in that one, inside a savepoint; its AfterCommit functions wait
// for that transaction's commit.
func (db *DB) Atomic(ctx context.Context, fn func(tx *Tx) error) error {
	if t := db.joined(ctx); t != nil {
		return t.atomicIn(ctx, fn)
	}
	t := &Tx{Engine: db.Engine, db: db}
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		t.Tx = tx
		return fn(t)
	})
	if err != nil {
		for _, f := range t.rolledBack {
			err = f(ctx, err)
		}
		return err
	}
	for _, f := range t.committed {
		f(ctx)
	}
	return nil
}

// AfterCommit adds fn to what runs once the transaction has committed; a
// rollback drops it.
func (t *Tx) AfterCommit(fn func(context.Context)) { t.committed = append(t.committed, fn) }

// OnRollback adds fn to what runs once the transaction has been rolled
// back: fn gets the error that ended it (as changed by the functions
// added before it) and returns the error to give instead, or the same.
// A commit drops it.
func (t *Tx) OnRollback(fn func(context.Context, error) error) {
	t.rolledBack = append(t.rolledBack, fn)
}

// Lock waits until no other transaction holds key, and holds it until
// this one ends: writers that must not run side by side (two applications
// for one child) take the same key. On PostgreSQL it is a transaction's
// advisory lock on the key's 64-bit hash (a rare collision only makes two
// unrelated writers wait for each other); on SQLite the transaction holds
// the database's one write lock from its start, so there is nothing more
// to take.
func (t *Tx) Lock(ctx context.Context, key string) error {
	if t.Engine != Postgres {
		return nil
	}
	_, err := t.ExecContext(ctx, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", key)
	return err
}
