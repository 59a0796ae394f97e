package people

import (
	"context"
	"database/sql"
)

// begin opens the batch's transaction, on a connection of its own so that
// PostgreSQL's COPY runs inside it; a dry run's reads only.
func (is *ImportSession) begin(ctx context.Context) error {
	pool, opts := is.s.db.W, (*sql.TxOptions)(nil)
	if is.dry != nil {
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
	is.conn, is.tx, is.stmts = conn, tx, map[string]*sql.Stmt{}
	is.probes = probeBudget{} // a real run counts again under the batch's lock
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
