package people

import (
	"context"
	"fmt"
	"time"
)

// DefaultHold is how long a real import keeps a write transaction open
// before it commits what it has written and lets other writers in. SQLite
// has one writer: while an import holds it, a login or a form waits, so
// an import writes in slices of about this long and a waiting request
// waits about as much.
const DefaultHold = 30 * time.Millisecond

// guessFlushRow is what writing one staged row is thought to take until
// the first flush has measured it.
const guessFlushRow = 80 * time.Microsecond

// hold is the longest a write transaction of the session is meant to be
// open.
func (is *ImportSession) hold() time.Duration {
	if is.o.Hold > 0 {
		return is.o.Hold
	}
	return DefaultHold
}

// due reports whether the open transaction has held the writer long
// enough that it should be committed: the time it has been open and the
// time writing what is staged will take.
func (is *ImportSession) due() bool {
	perRow := is.flushRow
	if perRow == 0 {
		perRow = guessFlushRow
	}
	return time.Since(is.began)+perRow*time.Duration(len(is.staged.rows)) >= is.hold()
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
	if err := is.end(true); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return is.begin(ctx)
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
