package api

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/requests/requeststest"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

// The distribution days come page by page with next_cursor: the pages
// together hold each day once, the latest start first and of days
// starting together the later planned first; the last page has no
// next_cursor.
func TestDistributionDaysPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx, admin := t.Context(), f.w.Principal(access.Admin)
		c := requeststest.Open(t, db, testworld.Epoch(), "road", f.w.Foundation.ID, f.w.Foundation.Path)
		point := must(f.svc.Stock.CreateWarehouse(ctx, admin, stock.WarehouseInput{Code: "ALA-P", Name: "Almaty point",
			Kind: stock.DistributionPoint, OrgID: f.w.Centre.ID, Active: true}))
		for _, hours := range []int{1, 3, 3, 3, 2} {
			must(f.svc.Distribution.CreateEvent(ctx, admin, distribution.EventInput{CampaignID: c.ID, WarehouseID: point.ID,
				Place: "Gym", StartsAt: testworld.Epoch().Add(time.Duration(hours) * time.Hour), WholePoint: true}))
		}
		var days []distribution.Event
		next, pages := "/api/v1/distribution/events?limit=2", 0
		for next != "" {
			if pages++; pages > 3 {
				t.Fatalf("more than three pages of five days by two: %d", len(days))
			}
			w := f.do(t, "GET", next, f.token[access.Coordinator], nil)
			if w.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", next, w.Code, w.Body)
			}
			page := decodeAs[list[distribution.Event]](t, w)
			if len(page.Items) == 0 || len(page.Items) > 2 {
				t.Fatalf("%s: %d days", next, len(page.Items))
			}
			days = append(days, page.Items...)
			next = ""
			if page.NextCursor != "" {
				next = "/api/v1/distribution/events?limit=2&cursor=" + url.QueryEscape(page.NextCursor)
			}
		}
		if len(days) != 5 {
			t.Fatalf("the pages held %d days, want 5", len(days))
		}
		for i := 1; i < len(days); i++ {
			a, b := days[i-1], days[i]
			if b.StartsAt.After(a.StartsAt) || b.StartsAt.Equal(a.StartsAt) && b.ID >= a.ID {
				t.Fatalf("day %d (%v) follows day %d (%v)", b.ID, b.StartsAt, a.ID, a.StartsAt)
			}
		}
	})
}
