package store

import (
	"context"
	"database/sql"
)

// Scanner is what *sql.Row and *sql.Rows have in common, so one scan
// function reads a row either way.
type Scanner interface{ Scan(dest ...any) error }

// Collect reads every row of rows with scan and closes rows: the loop
// every list query needs, with the error rows.Err reports once it ends.
func Collect[T any](rows *sql.Rows, scan func(Scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, rows.Close()
}

// Select runs query through q and collects its rows with scan.
func Select[T any](ctx context.Context, q Querier, scan func(Scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return Collect(rows, scan)
}

// Args joins groups of query arguments, so a scoped query can take
// access.Principal.ScopeArgs first and its own arguments after them.
func Args(groups ...[]any) []any {
	var out []any
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// ScanID reads a row of one id, for queries that list ids.
func ScanID(sc Scanner) (int64, error) {
	var id int64
	return id, sc.Scan(&id)
}
