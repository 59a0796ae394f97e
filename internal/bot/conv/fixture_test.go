package conv_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// chat drives one conversation through an Engine as the dispatcher does:
// each update in its own store.DB.Atomic, the replies written down as a
// transcript. Keys and codes that are random are written as placeholders,
// so the transcript is the same on every run and both engines.
type chat struct {
	t      *testing.T
	w      *testworld.World
	e      *conv.Engine
	id     int64
	user   int64
	lang   string
	update int64
	seen   [][][]bot.Button // every keyboard received, in order
	masks  map[string]string
	log    strings.Builder
}

func newChat(t *testing.T, w *testworld.World, e *conv.Engine, id int64, lang string) *chat {
	return &chat{t: t, w: w, e: e, id: id, user: id, lang: lang, masks: map[string]string{}}
}

// mask writes secret as name in the transcript.
func (c *chat) mask(secret, name string) { c.masks[secret] = name }

func (c *chat) clean(s string) string {
	for secret, name := range c.masks {
		s = strings.ReplaceAll(s, secret, name)
	}
	return s
}

// send runs u in a transaction of its own and writes it and the replies down.
func (c *chat) send(u bot.Update, shown string) []bot.Message {
	c.t.Helper()
	c.update++
	u.ID, u.ChatID, u.Language = c.update, c.id, c.lang
	if u.UserID == 0 {
		u.UserID = c.user
	}
	var out []bot.Message
	err := c.w.DB.Atomic(context.Background(), func(tx *store.Tx) error {
		var err error
		out, err = c.e.Handle(context.Background(), tx, u)
		return err
	})
	if err != nil {
		c.t.Fatalf("update %d (%s): %v", u.ID, shown, err)
	}
	fmt.Fprintf(&c.log, "> %s\n", c.clean(shown))
	for _, m := range out {
		c.write(m)
	}
	return out
}

func (c *chat) write(m bot.Message) {
	if m.ChatID != c.id {
		c.t.Errorf("a message for chat %d in chat %d's conversation", m.ChatID, c.id)
	}
	if n := len([]rune(m.Text)); n > conv.MaxText {
		c.t.Errorf("a message of %d characters", n)
	}
	switch {
	case m.AnswerCallback != "":
		fmt.Fprintf(&c.log, "< (button answered) %s\n", m.Text)
		return
	case m.RemoveKeyboard:
		fmt.Fprintf(&c.log, "< %s\n  (contact keyboard removed)\n", m.Text)
		return
	}
	fmt.Fprintf(&c.log, "< %s\n", strings.ReplaceAll(m.Text, "\n", "\n  "))
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
		c.seen = append(c.seen, m.Buttons)
	}
}

func (c *chat) text(s string) []bot.Message {
	shown := s
	if len([]rune(s)) > 80 {
		shown = fmt.Sprintf("(a text of %d characters)", len([]rune(s)))
	}
	return c.send(bot.Update{Kind: bot.KindText, Text: s}, shown)
}

func (c *chat) cmd(line string) []bot.Message {
	name, args, _ := strings.Cut(strings.TrimPrefix(line, "/"), " ")
	shown := line
	if len(line) > 80 {
		shown = fmt.Sprintf("/%s (a payload of %d characters)", name, len(args))
	}
	return c.send(bot.Update{Kind: bot.KindCommand, Text: line, Command: name, Args: strings.TrimSpace(args)}, shown)
}

// press presses the button at row, col of the latest keyboard.
func (c *chat) press(row, col int) []bot.Message { return c.pressIn(len(c.seen)-1, row, col) }

// pressIn presses a button of the keyboard received n-th (from 0).
func (c *chat) pressIn(n, row, col int) []bot.Message {
	c.t.Helper()
	if n < 0 || n >= len(c.seen) || row >= len(c.seen[n]) || col >= len(c.seen[n][row]) {
		c.t.Fatalf("no button %d,%d on keyboard %d", row, col, n)
	}
	b := c.seen[n][row][col]
	return c.send(bot.Update{Kind: bot.KindCallback, Callback: bot.Callback{ID: fmt.Sprint("cb", c.update+1), Data: b.Data}},
		"(presses "+b.Text+")")
}

func (c *chat) photo() []bot.Message { return c.send(bot.Update{Kind: bot.KindOther}, "(a photo)") }

func (c *chat) contact(phone string, owner int64) []bot.Message {
	return c.send(bot.Update{Kind: bot.KindContact, Phone: phone, ContactUserID: owner},
		fmt.Sprintf("(shares the contact of user %d)", owner))
}

// probe is a flow of the tests alone: a typed name, a choice, the phone
// through the contact button; it starts from region links too.
func probe() *conv.Flow {
	return &conv.Flow{Name: "probe", Start: "name", Menu: "probe.menu", Kinds: []deeplink.Kind{deeplink.Region},
		Steps: map[string]conv.Step{
			"name": {
				Ask: func(c *conv.Chat) (conv.Prompt, error) {
					return conv.Prompt{Text: "probe: your name?", Free: true}, nil
				},
				Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
					if len([]rune(in.Text)) < 2 {
						return conv.Again("probe: at least two letters"), nil
					}
					c.Data["name"] = in.Text
					return conv.Goto("colour"), nil
				},
			},
			"colour": {
				Ask: func(c *conv.Chat) (conv.Prompt, error) {
					return conv.Prompt{Text: "probe: " + c.Data["name"] + ", a colour?",
						Choices: [][]conv.Choice{{{Label: "red", Value: "r"}, {Label: "blue", Value: "b"}}}}, nil
				},
				Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
					c.Data["colour"] = in.Choice
					return conv.Goto("phone"), nil
				},
			},
			"phone": {
				Ask: func(c *conv.Chat) (conv.Prompt, error) {
					return conv.Prompt{Text: "probe: your phone?", Contact: "probe: share"}, nil
				},
				Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
					l, ok, err := c.Link()
					if err != nil {
						return conv.Next{}, err
					}
					from := "no link"
					if ok {
						from = string(l.Kind) + " " + l.Target
					}
					c.Say(fmt.Sprintf("probe: %s, %s, %s, from %s", c.Data["name"], c.Data["colour"], in.Phone, from))
					return conv.Done(), nil
				},
			},
		}}
}

// engine is a new engine over w's database with the probe flow, on a
// service of its own: nothing of an earlier engine is kept in memory.
func engine(t *testing.T, w *testworld.World) *conv.Engine {
	t.Helper()
	svc := w.Services
	s, err := conv.New(w.DB, svc.Audit, conv.Deps{Links: svc.BotLinks, Settings: svc.Settings, Accounts: svc.Accounts,
		Catalog: svc.Catalog}, w.Clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.Engine(probe())
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func coord(w *testworld.World) access.Principal { return w.Principal(access.Coordinator) }

// fakePress is a press of a button with data no question offered.
func fakePress(data string) bot.Update {
	return bot.Update{Kind: bot.KindCallback, Callback: bot.Callback{ID: "forged", Data: data}}
}
