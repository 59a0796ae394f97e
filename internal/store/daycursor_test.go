package store_test

import (
	"slices"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/store"
)

func TestDayCursorReadsBack(t *testing.T) {
	c := store.DayCursor{Day: time.Date(2026, 9, 2, 0, 0, 0, 0, time.UTC), ID: 42}
	if c.String() != "2026-09-02.42" {
		t.Errorf("written as %q", c.String())
	}
	if got := store.ParseDayCursor(c.String()); got != c {
		t.Errorf("read back %+v", got)
	}
	if day, id := c.Start(); !day.Equal(c.Day) || id != 42 {
		t.Errorf("binds %v %d", day, id)
	}
	for _, bad := range []string{"", "x", "2026-09-02", "2026-09-02.-1", "2026-09-02.0", "2026-13-02.5", ".5"} {
		if got := store.ParseDayCursor(bad); got != (store.DayCursor{}) {
			t.Errorf("%q read as %+v", bad, got)
		}
	}
	if (store.DayCursor{}).String() != "" {
		t.Error("the start is written as something")
	}
	// The start binds a day before any, so the first page has every row.
	if day, id := (store.DayCursor{}).Start(); day.Year() != 1 || id != 0 {
		t.Errorf("the start binds %v %d", day, id)
	}
}

// TestTrimByCarriesTheLastRowsPosition: a page of rows ordered by a day
// then id gets the cursor of its last row, and the last page none.
func TestTrimByCarriesTheLastRowsPosition(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 9, d, 0, 0, 0, 0, time.UTC) }
	rows := []store.DayCursor{{Day: day(1), ID: 7}, {Day: day(1), ID: 9}, {Day: day(3), ID: 2}}
	key := func(c store.DayCursor) string { return c.String() }
	p := store.ParsePage("", "2")
	got, next := store.TrimBy(p, rows, key)
	if !slices.Equal(got, rows[:2]) || next != "2026-09-01.9" {
		t.Fatalf("TrimBy = %v %q", got, next)
	}
	got, next = store.TrimBy(p, rows[:2], key)
	if !slices.Equal(got, rows[:2]) || next != "" {
		t.Fatalf("last page: TrimBy = %v %q", got, next)
	}
	got, next = store.TrimBy(store.Page{}, rows, key) // no limit: the default size
	if len(got) != 3 || next != "" {
		t.Fatalf("default size: TrimBy = %v %q", got, next)
	}
	big := make([]int64, store.DefaultLimit+1)
	if _, next := store.Trim(store.Page{}, big, func(int64) int64 { return 5 }); next != "5" {
		t.Fatalf("a full default page: next %q", next)
	}
}
