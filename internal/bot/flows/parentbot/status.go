package parentbot

import (
	"errors"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/public"
)

// keyBefore and keyNext page the chat's requests: the page shown starts
// below keyBefore (none: the newest), keyNext is where the older page
// starts ("" on the last).
const (
	keyBefore = "before"
	keyNext   = "next"
)

// statusSteps are /status and "My requests": the requests the chat
// follows, newest first, a message each with what the status page says
// of it, and a button for the older ones.
func (b *bot) statusSteps() map[string]conv.Step {
	return map[string]conv.Step{"list": {
		Enter: b.showRequests,
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			var rows [][]conv.Choice
			if c.Data[keyNext] != "" {
				rows = append(rows, []conv.Choice{{Label: c.T("bot.parent.status.older"), Value: "older"}})
			}
			rows = append(rows, []conv.Choice{{Label: c.T("bot.parent.menu.apply"), Value: "apply"}},
				[]conv.Choice{{Label: c.T("bot.parent.to_menu"), Value: "menu"}})
			return conv.Prompt{Text: c.T("bot.menu"), Choices: rows}, nil
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			switch in.Choice {
			case "older":
				c.Data[keyBefore] = c.Data[keyNext]
				return conv.Goto("list"), nil
			case "apply":
				return conv.Switch(applyFlow), nil
			}
			return conv.Done(), nil
		},
	}}
}

// showRequests says the page of the chat's requests that starts below
// keyBefore, once: reading them marks their messages for the status page
// delivered, and counts an attempt against the chat's limit.
func (b *bot) showRequests(c *conv.Chat) error {
	before, _ := strconv.ParseInt(c.Data[keyBefore], 10, 64)
	delete(c.Data, keyNext)
	pg, err := b.s.Public.ForChat(c.Ctx, c.ID, before)
	if errors.Is(err, public.ErrLimited) {
		c.Say(c.T("public.limited"))
		return nil
	}
	if err != nil {
		return err
	}
	if len(pg.Requests) == 0 {
		c.Say(c.T("bot.parent.status.none"))
		return nil
	}
	for _, r := range pg.Requests {
		txt, err := b.requestText(c, r)
		if err != nil {
			return err
		}
		c.Say(txt)
	}
	if pg.Next != 0 {
		c.Data[keyNext] = strconv.FormatInt(pg.Next, 10)
	}
	return nil
}

// requestText is one request as the status page words it: the campaign,
// the reference and status, what the status means, the eligibility
// result, the allocation, the handover and a rejection's reason.
func (b *bot) requestText(c *conv.Chat, r public.ChatStatus) (string, error) {
	ex, err := b.s.ExplainStatus(c.Ctx, c.L, c.L.Date, r.Status)
	if err != nil {
		return "", err
	}
	lines := []string{r.Campaign.In(string(c.L.Locale())),
		c.T("public.status_of") + " " + r.Reference + " — " + ex.Label, ex.Meaning}
	for _, s := range append([]string{ex.Handover, ex.Eligibility}, append(ex.Allocation, ex.Reason)...) {
		if s != "" {
			lines = append(lines, s)
		}
	}
	return strings.Join(lines, "\n"), nil
}
