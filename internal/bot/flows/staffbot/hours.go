package staffbot

import (
	"slices"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/volunteers"
)

// hourSteps adds to steps those that log a volunteer's hours by hand, as
// the web's "my volunteering" page does: the day, the time, a note; for
// the task the chat stands at (c.Data["task"]) when there is one.
func (b *staff) hourSteps(steps map[string]step) map[string]step {
	steps["hday"] = step{
		Ask: func(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
			return conv.Prompt{Text: c.T("bot.staff.hours.day"), Choices: dayChoices(c)}, nil
		},
		Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
			typed, err := b.pickDay(c, in, "worked_on")
			if err != nil {
				return conv.Next{}, err
			}
			if typed {
				return conv.Goto("hdate"), nil
			}
			return conv.Goto("htime"), nil
		},
	}
	steps["hdate"] = step{
		Ask: func(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
			return conv.Prompt{Text: c.T("bot.staff.type_day"), Free: true, Choices: menuOnly(c)}, nil
		},
		Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
			if msg := typedDay(c, in, "worked_on"); msg != "" {
				return conv.Again(msg), nil
			}
			return conv.Goto("htime"), nil
		},
	}
	steps["htime"] = step{
		Ask: func(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
			return conv.Prompt{Text: c.T("bot.staff.hours.time"), Free: true, Choices: menuOnly(c)}, nil
		},
		Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
			m, ok := duration(in.Text)
			if !ok || m <= 0 {
				return conv.Again(c.T("error.hours_positive")), nil
			}
			c.Data["minutes"] = strconv.Itoa(m)
			return conv.Goto("hnote"), nil
		},
	}
	steps["hnote"] = step{
		Ask: func(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
			return conv.Prompt{Text: c.T("bot.staff.hours.note"), Free: true, Choices: [][]conv.Choice{
				{{Label: c.T("bot.staff.no_note"), Value: "none"}}, back(c)}}, nil
		},
		Answer: b.logHours,
	}
	return steps
}

// logHours logs the hours with the answers kept through volunteers'
// LogHours; a refusal takes the chat back to the question it concerns.
func (b *staff) logHours(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
	minutes, _ := strconv.Atoi(c.Data["minutes"])
	h, err := b.s.Volunteers.LogHours(c.Ctx, p, volunteers.HoursInput{WorkedOn: dataDay(c, "worked_on"), Minutes: minutes,
		TaskID: dataID(c, "task"), Note: in.Text})
	if err == nil {
		c.Say(c.T("bot.staff.hours.logged", "Time", minutesText(c, h.Minutes)))
		return conv.Done(), nil
	}
	msg, fields, ok := refusal(c, err)
	switch {
	case !ok:
		return conv.Next{}, err
	case slices.Contains(fields, "worked_on"):
		c.Say(msg)
		return conv.Goto("hday"), nil
	case slices.Contains(fields, "hours"):
		c.Say(msg)
		return conv.Goto("htime"), nil
	case slices.Contains(fields, "note"):
		return conv.Again(msg), nil
	}
	c.Say(msg)
	return conv.Done(), nil
}
