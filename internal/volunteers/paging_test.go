package volunteers_test

import (
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/volunteers"
)

// TestNeedsPageByDayThenID: a page ends at a need, the next starts after
// it, even among needs of one day.
func TestNeedsPageByDayThenID(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s, coord := t.Context(), w.Services.Volunteers, w.Principal(access.Coordinator)
		late := need(t, w, 1, testworld.Day(2026, 9, 7))
		a, b := need(t, w, 1, testworld.Day(2026, 9, 5)), need(t, w, 1, testworld.Day(2026, 9, 5))
		first, next, err := s.Needs(ctx, coord, volunteers.NeedFilter{}, volunteers.Page{Limit: 2})
		must(t, err)
		if len(first) != 2 || first[0].ID != a.ID || first[1].ID != b.ID || next != "2026-09-05."+strconv.FormatInt(b.ID, 10) {
			t.Fatalf("first page %+v, next %q", first, next)
		}
		rest, next, err := s.Needs(ctx, coord, volunteers.NeedFilter{}, volunteers.Page{Cursor: next, Limit: 2})
		must(t, err)
		if len(rest) != 1 || rest[0].ID != late.ID || next != "" {
			t.Fatalf("last page %+v, next %q", rest, next)
		}
	})
}
