package distribution_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/distribution"
)

// A cursor reads back as written, to the nanosecond; a broken one is the
// first page.
func TestEventCursor(t *testing.T) {
	c := distribution.EventCursor{StartsAt: time.Date(2026, 9, 3, 8, 0, 0, 500, time.UTC), ID: 17}
	if got := distribution.ParseEventCursor(c.String()); !got.StartsAt.Equal(c.StartsAt) || got.ID != 17 {
		t.Fatalf("%q read back as %+v", c.String(), got)
	}
	for _, bad := range []string{"", "17", "20260903T080000Z", "20260903T080000Z_0", "tomorrow_17", "20260903T080000Z_x"} {
		if got := distribution.ParseEventCursor(bad); got.ID != 0 {
			t.Errorf("%q read as %+v", bad, got)
		}
	}
	if (distribution.EventCursor{}).String() != "" {
		t.Error("the first page's cursor is not empty")
	}
}
