package parentbot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/testworld/golden"
)

// TestEventLink: a distribution day's link tells where and when it is
// and what to bring, in the chat's language, in the installation's time
// zone; once the event is closed, that it is over.
func TestEventLink(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		ctx, admin, coord := t.Context(), w.Principal(access.Admin), w.Principal(access.Coordinator)
		point, err := w.Services.Stock.CreateWarehouse(ctx, admin, stock.WarehouseInput{Code: "ALA-P",
			Name: "Almaty point", Kind: stock.DistributionPoint, OrgID: w.Centre.ID, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		start := time.Date(2026, 9, 12, 5, 0, 0, 0, time.UTC) // 10:00 in Almaty
		ev, err := w.Services.Distribution.CreateEvent(ctx, coord, distribution.EventInput{CampaignID: f.c.ID,
			WarehouseID: point.ID, Place: "School №1, gym", StartsAt: start, EndsAt: start.Add(6 * time.Hour), WholePoint: true})
		if err != nil {
			t.Fatal(err)
		}
		l, err := w.Services.BotLinks.Create(ctx, coord, deeplink.Input{Kind: deeplink.Event, TargetID: ev.ID})
		if err != nil {
			t.Fatal(err)
		}
		for i, lang := range []string{"kk", "ru", "fa"} {
			c := f.r.Chat(t, int64(7400+i), lang)
			c.Mask(l.Key, "<event link>")
			c.Cmd("/start " + l.Key)
			c.PressAt(0, 0) // my requests
			golden.Bytes(t, "event_"+lang, []byte(c.Transcript()))
		}
		if _, err := w.Services.Distribution.SetStatus(ctx, coord, ev.ID, ev.Version, distribution.Closed); err != nil {
			t.Fatal(err)
		}
		c := f.r.Chat(t, 7410, "en")
		if got := text(c.Cmd("/start " + l.Key)); !strings.Contains(got, "This distribution is over.") || strings.Contains(got, "Where:") {
			t.Errorf("a closed event's link: %q", got)
		}
	})
}
