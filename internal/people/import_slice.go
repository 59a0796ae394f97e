package people

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// DefaultHold is how long a real import keeps a write transaction open
// before it commits what it has written and lets in the requests waiting
// for the writer. SQLite has one writer: while an import holds it, a
// login or a form waits, so a waiting request waits about this long.
const DefaultHold = 30 * time.Millisecond

// DefaultMaxHold is how long a real import keeps a write transaction
// open when no request of the process waits for the writer: as long as
// when one does. Committing seldom is faster (each commit writes again
// the index pages its transaction changed: 100,000 rows into a registry
// of a million took 18 s committing once a batch, 29 s every 30 ms), but
// a request that starts waiting during a long transaction then waits for
// all of it to be written and committed, and a writer of another process
// is not seen waiting at all. BulkMaxHold is for an import that has the
// registry to itself.
const DefaultMaxHold = DefaultHold

// BulkMaxHold is MaxHold for an import that has the registry to itself
// (`jol import people --bulk`): about a transaction per batch, and a
// request of the process that waits meanwhile is still let in at the next
// row, once what is staged is written.
const BulkMaxHold = 5 * time.Second

// guessFlushRow is what writing one staged row is thought to take until
// the first flush has measured it.
const guessFlushRow = 80 * time.Microsecond

// holds returns how long a write transaction of the session may be open
// when a request waits for the writer, and when none does.
func (is *ImportSession) holds() (hold, most time.Duration) {
	hold, most = DefaultHold, DefaultMaxHold
	if is.o.Hold > 0 {
		hold = is.o.Hold
	}
	switch {
	case is.o.MaxHold > 0:
		most = is.o.MaxHold
	case is.s.db.Engine == store.Postgres:
		// Its writers do not take turns: an open import keeps waiting only
		// one that writes the same ID number or household reference.
		most = BulkMaxHold
	}
	return hold, max(hold, most)
}

// pace commits the open transaction when it is due, and otherwise writes
// what is staged once writing it would take a hold: a request that starts
// waiting for the writer then waits for little more than the commit.
func (is *ImportSession) pace(ctx context.Context, bt *batch) error {
	if is.due() {
		return is.slice(ctx, bt)
	}
	if hold, _ := is.holds(); is.flushTime() >= hold {
		return is.flushOrRetry(ctx, bt)
	}
	return nil
}

// flushTime is what writing the staged rows is thought to take.
func (is *ImportSession) flushTime() time.Duration {
	perRow := is.flushRow
	if perRow == 0 {
		perRow = guessFlushRow
	}
	return perRow * time.Duration(len(is.staged.rows))
}

// due reports whether the open transaction should be committed now: it
// has held the writer, counting the time writing what is staged will
// take, the longest it may while a request waits for it (one began
// waiting since the transaction opened) or the longest it may at all.
// Asking is cheap; it is asked before each row.
func (is *ImportSession) due() bool {
	held := time.Since(is.began) + is.flushTime()
	hold, most := is.holds()
	return held >= most || held >= hold && is.s.db.WriterWaits() != is.waits
}

// slice commits what the batch has planned so far - the staged rows, the
// rows written at once and the change log entry of what was created - and
// opens the next transaction. Every row is in one slice or the next, never
// in both, so rows stay all or nothing and the counts and log entries add
// up to the batch's. Between slices other writers may write: what they
// did is found as on PostgreSQL, where an import never locks them out (a
// taken ID number or household reference makes flushOrRetry plan the rows
// again), and the ids of new rows are read again (end drops them).
func (is *ImportSession) slice(ctx context.Context, bt *batch) error {
	if err := is.flushOrRetry(ctx, bt); err != nil {
		return err
	}
	if err := is.logBatch(ctx, &bt.log); err != nil {
		return err
	}
	bt.log = batchLog{}
	if err := is.commit(ctx, bt); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return is.begin(ctx)
}

// commit commits the open transaction, with everything the rows of the
// batch planned so far wrote, after ImportOptions.Commit has added to it.
func (is *ImportSession) commit(ctx context.Context, bt *batch) error {
	if c := is.o.Commit; c != nil && bt.done > 0 {
		errs := slices.Clone(bt.errs) // a row retried after a flush adds its errors out of order
		slices.SortStableFunc(errs, func(a, b RowError) int { return cmp.Compare(a.Line, b.Line) })
		if err := c(ctx, is.tx, bt.outs[:bt.done], errs); err != nil {
			return err // the caller rolls back
		}
	}
	return is.end(true)
}

// timeFlush takes in how long writing n staged rows took, for due.
func (is *ImportSession) timeFlush(n int, d time.Duration) {
	if n < 16 {
		return // too few to say much, and the statements' preparing weighs
	}
	per := d / time.Duration(n)
	if is.flushRow == 0 {
		is.flushRow = per
		return
	}
	is.flushRow = (3*is.flushRow + per) / 4
}
