package api

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
)

// A campaign's runs come page by page with the cursor of every list: the
// pages together hold each run once, the latest first, and the last has
// no next_cursor.
func TestAllocationRunsPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		c := requeststest.Open(t, db, f.w.Clock.Now(), "road", f.org.ID, f.org.Path, "KZ-75")
		path := fmt.Sprintf("%s/campaigns/%d/allocations", Prefix, c.ID)
		coord := f.token[access.Coordinator]
		for range 5 {
			if w := f.do(t, "POST", path, coord, map[string]any{"dry_run": true}); w.Code != http.StatusOK {
				t.Fatalf("dry run: %d %s", w.Code, w.Body)
			}
		}
		var ids []int64
		next, pages := path+"?limit=2", 0
		for next != "" {
			if pages++; pages > 3 {
				t.Fatalf("more than three pages of five runs by two: %v", ids)
			}
			w := f.do(t, "GET", next, coord, nil)
			if w.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", next, w.Code, w.Body)
			}
			page := decodeAs[list[allocation.Run]](t, w)
			if len(page.Items) == 0 || len(page.Items) > 2 {
				t.Fatalf("%s: %d runs", next, len(page.Items))
			}
			for _, r := range page.Items {
				ids = append(ids, r.ID)
			}
			next = ""
			if page.NextCursor != "" {
				next = path + "?limit=2&cursor=" + page.NextCursor
			}
		}
		if len(ids) != 5 {
			t.Fatalf("the pages held %v, want five runs", ids)
		}
		for i := 1; i < len(ids); i++ {
			if ids[i] >= ids[i-1] {
				t.Fatalf("runs out of order or repeated: %v", ids)
			}
		}
	})
}
