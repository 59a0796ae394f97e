package people

import (
	"context"
	"database/sql"
	"time"
)

// begin opens a transaction of the session, on a connection of its own so
// that PostgreSQL's COPY runs inside it: a write transaction, except in a
// dry run, whose reads are all it does.
func (is *ImportSession) begin(ctx context.Context) error {
	return is.open(ctx, is.dry != nil)
}

// open opens a transaction on the writer, or a read-only one on the
// readers: a real run reads ahead a batch's rows in one of those, so the
// writer is not held while it does (see Batch).
func (is *ImportSession) open(ctx context.Context, readOnly bool) error {
	pool, opts := is.s.db.W, (*sql.TxOptions)(nil)
	if readOnly {
		pool, opts = is.s.db.R, &sql.TxOptions{ReadOnly: true}
	}
	conn, err := pool.Conn(ctx)
	if err != nil {
		return err
	}
	tx, err := conn.BeginTx(ctx, opts)
	if err != nil {
		conn.Close()
		return err
	}
	if _, err := tx.ExecContext(ctx, is.s.q.ImportHints); err != nil {
		tx.Rollback()
		conn.Close()
		return err
	}
	is.conn, is.tx, is.stmts, is.began = conn, tx, map[string]*sql.Stmt{}, time.Now()
	is.waits = is.s.db.WriterWaits() // the import's own wait for the writer included
	is.probes = probeBudget{}        // a real run counts again under each transaction's lock
	return nil
}

// fail ends the import with err, rolling back the open transaction.
func (is *ImportSession) fail(err error) error {
	is.err = err
	_ = is.end(false)
	return err
}

// forget empties the session's caches: what they held is read again from
// the database.
func (is *ImportSession) forget() {
	is.homes.reset()
	is.ids = nil
}
