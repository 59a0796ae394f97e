package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/store"
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
	var conn *sql.Conn
	var opts *sql.TxOptions
	var err error
	if readOnly {
		conn, err = is.readConn(ctx)
		opts = &sql.TxOptions{ReadOnly: true}
	} else {
		conn, err = is.s.db.W.Conn(ctx)
	}
	if err != nil {
		return err
	}
	tx, err := conn.BeginTx(ctx, opts)
	if err != nil {
		is.release(conn)
		return err
	}
	if _, err := tx.ExecContext(ctx, is.s.q.ImportHints); err != nil {
		tx.Rollback()
		is.release(conn)
		return err
	}
	is.conn, is.tx, is.stmts, is.began = conn, tx, map[string]*sql.Stmt{}, time.Now()
	is.waits = is.s.db.WriterWaits() // the import's own wait for the writer included
	is.probes = probeBudget{}        // a real run counts again under each transaction's lock
	return nil
}

// readConn returns the reader connection of the session, taking one from
// the readers on first use: every read-only transaction of an import uses
// the same, so one reader's page cache fills, not each of the pool's.
func (is *ImportSession) readConn(ctx context.Context) (*sql.Conn, error) {
	if is.reader == nil {
		c, err := is.s.db.R.Conn(ctx)
		if err != nil {
			return nil, err
		}
		if is.s.db.Engine == store.SQLite {
			// Its reads are scattered probes of large indexes, which a big
			// cache hardly helps; the memory is the process's.
			if _, err := c.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", -readerCacheMiB*1024)); err != nil {
				c.Close()
				return nil, err
			}
		}
		is.reader = c
	}
	return is.reader, nil
}

// readerCacheMiB is the page cache of the import's reader connection.
const readerCacheMiB = 4

// closeReader gives the session's reader back to the pool, with the page
// cache the others have.
func (is *ImportSession) closeReader() error {
	c := is.reader
	if c == nil {
		return nil
	}
	is.reader = nil
	var err error
	if is.s.db.Engine == store.SQLite {
		_, err = c.ExecContext(context.Background(), "PRAGMA cache_size = "+store.ReaderCacheSize)
	}
	return errors.Join(err, c.Close())
}

// release gives back conn at the end of a transaction, unless it is the
// session's reader, kept until Close.
func (is *ImportSession) release(conn *sql.Conn) error {
	if conn == is.reader {
		return nil
	}
	return conn.Close()
}

// fail ends the import with err, rolling back the open transaction.
func (is *ImportSession) fail(err error) error {
	is.err = err
	_ = is.sync() // the write of a load's batch, if one runs
	_ = is.end(false)
	return err
}

// forget empties the session's caches: what they held is read again from
// the database.
func (is *ImportSession) forget() {
	is.homes.reset()
	is.ids = nil
}
