package oosrun_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/testworld"
)

// TestPageWalksEveryFlaggedChild pages a run's children two at a time:
// each child once, the last page's cursor empty, a forged cursor refused.
func TestPageWalksEveryFlaggedChild(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := newFixture(t, w)
		r := f.run(t)
		p := w.Principal(access.Coordinator)
		seen, cursor, pages := map[int64]bool{}, "", 0
		for {
			rows, next, err := w.Services.OOS.Page(t.Context(), p, r.ID, cursor, 2)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if len(rows) > 2 || (next != "" && len(rows) != 2) {
				t.Fatalf("page %d: %d rows, next %q", pages, len(rows), next)
			}
			for _, fl := range rows {
				if seen[fl.PersonID] {
					t.Fatalf("child %d on two pages", fl.PersonID)
				}
				seen[fl.PersonID] = true
			}
			if cursor = next; cursor == "" {
				break
			}
		}
		if want := len(flagsOf(t, w, p, r.ID)); len(seen) != want || pages != (want+1)/2 {
			t.Fatalf("%d children on %d pages, want %d", len(seen), pages, want)
		}
		if _, _, err := w.Services.OOS.Page(t.Context(), p, r.ID, "not a cursor!", 2); err == nil {
			t.Fatal("a forged cursor was taken")
		}
	})
}
