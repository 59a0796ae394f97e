package store

import (
	"database/sql"
	"time"
)

// Dates without a time of day (a date of birth, the day a placement was
// decided) are stored as UTC midnight in DATE columns; an unknown date is
// the zero time in Go and NULL in the database.

// Day returns the calendar day of t as UTC midnight; the zero time stays
// zero (unknown).
func Day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// NullDate is the day of t to store, NULL for the zero time.
func NullDate(t time.Time) sql.NullTime {
	return sql.NullTime{Time: Day(t), Valid: !t.IsZero()}
}

// TimeOf is a nullable time as read, in UTC; zero when NULL.
func TimeOf(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// SortableTime returns t as a query argument whose order in SQL is its
// order in time, for a column that is compared or sorted by: on SQLite,
// UTC text with all nine digits of fraction, because the driver's own
// text (RFC 3339) drops a fraction's trailing zeros and "…:05.5Z" then
// sorts before "…:05Z"; on PostgreSQL, t itself. Every value of such a
// column must be written through it; it reads back as a time as usual.
func (db *DB) SortableTime(t time.Time) any {
	if db.Engine == SQLite {
		return t.UTC().Format(sortableLayout)
	}
	return t.UTC()
}

const sortableLayout = "2006-01-02T15:04:05.000000000Z"
