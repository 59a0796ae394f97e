package bottest_test

import (
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// TestTheRigRecordsWhatTheBotSends: the menu and the choice of language,
// through the fake Bot API, across a restart, and a stale button, as
// the exact requests the bot made.
func TestTheRigRecordsWhatTheBotSends(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		r := bottest.Start(t, w)
		c := r.Chat(t, 4242, "ru")
		if got := c.Cmd("/start"); len(got) != 2 || got[1].Method != "sendMessage" || !strings.Contains(got[1].Params["reply_markup"], "inline_keyboard") {
			t.Fatalf("/start made %v, want a greeting and the menu with its buttons", got)
		}
		c.Press("Сменить язык")
		r.Restart(t)
		c.Press("فارسی")
		c.PressIn(0, 0, 0) // the menu's first button, stale now
		c.Photo()
		c.Golden("rig")
		if other := r.Chat(t, 4243, "kk"); len(other.Cmd("/help")) == 0 {
			t.Error("a second chat got no answer to /help")
		}
	})
}
