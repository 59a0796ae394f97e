package people

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// An ImportSession writes the batches of rows of one file. It is not safe
// for concurrent use: the importer hands it one batch after another.
type ImportSession struct {
	s        *Service
	p        access.Principal
	o        ImportOptions
	orgPath  string
	firstID  int64 // persons with a greater id were registered during the import
	cats     map[string]Category
	catCodes map[int64]string
	regions  map[string]regionRow
	orgs     map[int64]orgRow
	homes    homeCache           // the households of this batch and the one before
	ids      map[string][]Person // the holders of the batch's ID numbers, read ahead
	tx       *sql.Tx
	stmts    map[string]*sql.Stmt
	totals   Totals
	err      error // the failure that ended the import
	closed   bool
}

// Batch imports rows and returns one outcome per row, in order, and the
// errors of the rejected ones. A row is written all or nothing: everything
// that can be wrong with it is found before anything is written, and its
// writes run inside a savepoint, rolled back when one fails (a row of one
// statement needs none on SQLite, see single). A real run commits
// each batch before returning; a dry run keeps one transaction for all
// its batches, so later rows see the persons and households earlier ones
// created, and Close rolls it back. The error is only for a failure that
// ends the whole import (the database is gone): the batch is rolled back
// and every later call returns the same error.
func (is *ImportSession) Batch(ctx context.Context, rows []ImportRow) ([]Outcome, []RowError, error) {
	switch {
	case is.closed:
		return nil, nil, errClosed
	case is.err != nil:
		return nil, nil, is.err
	}
	if is.tx == nil {
		txCtx := ctx
		if is.o.DryRun { // the transaction outlives this call
			txCtx = context.WithoutCancel(ctx)
		}
		tx, err := is.s.db.W.BeginTx(txCtx, nil)
		if err != nil {
			return nil, nil, is.fail(fmt.Errorf("people: import: begin: %w", err))
		}
		is.tx, is.stmts = tx, map[string]*sql.Stmt{}
	}
	is.homes.rotate()
	if err := is.prefetchIDs(ctx, rows); err != nil {
		return nil, nil, is.fail(fmt.Errorf("people: import: %w", err))
	}
	var b batchLog
	outs := make([]Outcome, len(rows))
	var rerrs []RowError
	for i, row := range rows {
		out, fs, err := is.one(ctx, row, &b)
		if err != nil {
			return nil, nil, is.fail(fmt.Errorf("people: import line %d: %w", row.Line, err))
		}
		for _, f := range fs {
			rerrs = append(rerrs, rowError(row, f))
		}
		outs[i] = out
		b.lines(row.Line)
	}
	if err := is.logBatch(ctx, &b); err != nil {
		return nil, nil, is.fail(err)
	}
	if !is.o.DryRun {
		if err := is.end(true); err != nil {
			return nil, nil, is.fail(fmt.Errorf("people: import: commit: %w", err))
		}
	}
	for _, o := range outs {
		is.totals.add(o)
	}
	return outs, rerrs, nil
}

// fail ends the import with err, rolling back the open transaction.
func (is *ImportSession) fail(err error) error {
	is.err = err
	_ = is.end(false)
	return err
}

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
		if pl.single() && is.s.db.Engine == store.SQLite {
			err = is.write(ctx, pl) // one statement: all or nothing by itself
		} else {
			err = is.savepoint(ctx, func() error { return is.write(ctx, pl) })
		}
		switch {
		case err == nil:
			is.settle(pl, b)
			return pl.outcome, nil, nil
		case !store.IsUniqueViolation(err):
			return "", nil, err
		case retried:
			return Rejected, []errs.FieldError{errs.Field("", "error.conflict")}, nil
		}
		is.homes.reset()
		is.ids = nil
	}
}
