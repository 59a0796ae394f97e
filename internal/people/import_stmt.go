package people

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// single reports whether the row writes one statement: a person
// registered alone, without household or categories. SQLite rolls back a
// failed statement and goes on with the transaction, so it needs no
// savepoint; PostgreSQL aborts the whole transaction and always does.
func (pl *rowPlan) single() bool { return pl.old.ID == 0 && pl.home == nil && len(pl.cats) == 0 }

// savepoint runs fn inside a savepoint of the batch's transaction and
// rolls back to it when fn fails; the transaction goes on either way.
func (is *ImportSession) savepoint(ctx context.Context, fn func() error) error {
	if _, err := is.exec(ctx, is.s.q.Savepoint); err != nil {
		return err
	}
	err := fn()
	if err != nil {
		if _, rerr := is.exec(ctx, is.s.q.RollbackSavepoint); rerr != nil {
			return fmt.Errorf("%w (and rolling back: %w)", err, rerr)
		}
	}
	if _, rerr := is.exec(ctx, is.s.q.ReleaseSavepoint); rerr != nil && err == nil {
		err = rerr
	}
	return err
}

// stmt returns query q prepared in the open transaction, preparing it on
// first use: every query of a batch is prepared once per transaction.
func (is *ImportSession) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if err := is.sync(); err != nil {
		return nil, err
	}
	if st, ok := is.stmts[q]; ok {
		return st, nil
	}
	st, err := is.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	is.stmts[q] = st
	return st, nil
}

func (is *ImportSession) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := is.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (is *ImportSession) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := is.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// insert runs an INSERT of one row and returns its id: through
// LastInsertId on SQLite, where RETURNING is slow and the query leaves it
// out, through RETURNING on PostgreSQL, which has no LastInsertId.
func (is *ImportSession) insert(ctx context.Context, q string, args ...any) (int64, error) {
	var id int64
	if is.s.db.Engine != store.SQLite {
		err := is.row(ctx, q, args...).Scan(&id)
		return id, err
	}
	res, err := is.exec(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// row runs a query of one row; a failure to prepare it comes out of Scan.
func (is *ImportSession) row(ctx context.Context, q string, args ...any) store.Scanner {
	st, err := is.stmt(ctx, q)
	if err != nil {
		return failed{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// failed is a row that could not be read.
type failed struct{ err error }

func (f failed) Scan(...any) error { return f.err }

// one imports a row: it decides everything the row writes first, reading
// only, then writes it inside a savepoint. Another writer can still take
// a reference, an ID or a household's head in between (PostgreSQL): the
// row is then planned again from the database, once.
func (is *ImportSession) one(ctx context.Context, row ImportRow, b *batchLog) (Outcome, []errs.FieldError, error) {
	for retried := false; ; retried = true {
		pl, fs, err := is.plan(ctx, row)
		if err != nil || len(fs) > 0 {
			return Rejected, fs, err
		}
		if pl.outcome == Unchanged {
			return Unchanged, nil, nil
		}
		if is.load != nil {
			if err := is.pastReserved(ctx); err != nil {
				return "", nil, err
			}
		}
		if pl.single() && is.s.db.Engine == store.SQLite {
			err = is.write(ctx, pl) // one statement: all or nothing by itself
		} else {
			err = is.savepoint(ctx, func() error { return is.write(ctx, pl) })
		}
		is.drop() // SQLite may have given a reserved id
		switch {
		case err == nil:
			if is.load != nil {
				is.wrote(pl)
			}
			is.settle(pl)
			is.forgetIDs(pl)
			b.created(pl)
			return pl.outcome, nil, nil
		case !store.IsUniqueViolation(err):
			return "", nil, err
		case retried:
			return Rejected, []errs.FieldError{errs.Field("", "error.conflict")}, nil
		}
		is.forget()
	}
}
