package people

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/store"
)

// each runs query q in the batch's transaction and calls fn on each row.
func (is *ImportSession) each(ctx context.Context, q string, args []any, fn func(*sql.Rows) error) error {
	rs, err := is.query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rs.Close()
	for rs.Next() {
		if err := fn(rs); err != nil {
			return err
		}
	}
	return rs.Err()
}

// inQuery is head, n parameters $1 to $n separated by commas, and tail,
// bound for engine e.
func inQuery(e store.Engine, head string, n int, tail string) string {
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(i + 1))
	}
	b.WriteString(tail)
	return store.Rebind(e, b.String())
}

// eachIn runs, for every chunk of at most size of values, the query that
// query makes for that many, with the chunk and then extra as arguments,
// and calls fn on each row: how a batch reads ahead what its rows name.
func (is *ImportSession) eachIn(ctx context.Context, values []any, size int, query func(n int) string, extra []any,
	fn func(*sql.Rows) error) error {
	for len(values) > 0 {
		chunk := values[:min(size, len(values))]
		values = values[len(chunk):]
		if err := is.each(ctx, query(len(chunk)), append(slices.Clip(chunk), extra...), fn); err != nil {
			return err
		}
	}
	return nil
}
