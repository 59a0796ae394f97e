package conv

import (
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/errs"
)

// linkPrefix starts a /start payload that carries a one-time code to
// link the chat to a staff account (t.me/<bot>?start=link-<code>).
const linkPrefix = "link-"

// builtinCommands are the engine's own commands, which no flow claims.
var builtinCommands = map[string]bool{"start": true, "language": true, "help": true, "cancel": true, "link": true}

// command runs a command: /start [key], /language, /help, /cancel,
// /link code, or one a flow claims (Flow.Command), which begins that
// flow. Any other gets the list of commands, then the question the chat
// stands at.
func (e *Engine) command(c *Chat, name, args string) error {
	if f := e.byCmd[name]; f != nil {
		return e.enter(c, f.Name)
	}
	switch name {
	case "start":
		return e.start(c, args)
	case "language":
		return e.enter(c, languageFlow)
	case "help":
		c.Say(e.help(c))
		return e.ask(c, false)
	case "cancel":
		if c.conv.flow == menuFlow {
			c.Say(c.T("bot.nothing_to_cancel"))
		} else {
			c.Say(c.T("bot.cancelled"))
		}
		return e.enter(c, menuFlow)
	case "link":
		if err := e.link(c, args); err != nil {
			return err
		}
		return e.ask(c, false)
	}
	c.Say(c.T("bot.unknown_command"))
	return e.ask(c, false)
}

// start greets the chat and begins again from the main menu, or, with a
// deep link's key, from the flow for that kind of link, remembering the
// link. A key of no link, or of a disabled one, says so clearly before
// the main menu.
func (e *Engine) start(c *Chat, payload string) error {
	payload = strings.TrimSpace(payload)
	if code, ok := strings.CutPrefix(payload, linkPrefix); ok {
		if err := e.link(c, code); err != nil {
			return err
		}
		return e.enter(c, menuFlow)
	}
	c.Say(c.T("bot.welcome"))
	if payload == "" {
		c.conv.linkID = 0
		return e.enter(c, menuFlow)
	}
	l, err := e.s.d.Links.Resolve(c.Ctx, c.Tx, payload, string(c.L.Locale()))
	switch {
	case errors.Is(err, errs.ErrNotFound):
		c.Say(c.T("bot.link_unknown"))
		return e.enter(c, menuFlow)
	case errors.Is(err, deeplink.ErrDisabled):
		c.Say(c.T("bot.link_disabled"))
		return e.enter(c, menuFlow)
	case err != nil:
		return err
	}
	c.conv.linkID = l.ID
	if f := e.byKind[l.Kind]; f != nil {
		return e.enter(c, f.Name)
	}
	c.Say(c.T("bot.link_for."+string(l.Kind), "Name", l.Target))
	return e.enter(c, menuFlow)
}

// help lists the commands: the engine's, then each claimed by a flow,
// with the label of the flow's menu button.
func (e *Engine) help(c *Chat) string {
	var b strings.Builder
	b.WriteString(c.T("bot.help"))
	for _, f := range e.cmds {
		label := f.Name
		if f.Menu != "" {
			label = c.T(f.Menu)
		}
		b.WriteString("\n" + c.T("bot.help_command", "Command", f.Command, "Label", label))
	}
	return b.String()
}
