package staffbot

import (
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/errs"
)

// may is what a flow asks of the chat's account: an action the web page
// of the same work requires, and any more it needs (a role, an
// organisation).
type may func(p access.Principal) bool

// principal is the account the chat is linked to, as the access policy
// sees it (built as the web builds it from the logged-in user); ok is
// false for a chat linked to none, or to an account no longer active.
func (b *staff) principal(c *conv.Chat) (access.Principal, bool, error) {
	id, ok, err := c.LinkedUser()
	if err != nil || !ok {
		return access.Principal{}, false, err
	}
	u, err := b.s.Accounts.LookupIn(c.Ctx, c.Tx, id)
	if errors.Is(err, errs.ErrNotFound) || err == nil && !u.Active {
		return access.Principal{}, false, nil
	}
	if err != nil {
		return access.Principal{}, false, err
	}
	return u.Principal(), true, nil
}

// offer is a flow's conv.Flow.Offer: the chat's account may do its work.
func (b *staff) offer(m may) func(c *conv.Chat) (bool, error) {
	return func(c *conv.Chat) (bool, error) {
		p, ok, err := b.principal(c)
		return ok && m(p), err
	}
}

// step is a step of a staff flow: it is given the principal of the chat's
// account, which may do the flow's work.
type step struct {
	Ask    func(c *conv.Chat, p access.Principal) (conv.Prompt, error)
	Answer func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error)
}

// guard turns steps into the engine's, each asking afresh whom the chat
// belongs to: a chat not linked, or whose account may not do the work,
// is told so and shown nothing else, its one button back to the menu.
func (b *staff) guard(m may, steps map[string]step) map[string]conv.Step {
	out := make(map[string]conv.Step, len(steps))
	for name, st := range steps {
		out[name] = conv.Step{
			Ask: func(c *conv.Chat) (conv.Prompt, error) {
				p, ok, err := b.principal(c)
				if err != nil {
					return conv.Prompt{}, err
				}
				switch {
				case !ok:
					return conv.Prompt{Text: c.T("bot.staff.link_first"), Choices: menuOnly(c)}, nil
				case !m(p):
					return conv.Prompt{Text: c.T("bot.staff.not_yours"), Choices: menuOnly(c)}, nil
				}
				return st.Ask(c, p)
			},
			Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
				p, ok, err := b.principal(c)
				if err != nil || !ok || !m(p) {
					return conv.Done(), err
				}
				if in.Choice == backValue {
					return conv.Done(), nil
				}
				return st.Answer(c, p, in)
			},
		}
	}
	return out
}

// backValue is the value of the button that leaves a flow for the menu;
// every step answers it.
const backValue = "menu"

// menuOnly is the one button back to the main menu.
func menuOnly(c *conv.Chat) [][]conv.Choice { return [][]conv.Choice{back(c)} }

// back is the row of the button back to the main menu.
func back(c *conv.Chat) []conv.Choice {
	return []conv.Choice{{Label: c.T("bot.staff.back"), Value: backValue}}
}
