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

// SortableTime is the value to pass for t to a query of db, in a column
// that SQL compares or sorts by, so that its order in SQL is its order in
// time. On SQLite it is a string: t in UTC with all nine digits of
// fraction ("2026-07-01T09:30:05.500000000Z"), because the driver writes
// a time as RFC 3339 text whose fraction drops its trailing zeros, and
// "…:05.5Z" then sorts before "…:05Z". On PostgreSQL it is t in UTC, a
// time.Time. Every value of such a column, and every value compared with
// it, must be passed through it; the column reads back as a time either
// way.
func (db *DB) SortableTime(t time.Time) any {
	if db.Engine == SQLite {
		return t.UTC().Format(sortableLayout)
	}
	return t.UTC()
}

const sortableLayout = "2006-01-02T15:04:05.000000000Z"
