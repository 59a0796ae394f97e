package store

import (
	"strconv"
	"strings"
	"time"
)

// DayCursor is where a page of a list ordered by a day, then by id,
// starts: after the row of day Day with id ID. Queues by deadline page
// this way, so a page stays put while rows are added before it. The zero
// cursor is the start of the list.
type DayCursor struct {
	Day time.Time
	ID  int64
}

// String is the cursor as a page's Next link carries it,
// "2026-09-03.123"; "" for the start.
func (c DayCursor) String() string {
	if c.ID == 0 {
		return ""
	}
	return c.Day.Format(time.DateOnly) + "." + strconv.FormatInt(c.ID, 10)
}

// ParseDayCursor reads a cursor as String writes it; anything else is the
// start.
func ParseDayCursor(s string) DayCursor {
	day, id, ok := strings.Cut(s, ".")
	d, err := time.Parse(time.DateOnly, day)
	n, nerr := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil || nerr != nil || n <= 0 {
		return DayCursor{}
	}
	return DayCursor{Day: d, ID: n}
}

// Start is the day and the id to bind for the rows after the cursor
// ("day > $n OR day = $n AND id > $m"): before every row when c is the
// start.
func (c DayCursor) Start() (time.Time, int64) {
	if c.ID == 0 {
		return time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), 0
	}
	return c.Day, c.ID
}
