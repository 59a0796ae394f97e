package allocation_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/web/webtest"
)

// A campaign's runs go page by page: each page links the next while more
// follow, and walking the links shows every run once, the latest first.
func TestAllocationRunsPageThrough(t *testing.T) {
	f := webtest.New(t)
	c := requeststest.Open(t, f.DB, webtest.Clock(), "road", f.Org.ID, f.Org.Path, "KZ-75")
	names := []string{"Runner Alpha", "Runner Bravo", "Runner Charlie", "Runner Delta", "Runner Echo"}
	for _, name := range names {
		exec(t, f, `INSERT INTO allocation_runs (campaign_id, kind, committed, objective, distance, lines, served,
			waitlisted, kept, digest, org_path, created_by, created_name, via, created_at)
			VALUES ($1, 'plan', FALSE, 0, 0, 0, 0, 0, 0, '', $2, NULL, $3, 'web', $4)`,
			c.ID, f.Org.Path, name, webtest.Clock())
	}
	coord := f.Login(t, "coord@example.org")
	next := "/campaigns/" + webtest.Itoa(c.ID) + "/allocation?limit=2"
	var seen []string
	for pages := 0; next != ""; pages++ {
		if pages == 3 {
			t.Fatalf("more than three pages of five runs by two: %v", seen)
		}
		r := coord.Get(next)
		if r.Status != http.StatusOK {
			t.Fatalf("%s: %d", next, r.Status)
		}
		var here []string
		for _, name := range names {
			if strings.Contains(r.Body, name) {
				here = append(here, name)
			}
		}
		slices.SortFunc(here, func(a, b string) int { return strings.Index(r.Body, a) - strings.Index(r.Body, b) })
		if len(here) == 0 || len(here) > 2 {
			t.Fatalf("%s shows %v", next, here)
		}
		seen = append(seen, here...)
		next = webtest.Next(r.Body)
	}
	want := []string{"Runner Echo", "Runner Delta", "Runner Charlie", "Runner Bravo", "Runner Alpha"}
	if strings.Join(seen, ",") != strings.Join(want, ",") {
		t.Fatalf("the pages showed %v, want %v", seen, want)
	}
}
