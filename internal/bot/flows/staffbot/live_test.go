package staffbot_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/bottest"
	"github.com/jolproject/jol/internal/bot/flows/staffbot"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
	"github.com/jolproject/jol/internal/testworld"
)

// rig runs the bot with the staff's flows over w, against the fake Bot
// API, as serve runs it.
func rig(t *testing.T, w *testworld.World) *bottest.Rig {
	t.Helper()
	fs, err := staffbot.Flows(w.Services)
	if err != nil {
		t.Fatal(err)
	}
	return bottest.Start(t, w, fs...)
}

// live is a user talking to the rig's bot; a script presses a button by
// its value (a record's id, an answer's code), whatever its label in the
// chat's language. The transcript is bottest's: the exact requests the
// bot made.
type live struct {
	*bottest.Chat
	t    *testing.T
	w    *testworld.World
	keys [][]models.InlineKeyboardButton
}

func newLive(t *testing.T, r *bottest.Rig, id int64, lang string) *live {
	return &live{Chat: r.Chat(t, id, lang), t: t, w: r.W}
}

// see keeps the latest keyboard of calls.
func (c *live) see(calls []fakeapi.Call) {
	for _, call := range calls {
		var markup struct {
			Inline [][]models.InlineKeyboardButton `json:"inline_keyboard"`
		}
		if m := call.Params["reply_markup"]; m != "" && json.Unmarshal([]byte(m), &markup) == nil && len(markup.Inline) > 0 {
			c.keys = markup.Inline
		}
	}
}

func (c *live) text(s string) { c.see(c.Text(s)) }

// press presses the button of the latest keyboard whose value is value.
func (c *live) press(value string) {
	c.t.Helper()
	for r, row := range c.keys {
		for col, b := range row {
			if strings.HasSuffix(b.CallbackData, ":"+value) {
				c.see(c.PressAt(r, col))
				return
			}
		}
	}
	c.t.Fatalf("no button %q on %+v", value, c.keys)
}

// link links the chat to p's account with a one-time code from their
// profile page.
func (c *live) link(p access.Principal) {
	c.t.Helper()
	code, err := c.w.Services.Conversations.IssueCode(c.t.Context(), p)
	if err != nil {
		c.t.Fatal(err)
	}
	c.Mask(code.Text, "<code>")
	c.see(c.Cmd("/link " + code.Text))
}
