package youthbot_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/flows"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// chat drives one Telegram chat through the engine as the dispatcher
// does: each update in a transaction of its own, the replies written down
// as a transcript, secrets (links' keys and tokens) masked.
type chat struct {
	t      *testing.T
	w      *testworld.World
	e      *conv.Engine
	id     int64
	lang   string
	update int64
	last   [][]bot.Button // the latest keyboard
	masks  map[string]string
	log    strings.Builder
}

// engine is a new engine over w with every flow of the bot.
func engine(t *testing.T, w *testworld.World) *conv.Engine {
	t.Helper()
	fs, err := flows.All(w.Services)
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.Services.Conversations.Engine(fs...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func newChat(t *testing.T, w *testworld.World, e *conv.Engine, id int64, lang string) *chat {
	return &chat{t: t, w: w, e: e, id: id, lang: lang, masks: map[string]string{}}
}

func (c *chat) send(u bot.Update, shown string) []bot.Message {
	c.t.Helper()
	c.update++
	u.ID, u.ChatID, u.UserID, u.Language = c.update, c.id, c.id, c.lang
	var out []bot.Message
	err := c.w.DB.Atomic(context.Background(), func(tx *store.Tx) error {
		var err error
		out, err = c.e.Handle(context.Background(), tx, u)
		return err
	})
	if err != nil {
		c.t.Fatalf("update %d (%s): %v", u.ID, shown, err)
	}
	fmt.Fprintf(&c.log, "> %s\n", shown)
	c.write(out...)
	return out
}

// write adds messages to the transcript, the buttons with their values.
func (c *chat) write(ms ...bot.Message) {
	for _, m := range ms {
		text := m.Text
		for secret, name := range c.masks {
			text = strings.ReplaceAll(text, secret, name)
		}
		switch {
		case m.AnswerCallback != "":
			fmt.Fprintf(&c.log, "< (button answered) %s\n", text)
			continue
		case m.RemoveKeyboard:
			fmt.Fprintf(&c.log, "< %s\n  (contact keyboard removed)\n", text)
			continue
		}
		fmt.Fprintf(&c.log, "< %s\n", strings.ReplaceAll(text, "\n", "\n  "))
		if m.AskContact != "" {
			fmt.Fprintf(&c.log, "  [share contact: %s]\n", m.AskContact)
		}
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
}

func (c *chat) text(s string) []bot.Message {
	return c.send(bot.Update{Kind: bot.KindText, Text: s}, s)
}

func (c *chat) cmd(line string) []bot.Message {
	name, args, _ := strings.Cut(strings.TrimPrefix(line, "/"), " ")
	return c.send(bot.Update{Kind: bot.KindCommand, Text: line, Command: name, Args: args}, line)
}

// press presses the button of the latest keyboard whose label starts
// with label.
func (c *chat) press(label string) []bot.Message {
	c.t.Helper()
	return c.pressIn(c.last, label)
}

// pressIn presses a button of keyboard kb, an earlier one perhaps: the
// one labelled label, else the first whose label starts with it.
func (c *chat) pressIn(kb [][]bot.Button, label string) []bot.Message {
	c.t.Helper()
	for _, exact := range []bool{true, false} {
		for _, row := range kb {
			for _, b := range row {
				if (b.Text == label || !exact && strings.HasPrefix(b.Text, label)) && b.URL == "" {
					return c.send(bot.Update{Kind: bot.KindCallback, Callback: bot.Callback{ID: fmt.Sprint("cb", c.update+1),
						Data: b.Data}}, "(presses "+b.Text+")")
				}
			}
		}
	}
	c.t.Fatalf("no button %q on %v\n%s", label, kb, c.log.String())
	return nil
}

func (c *chat) photo() []bot.Message { return c.send(bot.Update{Kind: bot.KindOther}, "(a photo)") }

func (c *chat) contact(phone string) []bot.Message {
	return c.send(bot.Update{Kind: bot.KindContact, Phone: phone, ContactUserID: c.id}, "(shares their contact)")
}

// said reports whether any message of out holds s.
func said(out []bot.Message, s string) bool {
	for _, m := range out {
		if strings.Contains(m.Text, s) {
			return true
		}
	}
	return false
}
