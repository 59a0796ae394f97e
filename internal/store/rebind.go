package store

import "strings"

// Rebind adapts a query written with PostgreSQL's $1, $2, … parameters to
// the engine. SQLite also accepts "$1", but as a *named* parameter numbered
// by first appearance, so "SET a = $2 WHERE id = $1" would bind backwards;
// its "?1" form is truly positional, so that is what SQLite gets. Text
// inside single quotes is left alone.
func Rebind(e Engine, q string) string {
	if e != SQLite || !strings.Contains(q, "$") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q))
	quoted := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			quoted = !quoted
		case c == '$' && !quoted && i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9':
			c = '?'
		}
		b.WriteByte(c)
	}
	return b.String()
}
