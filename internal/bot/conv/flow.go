package conv

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
)

// Flow is a conversation with one purpose — registering, applying,
// choosing a language — made of named steps. The Engine keeps which step
// a chat is in, and the flow's answers so far in Chat.Data.
type Flow struct {
	Name  string // stored with each conversation: never rename one in use
	Start string // the step it begins with
	// Menu is the message key of its button in the main menu; "" keeps it
	// out of the menu (it starts from a command or a deep link).
	Menu string
	// Kinds are the kinds of deep link that start it: /start with the key
	// of such a link begins this flow with Chat.Link set.
	Kinds []deeplink.Kind
	// Offer says whether the main menu shows the flow's button to a
	// chat: a staff member's flow offers itself only to a chat linked to
	// an account that may use it. Nil offers it to every chat.
	Offer func(c *Chat) (bool, error)
	// Command is a command that begins this flow ("status" for /status);
	// "" for none. The engine's own commands cannot be claimed.
	Command string
	Steps   map[string]Step
}

// Step is one question of a flow.
type Step struct {
	// Ask renders the question in the chat's language. It must not
	// write: the engine also asks it to check a button pressed or a text
	// typed against the question.
	Ask func(c *Chat) (Prompt, error)
	// Answer takes the reply: a button's value, the text typed (only when
	// the prompt is Free) or the user's own phone number (only when it
	// asks for Contact), and says where the conversation goes.
	Answer func(c *Chat, in Input) (Next, error)
	// Enter, when set, runs each time the conversation arrives at the
	// step (a Goto, a Switch, a command, a deep link), before its question
	// is asked, and not when the question is asked again after bad input.
	// Unlike Ask it may write and Say: a step that shows what it reads
	// once (a page of a list) reads it here and keeps what Ask needs in
	// Chat.Data.
	Enter func(c *Chat) error
}

// Prompt is a step's question.
type Prompt struct {
	Text    string     // in the chat's language
	Choices [][]Choice // inline buttons, row by row
	// Free lets the user type an answer; without it only a button (or the
	// contact) answers, and text brings the question back.
	Free bool
	// Contact is the label of the button that shares the user's own phone
	// number; "" when the step does not ask for it. Phone numbers reach a
	// flow only this way.
	Contact string
}

// Choice is one button: Value comes back in Input.Choice. URL makes it a
// button that opens a link instead.
type Choice struct {
	Label string
	Value string
	URL   string
}

// Input is the answer to a step: one of its fields is set.
type Input struct {
	Choice string // the value of the button pressed
	Text   string // the text typed, trimmed (a Free prompt only)
	Phone  string // the user's own number, shared with the contact button
}

// Next is where the conversation goes after an answer.
type Next struct {
	flow, step string
	done       bool
	again      string
}

// Goto moves to step of the same flow, which asks its question.
func Goto(step string) Next { return Next{step: step} }

// Switch begins flow at its first step.
func Switch(flow string) Next { return Next{flow: flow} }

// Done ends the flow: the main menu follows.
func Done() Next { return Next{done: true} }

// Again stays at the step: notice (in the chat's language) is said, then
// the question is asked again.
func Again(notice string) Next { return Next{again: notice} }

// Chat is what a step sees of the conversation it runs in.
type Chat struct {
	Ctx    context.Context
	Tx     *store.Tx // the update's transaction: everything a step writes goes here
	ID     int64     // the chat
	UserID int64     // the Telegram user
	Data   map[string]string
	L      *i18n.Localizer

	conv *conversation
	e    *Engine
	out  []bot.Message
}

// T translates key in the chat's language.
func (c *Chat) T(key string, args ...any) string { return c.L.T(key, args...) }

// Say sends text before the next question.
func (c *Chat) Say(text string) { c.out = append(c.out, bot.Message{ChatID: c.ID, Text: clip(text)}) }

// SetLocale switches the chat's language, from this message on.
func (c *Chat) SetLocale(l i18n.Locale) {
	c.conv.locale = string(l)
	c.L = c.e.s.d.Catalog.Localizer(l)
}

// Link is the deep link the chat was started from, its target named in
// the chat's language; false when there is none.
func (c *Chat) Link() (deeplink.Link, bool, error) {
	if c.conv.linkID == 0 {
		return deeplink.Link{}, false, nil
	}
	l, err := c.e.s.d.Links.Named(c.Ctx, c.Tx, c.conv.linkID, string(c.L.Locale()))
	return l, err == nil, err
}

// Now is the engine's clock: "today" of a step is its day.
func (c *Chat) Now() time.Time { return c.e.s.now() }

// LinkedUser is the Jol user the chat is linked to: ok is false when it
// is linked to none (or to one no longer active). A flow shows nothing
// about a child to a chat whose user may not see it.
func (c *Chat) LinkedUser() (id int64, ok bool, err error) {
	if c.conv.userID == 0 {
		return 0, false, nil // as the chat stands in this update: a link just made counts
	}
	u, err := c.e.s.d.Accounts.LookupIn(c.Ctx, c.Tx, c.conv.userID)
	if errors.Is(err, errs.ErrNotFound) {
		return 0, false, nil
	}
	return u.ID, err == nil && u.Active, err
}

// check refuses a flow that cannot run: no name, a start or a step
// missing its functions.
func (f *Flow) check() error {
	if f.Name == "" || len(f.Name) > 40 {
		return fmt.Errorf("conv: flow %q: a name of 1 to 40 bytes is needed", f.Name)
	}
	if _, ok := f.Steps[f.Start]; !ok {
		return fmt.Errorf("conv: flow %s: no start step %q", f.Name, f.Start)
	}
	for name, st := range f.Steps {
		if st.Ask == nil || st.Answer == nil {
			return fmt.Errorf("conv: flow %s: step %s needs Ask and Answer", f.Name, name)
		}
	}
	if builtinCommands[f.Command] {
		return fmt.Errorf("conv: flow %s: /%s is the engine's own command", f.Name, f.Command)
	}
	return nil
}
