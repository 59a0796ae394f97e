package bottest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
	"github.com/jolproject/jol/internal/testworld/golden"
)

// DirectChat is one user in a private chat, driven straight through a
// conversation engine as the dispatcher drives it, without the fake Bot
// API: each update runs in a store.DB.Atomic of its own, and the replies
// are written down as a transcript. Its transcript has a line "> …" for
// each thing the user did and, for each reply, "< text", its buttons as
// "  [label → data | …]" and a line for a contact keyboard. It suits the
// tests of the engine and of what a flow refuses; the whole conversations
// of users go through a Rig's Chat.
type DirectChat struct {
	t      *testing.T
	W      *testworld.World // the world whose database the updates run in
	Engine *conv.Engine     // the engine the updates go through; set another to restart
	ID     int64            // the chat's and the user's ID
	Lang   string           // the language Telegram reports for the user
	update int64
	keys   [][][]bot.Button // every keyboard received, in order
	masks  []string         // secret, name, secret, name…
	log    strings.Builder
}

// Direct starts a chat of user id with engine e over w's database.
func Direct(t *testing.T, w *testworld.World, e *conv.Engine, id int64, lang string) *DirectChat {
	return &DirectChat{t: t, W: w, Engine: e, ID: id, Lang: lang}
}

// Mask writes secret as name in the transcript: a key, a code or a token
// drawn at random, so that the transcript is the same on every run.
func (c *DirectChat) Mask(secret, name string) { c.masks = append(c.masks, secret, name) }

// Transcript is the conversation so far.
func (c *DirectChat) Transcript() string { return c.log.String() }

// Golden compares the transcript with testdata/NAME.golden.
func (c *DirectChat) Golden(name string) {
	c.t.Helper()
	golden.Bytes(c.t, name, []byte(c.log.String()))
}

// Keyboard is the latest keyboard received, nil before any.
func (c *DirectChat) Keyboard() [][]bot.Button {
	if len(c.keys) == 0 {
		return nil
	}
	return c.keys[len(c.keys)-1]
}

// Send runs u as this user's in a transaction of its own, writes it down
// as shown and the replies after it, and returns the replies. The update's
// ID and chat are filled in, and its user when u has none.
func (c *DirectChat) Send(u bot.Update, shown string) []bot.Message {
	c.t.Helper()
	c.update++
	u.ID, u.ChatID, u.Language = c.update, c.ID, c.Lang
	if u.UserID == 0 {
		u.UserID = c.ID
	}
	var out []bot.Message
	err := c.W.DB.Atomic(context.Background(), func(tx *store.Tx) error {
		var err error
		out, err = c.Engine.Handle(context.Background(), tx, u)
		return err
	})
	if err != nil {
		c.t.Fatalf("update %d (%s): %v", u.ID, shown, err)
	}
	fmt.Fprintf(&c.log, "> %s\n", c.clean(shown))
	c.Write(out...)
	return out
}

// Write adds messages to the transcript as replies in this chat, such as
// a notice queued outside a conversation; their keyboards can be pressed.
func (c *DirectChat) Write(ms ...bot.Message) {
	c.t.Helper()
	for _, m := range ms {
		c.write(m)
	}
}

func (c *DirectChat) write(m bot.Message) {
	c.t.Helper()
	if m.ChatID != c.ID {
		c.t.Errorf("a message for chat %d in chat %d's conversation", m.ChatID, c.ID)
	}
	if n := len([]rune(m.Text)); n > conv.MaxText {
		c.t.Errorf("a message of %d characters", n)
	}
	text := c.clean(m.Text)
	switch {
	case m.AnswerCallback != "":
		fmt.Fprintf(&c.log, "< (button answered) %s\n", text)
		return
	case m.RemoveKeyboard:
		fmt.Fprintf(&c.log, "< %s\n  (contact keyboard removed)\n", text)
		return
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
		c.keys = append(c.keys, m.Buttons)
	}
}

func (c *DirectChat) clean(s string) string {
	for i := 0; i+1 < len(c.masks); i += 2 {
		s = strings.ReplaceAll(s, c.masks[i], c.masks[i+1])
	}
	return s
}
