package conv

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/store"
)

// Engine is the bot's conversations: a bot.Handler over the flows it was
// built with and the built-in ones (the main menu, the choice of
// language). It keeps nothing between updates but what it stores.
type Engine struct {
	s      *Service
	flows  map[string]*Flow
	menu   []*Flow // the flows with a main-menu button, in the order given
	byKind map[deeplink.Kind]*Flow
	byCmd  map[string]*Flow // the flows that claim a command, by its name
	cmds   []*Flow          // the same, in the order given, for /help
}

// The built-in flows.
const (
	menuFlow     = "menu"
	languageFlow = "language"
)

// Engine builds the engine over the flows that plug into it. A flow name
// given twice, or two flows for one kind of deep link, is refused.
func (s *Service) Engine(flows ...*Flow) (*Engine, error) {
	e := &Engine{s: s, flows: map[string]*Flow{}, byKind: map[deeplink.Kind]*Flow{}, byCmd: map[string]*Flow{}}
	all := append([]*Flow{e.menuFlow(), e.languageFlow()}, flows...)
	for _, f := range all {
		if err := f.check(); err != nil {
			return nil, err
		}
		if e.flows[f.Name] != nil {
			return nil, fmt.Errorf("conv: flow %s given twice", f.Name)
		}
		e.flows[f.Name] = f
		if f.Menu != "" {
			e.menu = append(e.menu, f)
		}
		for _, k := range f.Kinds {
			if e.byKind[k] != nil {
				return nil, fmt.Errorf("conv: two flows for deep links of kind %s", k)
			}
			e.byKind[k] = f
		}
		if f.Command != "" {
			if e.byCmd[f.Command] != nil {
				return nil, fmt.Errorf("conv: two flows for /%s", f.Command)
			}
			e.byCmd[f.Command] = f
			e.cmds = append(e.cmds, f)
		}
	}
	return e, nil
}

// Handle is bot.Handler: it runs u through the chat's conversation in tx
// and returns the messages to send, in order. The conversation's new
// state is written in tx, so it commits with the update.
func (e *Engine) Handle(ctx context.Context, tx *store.Tx, u bot.Update) ([]bot.Message, error) {
	if u.Kind == bot.KindMember {
		return nil, nil // blocking and unblocking are the transport's
	}
	cv, err := e.s.lockAndLoad(ctx, tx, u.ChatID)
	if err != nil {
		return nil, err
	}
	l, err := e.localizer(ctx, tx, cv.locale, u.Language)
	if err != nil {
		return nil, err
	}
	c := &Chat{Ctx: store.Within(ctx, tx), Tx: tx, ID: u.ChatID, UserID: u.UserID, Data: cv.data, L: l, conv: &cv, e: e}
	if cv.flow == "" || e.flows[cv.flow] == nil || e.flows[cv.flow].Steps[cv.step].Ask == nil {
		// A new chat, or one in a flow this installation no longer has.
		cv.flow, cv.step = menuFlow, "main"
	}
	if err := e.route(c, u); err != nil {
		return nil, err
	}
	cv.data = c.Data
	if err := e.s.save(ctx, tx, cv); err != nil {
		return nil, err
	}
	return c.out, nil
}

// localizer is the chat's language: its choice, else Telegram's when
// Jol speaks it, else the installation's. Everything the engine reads
// goes through the update's transaction: on PostgreSQL a second
// connection wanted by every update in flight would exhaust the pool.
func (e *Engine) localizer(ctx context.Context, q store.Querier, chosen, telegram string) (*i18n.Localizer, error) {
	if l, ok := i18n.Parse(chosen); ok {
		return e.s.d.Catalog.Localizer(l), nil
	}
	if l, ok := i18n.Parse(telegram); ok {
		return e.s.d.Catalog.Localizer(l), nil
	}
	set, err := e.s.d.Settings.GetIn(ctx, q)
	if err != nil {
		return nil, err
	}
	l, _ := i18n.Parse(set.DefaultLocale)
	return e.s.d.Catalog.Localizer(l), nil
}

// route sends u where it belongs: a command, a button, or an answer to
// the step the chat is in.
func (e *Engine) route(c *Chat, u bot.Update) error {
	switch u.Kind {
	case bot.KindCommand:
		return e.command(c, u.Command, u.Args)
	case bot.KindCallback:
		return e.press(c, u.Callback)
	case bot.KindText:
		return e.text(c, u.Text)
	case bot.KindContact:
		return e.contact(c, u)
	default: // a photo, a sticker, a file
		return e.other(c)
	}
}

// step is the step the chat is in.
func (e *Engine) step(c *Chat) Step { return e.flows[c.conv.flow].Steps[c.conv.step] }

// ask asks the current step's question; fresh raises the version first,
// so the buttons of every earlier question go stale. A question asked
// again after bad input keeps its version: its old buttons still work.
func (e *Engine) ask(c *Chat, fresh bool) error {
	if fresh {
		c.conv.version++
		if enter := e.step(c).Enter; enter != nil {
			if err := enter(c); err != nil {
				return fmt.Errorf("conv: %s/%s: %w", c.conv.flow, c.conv.step, err)
			}
		}
	}
	p, err := e.step(c).Ask(c)
	if err != nil {
		return fmt.Errorf("conv: %s/%s: %w", c.conv.flow, c.conv.step, err)
	}
	m := bot.Message{ChatID: c.ID, Text: clip(p.Text), AskContact: p.Contact}
	if p.Contact == "" {
		if m.Buttons, err = buttons(c.conv.version, p.Choices); err != nil {
			return fmt.Errorf("conv: %s/%s: %w", c.conv.flow, c.conv.step, err)
		}
	}
	c.out = append(c.out, m)
	return nil
}

// answer gives in to the current step and follows where it leads.
func (e *Engine) answer(c *Chat, in Input) error {
	next, err := e.step(c).Answer(c, in)
	if err != nil {
		return err
	}
	return e.follow(c, next)
}

// follow moves the conversation as next says and asks the question there.
func (e *Engine) follow(c *Chat, next Next) error {
	switch {
	case next.again != "":
		c.Say(next.again)
		return e.ask(c, false)
	case next.done:
		return e.enter(c, menuFlow)
	case next.flow != "":
		if e.flows[next.flow] == nil {
			return fmt.Errorf("conv: no flow %q", next.flow)
		}
		return e.enter(c, next.flow)
	}
	if e.flows[c.conv.flow].Steps[next.step].Ask == nil {
		return fmt.Errorf("conv: flow %s has no step %q", c.conv.flow, next.step)
	}
	c.conv.step = next.step
	return e.ask(c, true)
}

// enter begins flow at its first step with no answers yet.
func (e *Engine) enter(c *Chat, flow string) error {
	f := e.flows[flow]
	c.conv.flow, c.conv.step = f.Name, f.Start
	c.Data = map[string]string{}
	return e.ask(c, true)
}

// buttons are the inline keyboard of choices, each button's data the
// version and the value.
func buttons(version int, rows [][]Choice) ([][]bot.Button, error) {
	var out [][]bot.Button
	for _, row := range rows {
		var r []bot.Button
		for _, ch := range row {
			b := bot.Button{Text: ch.Label, URL: ch.URL}
			if ch.URL == "" {
				b.Data = strconv.Itoa(version) + ":" + ch.Value
				if len(b.Data) > 64 {
					return nil, fmt.Errorf("button %q: data over 64 bytes", ch.Value)
				}
			}
			r = append(r, b)
		}
		out = append(out, r)
	}
	return out, nil
}

// parseData splits a button's data into its version and value.
func parseData(data string) (int, string, bool) {
	v, value, ok := strings.Cut(data, ":")
	n, err := strconv.Atoi(v)
	return n, value, ok && err == nil
}
