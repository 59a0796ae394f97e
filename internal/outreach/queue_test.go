package outreach_test

import (
	"strconv"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/testworld"
)

// TestQueuePagesByDeadlineThenID: cases flagged on one day share their
// deadline; a page ends at one of them and the next starts after it.
func TestQueuePagesByDeadlineThenID(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, s, coord := t.Context(), w.Services.Outreach, w.Principal(access.Coordinator)
		var flags []outreach.Flagged
		for _, first := range []string{"Aru", "Dana", "Erlan"} {
			flags = append(flags, flagged(w, w.Person(t, w.Child("Nurlanova", first, testworld.Day(2015, 5, 1))), 0.9))
		}
		_, err := s.Flag(ctx, coord, flags)
		must(t, err)
		var ids []int64
		for _, f := range flags {
			ids = append(ids, caseOf(t, w, f.PersonID))
		}
		first, next, err := s.Queue(ctx, coord, outreach.Filter{}, outreach.Page{Limit: 2})
		must(t, err)
		due := first[0].DueOn.Format("2006-01-02")
		if len(first) != 2 || first[0].ID != ids[0] || first[1].ID != ids[1] ||
			next != due+"."+strconv.FormatInt(ids[1], 10) {
			t.Fatalf("first page %+v, next %q", first, next)
		}
		rest, next, err := s.Queue(ctx, coord, outreach.Filter{}, outreach.Page{Cursor: next, Limit: 2})
		must(t, err)
		if len(rest) != 1 || rest[0].ID != ids[2] || next != "" {
			t.Fatalf("last page %+v, next %q", rest, next)
		}
	})
}
