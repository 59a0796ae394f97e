package distribution_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/web/webtest"
)

// The distribution days go page by page, the latest start first, of two
// days starting at the same time the later planned first (here across a
// page's end): walking the Next links shows every day once, in order.
func TestDistributionDaysPageThrough(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	starts := []struct {
		place string
		at    time.Time
	}{
		{"Hall Alpha", time.Date(2026, 9, 1, 4, 0, 0, 0, time.UTC)},
		{"Hall Bravo", time.Date(2026, 9, 2, 4, 0, 0, 0, time.UTC)},
		{"Hall Charlie", time.Date(2026, 9, 3, 4, 0, 0, 0, time.UTC)},
		{"Hall Delta", time.Date(2026, 9, 3, 4, 0, 0, 0, time.UTC)},
		{"Hall Echo", time.Date(2026, 9, 4, 4, 0, 0, 0, time.UTC)},
	}
	for _, s := range starts {
		webtest.Must(f.Svc.Distribution.CreateEvent(ctx, access.System, distribution.EventInput{CampaignID: f.campaign.ID,
			WarehouseID: f.point.ID, Place: s.place, StartsAt: s.at, WholePoint: true}))
	}
	c := f.Login(t, "coord@example.org")
	next := "/distribution?limit=2"
	var seen []string
	for pages := 0; next != ""; pages++ {
		if pages == 3 {
			t.Fatalf("more than three pages of five days by two: %v", seen)
		}
		r := c.Get(next)
		if r.Status != http.StatusOK {
			t.Fatalf("%s: %d", next, r.Status)
		}
		var here []string
		for _, s := range starts {
			if strings.Contains(r.Body, s.place) {
				here = append(here, s.place)
			}
		}
		slices.SortFunc(here, func(a, b string) int { return strings.Index(r.Body, a) - strings.Index(r.Body, b) })
		if len(here) == 0 || len(here) > 2 {
			t.Fatalf("%s shows %v", next, here)
		}
		seen = append(seen, here...)
		next = webtest.Next(r.Body)
	}
	want := "Hall Echo,Hall Delta,Hall Charlie,Hall Bravo,Hall Alpha"
	if strings.Join(seen, ",") != want {
		t.Fatalf("the pages showed %v, want %s", seen, want)
	}
}
