package store

import (
	"context"
	"fmt"
	"strings"
)

// CountCap is where a list's count stops: past it a list says "more than
// 10,000" instead of counting a million rows on every page view. A
// bounded count reads at most CountCap+1 rows of the list's own index.
const CountCap = 10_000

// Count is how many rows a list holds, counted up to CountCap.
type Count struct {
	N    int  // the rows counted; CountCap when More
	More bool // there are more than CountCap
}

// CountArg is the value to bind for the LIMIT of a bounded count:
// "SELECT count(*) FROM (SELECT 1 … LIMIT $n) x".
func CountArg() int { return CountCap + 1 }

// Counted reads the result of a bounded count query.
func Counted(n int) Count {
	if n > CountCap {
		return Count{N: CountCap, More: true}
	}
	return Count{N: n}
}

// CountOf is the count of a list read whole (one that is never long
// enough to page, such as an offer's placements).
func CountOf(n int) Count { return Counted(n) }

// CountRows counts, up to CountCap, the rows a list query returns: query
// is the list's own (its scope and filters), and args are bound so that it
// starts at the top (Page{}.BeforeArg()), skips nothing and returns at
// most CountArg() rows, its LIMIT bounding the count. A list that is
// cheap to read row by row (users, organisations, jobs) counts this way,
// so its count cannot drift from what it shows; a list whose rows are
// dear to build has a count query of its own.
func CountRows(ctx context.Context, q Querier, query string, args ...any) (Count, error) {
	query = strings.TrimSuffix(strings.TrimSpace(query), ";")
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM (\n"+query+"\n) counted", args...).Scan(&n); err != nil {
		return Count{}, fmt.Errorf("count rows: %w", err)
	}
	return Counted(n), nil
}
