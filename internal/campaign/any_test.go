package campaign_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/testworld"
)

// AnyVisible follows List: nothing before the first campaign, then yes
// for those who see it and no for a stranger or a role without campaigns.
func TestAnyVisibleFollowsList(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		s, ctx := w.Services.Campaigns, t.Context()
		op := w.Principal(access.Operator)
		if must(s.AnyVisible(ctx, op)) {
			t.Error("a campaign before the first one")
		}
		must(s.Create(ctx, coord(w), road(w, "road", day(2026, 7, 1), 10)))
		if !must(s.AnyVisible(ctx, op)) || !must(s.AnyVisible(ctx, coord(w))) {
			t.Error("the Almaty campaign is not seen")
		}
		if must(s.AnyVisible(ctx, w.Stranger.Principal())) {
			t.Error("a stranger sees a campaign")
		}
		if must(s.AnyVisible(ctx, w.Principal(access.Sponsor))) {
			t.Error("a sponsor sees a campaign")
		}
	})
}
