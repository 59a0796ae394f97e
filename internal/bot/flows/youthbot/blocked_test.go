package youthbot_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/flows/youthbot"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/telegram"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
	"github.com/jolproject/jol/internal/testworld"
)

// TestABlockedChatForgetsTheYoungPerson sends a young person's news to a
// chat that blocked the bot: Telegram refuses it (403), the chat stops
// and no longer follows the young person, so the news after it is told
// to no chat. Registering again from the chat links it once more, to the
// same record, and the news untold since then reaches it.
func TestABlockedChatForgetsTheYoungPerson(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		p := newProgramme(t, w)
		ctx := t.Context()
		e := engine(t, w)
		c := bottest.Direct(t, w, e, 91, "ru")
		register(t, c, "10.03.2006", false)
		c.Press(tr(w, "ru", "youthbot.later"))
		id := youthOfChat(t, w, c.ID)
		n, err := youthbot.NewNotifier(w.Services, w.DB, e, w.Clock.Now)
		must(t, err)
		var after int64
		news(t, w, n, c.ID, &after, 0)

		fake := fakeapi.New(t)
		fake.Block(c.ID)
		client, err := telegram.NewClient(fake.Token, fake.URL)
		must(t, err)
		run, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		wg.Go(func() {
			_ = w.Services.Bot.Sender(client, bot.Limits{PerChat: time.Millisecond, PerSec: 100, Workers: 1}).Run(run)
		})
		_, err = w.Services.Matching.Run(ctx, w.Principal(access.Coordinator), matching.Params{})
		must(t, err)
		news(t, w, n, c.ID, &after, 1)
		fake.Wait(t, 10*time.Second, func() bool { return youthOfChat(t, w, c.ID) == 0 })
		cancel()
		wg.Wait()

		ps, err := w.Services.Matching.ForYouth(ctx, id)
		must(t, err)
		accept(t, w, p, ps[0])
		news(t, w, n, c.ID, &after, 0)

		register(t, c, "10.03.2006", false)
		if got := youthOfChat(t, w, c.ID); got != id {
			t.Fatalf("registering again linked young person %d, want %d", got, id)
		}
		c.Press(tr(w, "ru", "youthbot.later"))
		out := news(t, w, n, c.ID, &after, 1)
		if len(out) != 1 || out[0].ChatID != c.ID {
			t.Fatalf("the news after linking again: %+v", out)
		}
	})
}
