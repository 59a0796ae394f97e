package store

import "strings"

// Rebind adapts a query written with PostgreSQL's $1, $2, … parameters to
// the engine. SQLite also accepts "$1", but as a *named* parameter numbered
// by first appearance, so "SET a = $2 WHERE id = $1" would bind backwards;
// its "?1" form is truly positional, so that is what SQLite gets. Quoted
// literals and identifiers and comments are copied as they are, and an
// apostrophe in a comment does not open a literal.
func Rebind(e Engine, q string) string {
	if e != SQLite || !strings.Contains(q, "$") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q))
	for i := 0; i < len(q); {
		j := i + 1
		switch {
		case q[i] == '\'' || q[i] == '"':
			j = until(q, i+1, q[i:i+1])
		case strings.HasPrefix(q[i:], "--"):
			j = until(q, i, "\n")
		case strings.HasPrefix(q[i:], "/*"):
			j = until(q, i+2, "*/")
		case q[i] == '$' && j < len(q) && q[j] >= '0' && q[j] <= '9':
			b.WriteByte('?')
			i = j
			continue
		}
		b.WriteString(q[i:j])
		i = j
	}
	return b.String()
}

// until returns the index just past the first end at or after from, or
// len(q) when there is none.
func until(q string, from int, end string) int {
	k := strings.Index(q[from:], end)
	if k < 0 {
		return len(q)
	}
	return from + k + len(end)
}
