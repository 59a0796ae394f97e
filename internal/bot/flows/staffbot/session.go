package staffbot

import (
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/store"
)

// mentorOwn is who logs their own sessions in the bot: a mentor who may
// work mentorships, as the web's session form requires.
func mentorOwn(p access.Principal) bool {
	return p.Role == access.Mentor && access.Allowed(p, access.WorkMentorships)
}

// session logs a session of one of the mentor's active mentorships: the
// day (today, yesterday or typed), how long, in person or online, and
// what it was about, through mentorship's LogSession. A field the domain
// refuses is asked again.
func (b *staff) session() *conv.Flow {
	return &conv.Flow{Name: sessionFlow, Start: "pick", Menu: "bot.staff.menu.session", Offer: b.offer(mentorOwn),
		Steps: b.guard(mentorOwn, map[string]step{
			"pick": {Ask: b.shipsAsk, Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
				c.Data["ship"] = strconv.FormatInt(valueID("m", in.Choice), 10)
				return conv.Goto("day"), nil
			}},
			"day": {
				Ask: func(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
					return conv.Prompt{Text: c.T("bot.staff.session.day"), Choices: dayChoices(c)}, nil
				},
				Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
					typed, err := b.pickDay(c, in, "held_on")
					if err != nil {
						return conv.Next{}, err
					}
					if typed {
						return conv.Goto("date"), nil
					}
					return conv.Goto("minutes"), nil
				},
			},
			"date": {
				Ask: func(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
					return conv.Prompt{Text: c.T("bot.staff.type_day"), Free: true, Choices: menuOnly(c)}, nil
				},
				Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
					if msg := typedDay(c, in, "held_on"); msg != "" {
						return conv.Again(msg), nil
					}
					return conv.Goto("minutes"), nil
				},
			},
			"minutes": {
				Ask: func(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
					return conv.Prompt{Text: c.T("bot.staff.session.minutes"), Free: true, Choices: menuOnly(c)}, nil
				},
				Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
					n, ok := whole(in.Text)
					switch {
					case !ok || n < 0:
						return conv.Again(c.T("error.not_a_number")), nil
					case n < 1 || n > mentorship.MaxMinutes:
						return conv.Again(c.T("error.session_minutes", "Max", mentorship.MaxMinutes)), nil
					}
					c.Data["minutes"] = strconv.FormatInt(n, 10)
					return conv.Goto("format"), nil
				},
			},
			"format": {
				Ask: func(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
					return conv.Prompt{Text: c.T("bot.staff.session.format"), Choices: [][]conv.Choice{{
						{Label: c.T("mentorship.format." + mentorship.InPerson), Value: mentorship.InPerson},
						{Label: c.T("mentorship.format." + mentorship.Online), Value: mentorship.Online},
					}, back(c)}}, nil
				},
				Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
					c.Data["format"] = in.Choice
					return conv.Goto("topic"), nil
				},
			},
			"topic": {
				Ask: func(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
					return conv.Prompt{Text: c.T("bot.staff.session.topic"), Free: true, Choices: menuOnly(c)}, nil
				},
				Answer: b.logSession,
			},
		})}
}

// shipsAsk offers the mentor's active mentorships, each named by the
// young person as the web's list of mentorships names them.
func (b *staff) shipsAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	ms, _, err := b.s.Mentorship.List(c.Ctx, p, mentorship.Filter{Status: mentorship.Active}, store.ParsePage("", "20"))
	if err != nil {
		return conv.Prompt{}, err
	}
	if len(ms) == 0 {
		return conv.Prompt{Text: c.T("bot.staff.session.none"), Choices: menuOnly(c)}, nil
	}
	var rows [][]conv.Choice
	for _, m := range ms {
		rows = append(rows, []conv.Choice{{Label: m.YouthName, Value: idValue("m", m.ID)}})
	}
	return conv.Prompt{Text: c.T("bot.staff.session.pick"), Choices: append(rows, back(c))}, nil
}

// logSession logs the session with the answers kept; a field refused
// takes the chat back to its question, with what is wrong.
func (b *staff) logSession(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
	minutes, _ := strconv.Atoi(c.Data["minutes"])
	_, err := b.s.Mentorship.LogSession(c.Ctx, p, dataID(c, "ship"), mentorship.SessionInput{
		HeldOn: dataDay(c, "held_on"), Minutes: minutes, Format: c.Data["format"], Topic: in.Text})
	if err == nil {
		c.Say(c.T("mentorship.session_logged"))
		return conv.Done(), nil
	}
	msg, fields, ok := refusal(c, err)
	switch {
	case !ok:
		return conv.Next{}, err
	case slices.Contains(fields, "held_on"):
		c.Say(msg)
		return conv.Goto("day"), nil
	case slices.Contains(fields, "minutes"):
		c.Say(msg)
		return conv.Goto("minutes"), nil
	case len(fields) > 0:
		return conv.Again(msg), nil
	}
	c.Say(msg)
	return conv.Done(), nil
}
