package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Bulk writes rows into the columns of table on conn, inside the
// transaction open on it: with COPY on PostgreSQL, and on SQLite with one
// prepared INSERT bound and stepped directly, without the per-statement
// work of database/sql. The values are what database/sql would take as
// arguments. Imports write through it.
func Bulk(ctx context.Context, conn *sql.Conn, table string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	return conn.Raw(func(dc any) error {
		if c, ok := dc.(interface{ Raw() *sqlite3.Conn }); ok {
			return insertSQLite(ctx, c.Raw(), table, columns, rows)
		}
		return copyPostgres(ctx, dc, table, columns, rows)
	})
}

// BulkExec runs query once per row of arguments on conn, inside the
// transaction open on it: on SQLite prepared once, then bound and stepped
// directly as Bulk does; on PostgreSQL sent as one batch (pgx prepares it
// once and sends every execution without waiting for the one before). The
// query is written for the engine (BindQueries rebinds it): an UPDATE or
// an upsert that Bulk's plain INSERT cannot say.
func BulkExec(ctx context.Context, conn *sql.Conn, query string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	return conn.Raw(func(dc any) error {
		if c, ok := dc.(interface{ Raw() *sqlite3.Conn }); ok {
			return execSQLite(ctx, c.Raw(), query, rows)
		}
		return batchPostgres(ctx, dc, query, rows)
	})
}

// insertSQLite inserts rows one by one with a statement prepared once.
func insertSQLite(ctx context.Context, c *sqlite3.Conn, table string, columns []string, rows [][]any) error {
	marks := strings.TrimSuffix(strings.Repeat("?,", len(columns)), ",")
	q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", table, strings.Join(columns, ", "), marks)
	if err := execSQLite(ctx, c, q, rows); err != nil {
		return fmt.Errorf("store: %s: %w", table, err)
	}
	return nil
}

// execSQLite runs query once per row with a statement prepared once.
// Times are bound in the driver's default format, the one every other
// write uses, so that they compare equal in queries.
func execSQLite(ctx context.Context, c *sqlite3.Conn, query string, rows [][]any) (err error) {
	defer func() {
		// The driver panics when SQLite runs out of memory; database/sql
		// recovers from that around its own calls, Raw does not.
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				panic(r)
			}
			err = e
		}
	}()
	st, _, err := c.Prepare(query)
	if err != nil {
		return err
	}
	defer st.Close()
	for n, row := range rows {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		for i, v := range row {
			if err := bind(st, i+1, v); err != nil {
				return fmt.Errorf("row %d, argument %d: %w", n+1, i+1, err)
			}
		}
		if err := st.Exec(); err != nil {
			return err
		}
	}
	return nil
}

// bind binds argument v to parameter i as the driver would.
func bind(st *sqlite3.Stmt, i int, v any) error {
	v, err := driver.DefaultParameterConverter.ConvertValue(v)
	if err != nil {
		return err
	}
	switch v := v.(type) {
	case nil:
		return st.BindNull(i)
	case bool:
		return st.BindBool(i, v)
	case int64:
		return st.BindInt64(i, v)
	case float64:
		return st.BindFloat(i, v)
	case string:
		return st.BindText(i, v)
	case []byte:
		return st.BindBlob(i, v)
	case time.Time:
		return st.BindTime(i, v, sqlite3.TimeFormatDefault)
	}
	return fmt.Errorf("cannot bind %T", v)
}
