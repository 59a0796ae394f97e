package staffbot_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
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

// chat drives one chat through the engine as the dispatcher does, each
// update in a transaction of its own carried in the context, for the
// tests of what a chat may not reach (forged buttons, an unlinked chat),
// which read the replies rather than a transcript; the whole
// conversations go through the fake Bot API (live).
type chat struct {
	t      *testing.T
	w      *testworld.World
	e      *conv.Engine
	id     int64
	lang   string
	update int64
	last   [][]bot.Button
	log    strings.Builder
}

func newChat(t *testing.T, w *testworld.World, e *conv.Engine, id int64, lang string) *chat {
	return &chat{t: t, w: w, e: e, id: id, lang: lang}
}

func (c *chat) send(u bot.Update, shown string) []bot.Message {
	c.t.Helper()
	c.update++
	u.ID, u.ChatID, u.UserID, u.Language = c.update, c.id, c.id, c.lang
	var out []bot.Message
	ctx := context.Background()
	err := c.w.DB.Atomic(ctx, func(tx *store.Tx) error {
		var err error
		out, err = c.e.Handle(store.Within(ctx, tx), tx, u)
		return err
	})
	if err != nil {
		c.t.Fatalf("update %d (%s): %v", u.ID, shown, err)
	}
	fmt.Fprintf(&c.log, "> %s\n", shown)
	for _, m := range out {
		c.write(m)
	}
	return out
}

func (c *chat) write(m bot.Message) {
	if m.AnswerCallback != "" {
		if m.Text != "" {
			fmt.Fprintf(&c.log, "< (button answered) %s\n", m.Text)
		}
		return
	}
	fmt.Fprintf(&c.log, "< %s\n", strings.ReplaceAll(m.Text, "\n", "\n  "))
	for _, row := range m.Buttons {
		var cells []string
		for _, b := range row {
			cells = append(cells, b.Text+" → "+b.Data)
		}
		fmt.Fprintf(&c.log, "  [%s]\n", strings.Join(cells, " | "))
	}
	if len(m.Buttons) > 0 {
		c.last = m.Buttons
	}
}

func (c *chat) text(s string) []bot.Message {
	return c.send(bot.Update{Kind: bot.KindText, Text: s}, s)
}

func (c *chat) cmd(line, shown string) []bot.Message {
	name, args, _ := strings.Cut(strings.TrimPrefix(line, "/"), " ")
	return c.send(bot.Update{Kind: bot.KindCommand, Text: line, Command: name, Args: args}, shown)
}

// press presses the button of the latest keyboard whose data ends in
// value.
func (c *chat) press(value string) []bot.Message {
	c.t.Helper()
	for _, row := range c.last {
		for _, b := range row {
			if strings.HasSuffix(b.Data, ":"+value) {
				return c.send(bot.Update{Kind: bot.KindCallback, Callback: bot.Callback{ID: "cb", Data: b.Data}},
					"(presses "+b.Text+")")
			}
		}
	}
	c.t.Fatalf("no button %q on %+v", value, c.last)
	return nil
}

// forge presses a button of value no keyboard showed, at the version of
// the latest keyboard.
func (c *chat) forge(value string) []bot.Message {
	c.t.Helper()
	version, _, _ := strings.Cut(c.last[0][0].Data, ":")
	return c.send(bot.Update{Kind: bot.KindCallback, Callback: bot.Callback{ID: "forged", Data: version + ":" + value}},
		"(a forged button "+value+")")
}

// link links the chat to the account of p with a one-time code from
// their profile page.
func (c *chat) link(p access.Principal) {
	c.t.Helper()
	code, err := c.w.Services.Conversations.IssueCode(c.t.Context(), p)
	if err != nil {
		c.t.Fatal(err)
	}
	c.cmd("/link "+code.Text, "/link <code>")
}

// rebind writes query in the world's engine's dialect.
func rebind(w *testworld.World, query string) string { return store.Rebind(w.DB.Engine, query) }
