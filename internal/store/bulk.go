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

// insertSQLite inserts rows one by one with a statement prepared once.
// Times are bound in the driver's default format, the one every other
// write uses, so that they compare equal in queries.
func insertSQLite(ctx context.Context, c *sqlite3.Conn, table string, columns []string, rows [][]any) (err error) {
	defer func() {
		// The driver panics when SQLite runs out of memory; database/sql
		// recovers from that around its own calls, Raw does not.
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				panic(r)
			}
			err = fmt.Errorf("store: %s: %w", table, e)
		}
	}()
	marks := strings.TrimSuffix(strings.Repeat("?,", len(columns)), ",")
	st, _, err := c.Prepare(fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", table, strings.Join(columns, ", "), marks))
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
				return fmt.Errorf("row %d, %s: %w", n+1, columns[i], err)
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
