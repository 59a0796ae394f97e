package store

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
