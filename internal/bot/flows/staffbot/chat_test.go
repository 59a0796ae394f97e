package staffbot_test

import (
	"os"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/flows/staffbot"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// engine is the conversation engine with the staff's flows.
func engine(t *testing.T, w *testworld.World) *conv.Engine {
	t.Helper()
	fs, err := staffbot.Flows(w.Services)
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.Services.Conversations.Engine(fs...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// link links chat c to the account of p with a one-time code from their
// profile page. The tests of what a chat may not reach (forged buttons,
// an unlinked chat) drive it straight through the engine and read the
// replies; the whole conversations go through the fake Bot API (live).
func link(t *testing.T, c *bottest.DirectChat, p access.Principal) {
	t.Helper()
	code, err := c.W.Services.Conversations.IssueCode(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	c.Mask(code.Text, "<code>")
	c.Cmd("/link " + code.Text)
}

// rebind writes query in the world's engine's dialect.
func rebind(w *testworld.World, query string) string { return store.Rebind(w.DB.Engine, query) }
