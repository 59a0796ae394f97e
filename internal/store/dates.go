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
