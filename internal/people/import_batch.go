package people

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
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
	homes    homeCache              // the households of this batch and the one before
	ids      map[string][]Person    // the holders of the batch's ID numbers, read ahead
	names    map[nameBirth][]Person // the candidates for matching the batch's rows by name, read ahead
	staged   staged                 // rows planned and not yet written
	dry      *dryRun                // what a dry run would have written; nil in a real run
	load     *loader                // the load with the indexes dropped, if the import is one (see startLoad)
	probes   probeBudget            // out-of-scope ID numbers the user may still hit
	pool     [persons + 1][]int64
	poolSize int // how many ids one query reserves
	conn     *sql.Conn
	reader   *sql.Conn    // the connection of the read-only transactions, until Close
	restore  func() error // puts the writer's page cache back as it was
	tx       *sql.Tx
	began    time.Time     // when tx was opened
	waits    int64         // store.DB.WriterWaits then
	flushRow time.Duration // what writing a staged row takes, measured
	stmts    map[string]*sql.Stmt
	totals   Totals
	err      error // the failure that ended the import
	closed   bool
	landed   map[int]*rowPlan // the plan of each row of the batch, by line, when kept (see KeepPersons)
}

// Batch imports rows and returns one outcome per row, in order, and the
// errors of the rejected ones. A row is written all or nothing: everything
// that can be wrong with it is found before anything is written. A row
// that only adds (a new person, with their household, guardian and
// categories) is staged and written with the others in a few statements
// (see flush); a row that changes a registered person is written at once,
// inside a savepoint, after what is staged. A real run reads ahead what
// the rows name outside the writer, then writes them in transactions of
// about ImportOptions.Hold each while other requests wait for the writer
// (see slice and due), the last committed before
// Batch returns; a dry run keeps one transaction for all its batches, so
// later rows see the persons and households earlier ones created, and
// Close rolls it back. The error is only for a failure that ends the
// whole import (the database is gone): the open transaction is rolled
// back and every later call returns the same error.
func (is *ImportSession) Batch(ctx context.Context, rows []ImportRow) ([]Outcome, []RowError, error) {
	switch {
	case is.closed:
		return nil, nil, errClosed
	case is.err != nil:
		return nil, nil, is.err
	case is.dry != nil:
		return is.dryBatch(ctx, rows)
	case is.load != nil:
		return is.loadBatch(ctx, rows)
	}
	is.homes.rotate()
	is.poolSize = 2*len(rows) + 2
	if err := is.readAhead(ctx, rows); err != nil {
		return nil, nil, is.fail(fmt.Errorf("people: import: %w", err))
	}
	if err := is.begin(ctx); err != nil {
		return nil, nil, is.fail(fmt.Errorf("people: import: begin: %w", err))
	}
	bt := &batch{outs: make([]Outcome, len(rows))}
	for i, row := range rows {
		if err := is.pace(ctx, bt); err != nil {
			return nil, nil, is.fail(fmt.Errorf("people: import: %w", err))
		}
		out, fs, err := is.next(ctx, i, row, bt)
		if err != nil {
			return nil, nil, is.fail(fmt.Errorf("people: import line %d: %w", row.Line, err))
		}
		bt.set(i, row, out, fs)
		bt.log.lines(row.Line)
	}
	if err := is.flushOrRetry(ctx, bt); err != nil {
		return nil, nil, is.fail(fmt.Errorf("people: import: %w", err))
	}
	if err := is.logBatch(ctx, &bt.log); err != nil {
		return nil, nil, is.fail(err)
	}
	if err := is.commit(ctx, bt); err != nil {
		return nil, nil, is.fail(fmt.Errorf("people: import: commit: %w", err))
	}
	return is.done(bt)
}

// readAhead reads what planning the rows asks about in a read-only
// transaction, which leaves the writer to others meanwhile: what they
// write before the rows are is found as between slices.
func (is *ImportSession) readAhead(ctx context.Context, rows []ImportRow) error {
	if err := is.open(ctx, true); err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	err := is.prefetch(ctx, rows)
	return errors.Join(err, is.end(false))
}

// prefetch reads ahead what planning the rows asks about.
func (is *ImportSession) prefetch(ctx context.Context, rows []ImportRow) error {
	if err := is.prefetchIDs(ctx, rows); err != nil {
		return err
	}
	if err := is.prefetchHomes(ctx, rows); err != nil {
		return err
	}
	return is.prefetchNames(ctx, rows)
}

// done counts a batch's outcomes in the totals and returns them, with the
// errors in the order of the lines.
func (is *ImportSession) done(bt *batch) ([]Outcome, []RowError, error) {
	for _, o := range bt.outs {
		is.totals.add(o)
	}
	slices.SortStableFunc(bt.errs, func(a, b RowError) int { return cmp.Compare(a.Line, b.Line) })
	return bt.outs, bt.errs, nil
}

// next plans a row and stages it when it only adds to the registry;
// otherwise it writes what is staged and then the row, planned again
// from the database.
func (is *ImportSession) next(ctx context.Context, i int, row ImportRow, bt *batch) (Outcome, []errs.FieldError, error) {
	pl, fs, err := is.plan(ctx, row)
	switch {
	case err != nil || len(fs) > 0:
		return Rejected, fs, err
	case pl.outcome == Unchanged:
		return Unchanged, nil, nil
	case pl.old.ID == 0:
		return Created, nil, is.stage(ctx, i, row, pl)
	}
	if err := is.flushOrRetry(ctx, bt); err != nil {
		return "", nil, err
	}
	is.stale()
	return is.one(ctx, row, &bt.log)
}
