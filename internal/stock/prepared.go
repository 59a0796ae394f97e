package stock

import (
	"context"
	"database/sql"
)

// prepared runs the queries it was given as statements prepared once on
// a transaction, and any other query as it is: a call that repeats a few
// statements for every row (Reserve, for every hold of an allocation run)
// then has each parsed once, not once a row — SQLite's driver keeps no
// statement cache.
type prepared struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

// prepare prepares queries on tx; close the result when done.
func prepare(ctx context.Context, tx *sql.Tx, queries ...string) (*prepared, error) {
	p := &prepared{tx: tx, stmts: make(map[string]*sql.Stmt, len(queries))}
	for _, q := range queries {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			p.close()
			return nil, err
		}
		p.stmts[q] = st
	}
	return p, nil
}

// close closes the statements. Their transaction's end closes them too;
// an error here changes nothing that was written, so none is returned.
func (p *prepared) close() {
	for _, st := range p.stmts {
		_ = st.Close()
	}
}

// ExecContext runs query.
func (p *prepared) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := p.stmts[query]; st != nil {
		return st.ExecContext(ctx, args...)
	}
	return p.tx.ExecContext(ctx, query, args...)
}

// QueryContext runs query.
func (p *prepared) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := p.stmts[query]; st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.tx.QueryContext(ctx, query, args...)
}

// QueryRowContext runs query for one row.
func (p *prepared) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := p.stmts[query]; st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return p.tx.QueryRowContext(ctx, query, args...)
}
