package parentbot

import (
	"errors"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/errs"
)

// eventSteps answer a distribution day's deep link: where and when it
// is, what to bring, or that it is over. It is what the poster says,
// nothing of anyone's request.
func (b *bot) eventSteps() map[string]conv.Step {
	return map[string]conv.Step{"event": {
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			txt, err := b.eventText(c)
			if err != nil {
				return conv.Prompt{}, err
			}
			return conv.Prompt{Text: txt, Choices: [][]conv.Choice{
				{{Label: c.T("bot.parent.menu.status"), Value: "status"}},
				{{Label: c.T("bot.parent.menu.apply"), Value: "apply"}},
				{{Label: c.T("bot.parent.to_menu"), Value: "menu"}}}}, nil
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			switch in.Choice {
			case "status":
				return conv.Switch(statusFlow), nil
			case "apply":
				return conv.Switch(applyFlow), nil
			}
			return conv.Done(), nil
		},
	}}
}

// eventText tells of the event of the chat's link, in the installation's
// time zone.
func (b *bot) eventText(c *conv.Chat) (string, error) {
	l, ok, err := c.Link()
	if err != nil || !ok || l.Kind != deeplink.Event {
		return c.T("bot.parent.event.unknown"), err
	}
	ev, err := b.s.Distribution.Event(c.Ctx, access.System, l.TargetID)
	if errors.Is(err, errs.ErrNotFound) {
		return c.T("bot.parent.event.unknown"), nil
	}
	if err != nil {
		return "", err
	}
	lines := []string{c.T("bot.link_for.event", "Name", l.Target)}
	if ev.Status == distribution.Closed {
		return strings.Join(append(lines, c.T("bot.parent.event.over")), "\n"), nil
	}
	set, err := b.s.Settings.Get(c.Ctx)
	if err != nil {
		return "", err
	}
	loc := set.Location()
	start, end := ev.StartsAt.In(loc), ev.EndsAt.In(loc)
	until := c.L.DateTime(end)
	if start.YearDay() == end.YearDay() && start.Year() == end.Year() {
		until = c.L.Digits(end.Format("15:04"))
	}
	place := ev.Place
	if place == "" {
		place = ev.WarehouseName
	}
	lines = append(lines, c.T("bot.parent.event.where", "Place", place),
		c.T("bot.parent.event.when", "Start", c.L.DateTime(start), "End", until), "", c.T("bot.parent.event.bring"))
	return strings.Join(lines, "\n"), nil
}
