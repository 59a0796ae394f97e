package store

import (
	"context"
	"database/sql/driver"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// copyPostgres writes rows with COPY on driver connection dc.
func copyPostgres(ctx context.Context, dc any, table string, columns []string, rows [][]any) error {
	c, ok := dc.(*stdlib.Conn)
	if !ok {
		return fmt.Errorf("store: no bulk writes on %T", dc)
	}
	src := pgx.CopyFromSlice(len(rows), func(i int) ([]any, error) { return driverValues(rows[i]) })
	_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, columns, src)
	return err
}

// driverValues converts arguments to the values a driver takes: named
// string types to strings, sql.Null* and other Valuers to their values.
func driverValues(row []any) ([]any, error) {
	out := make([]any, len(row))
	for i, v := range row {
		var err error
		if out[i], err = driver.DefaultParameterConverter.ConvertValue(v); err != nil {
			return nil, fmt.Errorf("column %d: %w", i+1, err)
		}
	}
	return out, nil
}

// batchPostgres runs query once per row on driver connection dc, in one
// batch.
func batchPostgres(ctx context.Context, dc any, query string, rows [][]any) error {
	c, ok := dc.(*stdlib.Conn)
	if !ok {
		return fmt.Errorf("store: no bulk writes on %T", dc)
	}
	var b pgx.Batch
	for i, row := range rows {
		vals, err := driverValues(row)
		if err != nil {
			return fmt.Errorf("row %d: %w", i+1, err)
		}
		b.Queue(query, vals...)
	}
	return c.Conn().SendBatch(ctx, &b).Close()
}
