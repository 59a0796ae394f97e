package requests

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jolproject/jol/internal/store"
)

// On SQLite, parsing a statement costs more than running the small
// inserts of a submission, and the driver keeps no statement cache: the
// statements every submission runs are prepared once, on the one write
// connection, when the service starts, and each transaction runs them
// through tx.Stmt, which finds them prepared on its connection. PostgreSQL
// keeps its own cache per connection (pgx), so there the queries run as
// they are.

// savepoint statements of the batch (batch.go) and of insert (submit.go).
const (
	spJob, spJobUndo, spJobDone = "SAVEPOINT job", "ROLLBACK TO SAVEPOINT job", "RELEASE SAVEPOINT job"
	spIns, spInsUndo, spInsDone = "SAVEPOINT ins", "ROLLBACK TO SAVEPOINT ins", "RELEASE SAVEPOINT ins"
)

// prepare prepares the statements of a submission on SQLite.
func (s *Service) prepare(ctx context.Context) error {
	if s.db.Engine != store.SQLite {
		return nil
	}
	s.prepared = map[string]*sql.Stmt{}
	for _, q := range []string{s.q.PersonForRequest, s.q.CampaignForRequest, s.q.CampaignCovers, s.q.CampaignItem,
		s.q.ExistingRequest, s.q.InsertRequest, s.q.InsertLine, s.q.InsertEvent, s.q.InsertOutbox,
		s.q.InsertChatOutbox, spJob, spJobUndo, spJobDone} {
		st, err := s.db.W.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("requests: prepare: %w", err)
		}
		s.prepared[q] = st
	}
	return nil
}

// inTx is a transaction that runs the service's prepared statements as
// prepared and any other query as it is.
type inTx struct {
	tx       *sql.Tx
	prepared map[string]*sql.Stmt
	// memo keeps, for one batch's transaction, what its submissions all
	// ask: whether a campaign takes a region, what an item of it is.
	memo map[string]any
}

func (s *Service) inTx(tx *sql.Tx) inTx { return inTx{tx, s.prepared, map[string]any{}} }

// memoIn returns the memo of q when q is a batch's transaction, and nil.
func memoIn(q store.Querier) map[string]any {
	if t, ok := q.(inTx); ok {
		return t.memo
	}
	return nil
}

func (t inTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := t.prepared[q]; st != nil {
		return t.tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return t.tx.ExecContext(ctx, q, args...)
}

func (t inTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := t.prepared[q]; st != nil {
		return t.tx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return t.tx.QueryContext(ctx, q, args...)
}

func (t inTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := t.prepared[q]; st != nil {
		return t.tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return t.tx.QueryRowContext(ctx, q, args...)
}

// StmtContext is the transaction's, so other packages' prepared statements
// (the change log's) run as prepared too.
func (t inTx) StmtContext(ctx context.Context, st *sql.Stmt) *sql.Stmt {
	return t.tx.StmtContext(ctx, st)
}
