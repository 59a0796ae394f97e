package bottest

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/jolproject/jol/internal/telegram/fakeapi"
	"github.com/jolproject/jol/internal/testworld/golden"
)

// Chat is one user in a private chat with the bot, speaking Lang as
// Telegram's language. Its transcript has a line "> …" for each thing the
// user did and a line "< …" for each request the bot made to the chat in
// answer (its parameters as sent, but the chat's ID), in order.
type Chat struct {
	t     *testing.T
	r     *Rig
	ID    int64
	Lang  string
	calls int // the fake's calls already written down
	keys  [][][]models.InlineKeyboardButton
	masks []string // secret, name, secret, name…
	log   strings.Builder
}

// Chat starts a chat with the bot of user id.
func (r *Rig) Chat(t *testing.T, id int64, lang string) *Chat {
	return &Chat{t: t, r: r, ID: id, Lang: lang, calls: len(r.Fake.Calls())}
}

// Mask writes secret as name in the transcript: a key or a code drawn at
// random, so that the transcript is the same on every run.
func (c *Chat) Mask(secret, name string) { c.masks = append(c.masks, secret, name) }

// Transcript is the conversation so far.
func (c *Chat) Transcript() string { return c.log.String() }

// Golden compares the transcript with testdata/NAME.golden.
func (c *Chat) Golden(name string) { golden.Bytes(c.t, name, []byte(c.log.String())) }

// Do pushes u as this user's, shown in the transcript as shown, waits
// until the bot has processed it and sent every reply, and returns the
// requests it made to this chat.
func (c *Chat) Do(u models.Update, shown string) []fakeapi.Call {
	c.t.Helper()
	ids := c.r.Fake.Push(fakeapi.Lang(u, c.Lang))
	c.r.Fake.Wait(c.t, 20*time.Second, func() bool { return c.r.settled(c.t, ids[0], c.ID) })
	fmt.Fprintf(&c.log, "> %s\n", c.clean(shown))
	all := c.r.Fake.Calls()
	var mine []fakeapi.Call
	for _, call := range all[c.calls:] {
		if call.Params["chat_id"] == strconv.FormatInt(c.ID, 10) || strings.HasPrefix(call.Params["callback_query_id"], c.callbackPrefix()) {
			mine = append(mine, call)
			c.write(call)
		}
	}
	c.calls = len(all)
	return mine
}

func (c *Chat) callbackPrefix() string { return "cb" + strconv.FormatInt(c.ID, 10) + "-" }

func (c *Chat) write(call fakeapi.Call) {
	params := map[string]string{}
	for k, v := range call.Params {
		if k != "chat_id" {
			params[k] = v
		}
	}
	if _, ok := params["callback_query_id"]; ok {
		params["callback_query_id"] = "…"
	}
	fmt.Fprintf(&c.log, "< %s\n", c.clean(fakeapi.Call{Method: call.Method, Params: params}.String()))
	var markup struct {
		Inline [][]models.InlineKeyboardButton `json:"inline_keyboard"`
	}
	if m := call.Params["reply_markup"]; m != "" && json.Unmarshal([]byte(m), &markup) == nil && len(markup.Inline) > 0 {
		c.keys = append(c.keys, markup.Inline)
	}
}

func (c *Chat) clean(s string) string {
	for i := 0; i+1 < len(c.masks); i += 2 {
		s = strings.ReplaceAll(s, c.masks[i], c.masks[i+1])
	}
	return s
}
