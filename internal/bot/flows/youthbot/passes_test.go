package youthbot_test

import (
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/flows/youthbot"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/testworld"
)

// TestNotifierReadsOnlyChanges shows where a pass looks: after the
// first, only at what changed since the pass before. A proposal whose
// news is untold but which last changed well before the previous pass
// is not read by a later pass; a starting notifier's first pass, which
// reads every chat, tells it.
func TestNotifierReadsOnlyChanges(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		p := newProgramme(t, w)
		e := engine(t, w)
		c := bottest.Direct(t, w, e, 81, "en")
		register(t, c, "10.03.2006", false)
		c.Press(tr(w, "en", "youthbot.later"))
		n, err := youthbot.NewNotifier(w.Services, w.DB, e, w.Clock.Now)
		must(t, err)
		var after int64
		news(t, w, n, c.ID, &after, 0)
		_, err = w.Services.Matching.Run(t.Context(), w.Principal(access.Coordinator), matching.Params{})
		must(t, err)
		news(t, w, n, c.ID, &after, 1)

		w.Clock.Advance(10 * time.Minute) // the registration is well before the last pass
		news(t, w, n, c.ID, &after, 0)
		p.exec(t, "DELETE FROM youth_chat_news")
		p.exec(t, "UPDATE match_proposals SET updated_at = $1", w.Clock.Now().Add(-time.Hour))
		w.Clock.Advance(time.Minute)
		if got, err := n.Once(t.Context()); err != nil || got != 0 {
			t.Fatalf("a later pass read a proposal unchanged since long before it: %d told (%v)", got, err)
		}
		fresh, err := youthbot.NewNotifier(w.Services, w.DB, e, w.Clock.Now)
		must(t, err)
		if got, err := fresh.Once(t.Context()); err != nil || got != 1 {
			t.Fatalf("a first pass told %d (%v), want the untold proposal", got, err)
		}

		// A change after the watermark is found again.
		p.exec(t, "DELETE FROM youth_chat_news")
		p.exec(t, "UPDATE match_proposals SET updated_at = $1", w.Clock.Now())
		w.Clock.Advance(time.Minute)
		if got, err := n.Once(t.Context()); err != nil || got != 1 {
			t.Fatalf("a later pass told %d (%v) of a proposal changed since the last, want 1", got, err)
		}
	})
}
