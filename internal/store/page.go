package store

import "strconv"

// Page asks for one page of a list ordered newest first by id: the rows
// whose id is below Before (all rows when Before is 0), at most Limit.
// Cursor pagination stays fast and stable while rows are being added.
//
// Skip jumps to a page by number: the rows skipped before the page starts
// (a page-number link). Keyset cursors carry next; an offset only serves
// a jump, and a jump goes no deeper than JumpCap rows, so no query reads
// and drops more than that.
type Page struct {
	Before int64
	Limit  int
	Skip   int
}

// Page size bounds.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// ParsePage reads a cursor and a limit as they come from a query string;
// bad or missing values fall back to the first page and the default size.
func ParsePage(cursor, limit string) Page {
	p := Page{Limit: DefaultLimit}
	if c, err := strconv.ParseInt(cursor, 10, 64); err == nil && c > 0 {
		p.Before = c
	}
	if l, err := strconv.Atoi(limit); err == nil && l > 0 {
		p.Limit = min(l, MaxLimit)
	}
	return p
}

// BeforeArg is the value to bind for "id < $n": the largest id when the
// page starts at the top.
func (p Page) BeforeArg() int64 {
	if p.Before <= 0 {
		return 1<<63 - 1
	}
	return p.Before
}

// LimitArg is the value to bind for LIMIT: one more than the page size, so
// Trim can tell whether another page follows.
func (p Page) LimitArg() int {
	if p.Limit <= 0 {
		return DefaultLimit + 1
	}
	return p.Limit + 1
}

// JumpCap is the deepest a jump to a page by number goes: the rows an
// OFFSET may skip. An offset reads every row it skips, and in a narrow
// scope read in the list's order (one school of a million persons) it
// reads the rows of every other school between them too: at 1,000,000
// persons a jump 10,000 rows deep into one school took over a second, one
// 2,500 deep stays near the first page's cost. Deeper pages are reached
// by Next, whose keyset cursor costs the same at any depth.
const JumpCap = 2_500

// SkipArg is the value to bind for OFFSET: Skip, bounded by JumpCap.
func (p Page) SkipArg() int { return min(max(p.Skip, 0), JumpCap) }

// Trim cuts rows fetched with LimitArg down to the page and returns the
// cursor of the next page ("" when this is the last one). id returns the id
// of a row.
func Trim[T any](p Page, rows []T, id func(T) int64) ([]T, string) {
	return TrimBy(p, rows, func(r T) string { return strconv.FormatInt(id(r), 10) })
}

// TrimBy is Trim for a list in an order of more than the id (a deadline,
// then the id): cursor writes the position of a row as the next page's
// cursor, for the page's last row when another page follows.
func TrimBy[T any](p Page, rows []T, cursor func(T) string) ([]T, string) {
	size := p.LimitArg() - 1
	if len(rows) <= size {
		return rows, ""
	}
	rows = rows[:size]
	return rows, cursor(rows[size-1])
}
