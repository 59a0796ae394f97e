package store

import (
	"context"
	"errors"
	"fmt"
)

// A caller that owns a transaction may let the domain operations it calls
// write in it, so that everything commits together or not at all: the
// bot's dispatcher runs each update in one transaction, and a step of a
// conversation that submits an application writes the request, the
// conversation's new state and the replies in it. Within puts the
// transaction in the context; DB.Tx and DB.Atomic given that context
// join it, each inside a savepoint of its own, so that an operation that
// fails undoes only its own writes (on PostgreSQL a failed statement
// would otherwise spoil the whole transaction), and DB.Writer gives it
// to the few writes made outside a transaction.
//
// Reads through R do not see what the transaction has written so far: a
// caller that reads back its own writes reads through the transaction.

type withinKey struct{}

// Within returns ctx carrying t.
func Within(ctx context.Context, t *Tx) context.Context {
	return context.WithValue(ctx, withinKey{}, t)
}

// joined is the transaction ctx carries on db, or nil.
func (db *DB) joined(ctx context.Context) *Tx {
	t, _ := ctx.Value(withinKey{}).(*Tx)
	if t == nil || t.db != db {
		return nil
	}
	return t
}

// Writer is where a single write outside a transaction goes: the
// transaction ctx carries, else W.
func (db *DB) Writer(ctx context.Context) Querier {
	if t := db.joined(ctx); t != nil {
		return t
	}
	return db.W
}

// atomicIn runs fn in t inside a savepoint. When fn fails, its writes are
// undone, the AfterCommit functions it left are dropped and its
// OnRollback ones run, as Atomic runs them after a rollback.
func (t *Tx) atomicIn(ctx context.Context, fn func(*Tx) error) error {
	committed, rolledBack := len(t.committed), len(t.rolledBack)
	err := t.savepoint(ctx, func() error { return fn(t) })
	if err == nil {
		return nil
	}
	undo := t.rolledBack[rolledBack:]
	t.committed, t.rolledBack = t.committed[:committed], t.rolledBack[:rolledBack]
	for _, f := range undo {
		err = f(ctx, err)
	}
	return err
}

// savepoint runs fn between a savepoint and its release, rolling back to
// it when fn fails or panics.
func (t *Tx) savepoint(ctx context.Context, fn func() error) (err error) {
	t.depth++
	defer func() { t.depth-- }()
	name := fmt.Sprintf("jol_%d", t.depth)
	if _, err := t.ExecContext(ctx, "SAVEPOINT "+name); err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	undo := func() error {
		_, err := t.ExecContext(context.WithoutCancel(ctx), "ROLLBACK TO SAVEPOINT "+name)
		if err == nil {
			_, err = t.ExecContext(context.WithoutCancel(ctx), "RELEASE SAVEPOINT "+name)
		}
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			_ = undo()
			panic(p)
		}
	}()
	if err = fn(); err != nil {
		if uerr := undo(); uerr != nil {
			return errors.Join(err, fmt.Errorf("rollback to savepoint: %w", uerr))
		}
		return err
	}
	if _, err := t.ExecContext(ctx, "RELEASE SAVEPOINT "+name); err != nil {
		return fmt.Errorf("release savepoint: %w", err)
	}
	return nil
}
