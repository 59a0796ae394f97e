package store

import (
	"context"
	"database/sql"
	"maps"
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

// Overrides reads query's rows of a key and a number over a copy of
// defaults, as settings kept by key (the days each kind or step is
// given) are read: a key defaults does not hold is left out, so a row of
// a kind since removed changes nothing.
func Overrides[K ~string](ctx context.Context, q Querier, query string, defaults map[K]int) (map[K]int, error) {
	type row struct {
		key K
		n   int
	}
	rows, err := Select(ctx, q, func(sc Scanner) (row, error) {
		var r row
		return r, sc.Scan(&r.key, &r.n)
	}, query)
	if err != nil {
		return nil, err
	}
	out := maps.Clone(defaults)
	for _, r := range rows {
		if _, ok := out[r.key]; ok {
			out[r.key] = r.n
		}
	}
	return out, nil
}
