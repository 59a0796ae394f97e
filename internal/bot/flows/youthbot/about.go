package youthbot

import (
	"unicode/utf8"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/valid"
	"github.com/jolproject/jol/internal/youth"
)

// aboutSteps ask what the young person does and wants: a village or a
// town, their status, the field they are interested in, their goals, and
// their own phone number.
func (b *flows) aboutSteps() map[string]conv.Step {
	return map[string]conv.Step{
		"settlement": {Ask: func(c *conv.Chat) (conv.Prompt, error) {
			return conv.Prompt{Text: c.T("youthbot.ask.settlement"),
				Choices: rows(keyed(c, "youth.settlement.", youth.Settlements()), 2)}, nil
		}, Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			c.Data["settlement"] = in.Choice
			return conv.Goto("status"), nil
		}},
		"status": {Ask: func(c *conv.Chat) (conv.Prompt, error) {
			return conv.Prompt{Text: c.T("youthbot.ask.status"),
				Choices: rows(keyed(c, "youth.status.", youth.Statuses()), 1)}, nil
		}, Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			c.Data["status"] = in.Choice
			return conv.Goto("field"), nil
		}},
		"field": {Ask: b.askField, Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			c.Data["field"] = in.Choice
			return conv.Goto("goals"), nil
		}},
		"goals": {Ask: func(c *conv.Chat) (conv.Prompt, error) {
			return conv.Prompt{Text: c.T("youthbot.ask.goals"), Free: true,
				Choices: [][]conv.Choice{{{Label: c.T("youthbot.skip"), Value: "skip"}}}}, nil
		}, Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			if n := utf8.RuneCountInString(in.Text); n > valid.MaxNote {
				return conv.Again(c.T("bot.too_long", "Max", valid.MaxNote)), nil
			}
			c.Data["goals"] = in.Text
			return conv.Goto("phone"), nil
		}},
		"phone": {Ask: func(c *conv.Chat) (conv.Prompt, error) {
			return conv.Prompt{Text: c.T("youthbot.ask.phone"), Contact: c.T("youthbot.share_phone")}, nil
		}, Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			c.Data["phone"] = in.Phone
			if c.Data["group"] == string(youth.Teen) {
				return conv.Goto("guardian_name"), nil
			}
			return conv.Goto("confirm"), nil
		}},
	}
}

// keyed are the buttons of values, each labelled by its message prefix+value.
func keyed[T ~string](c *conv.Chat, prefix string, values []T) []conv.Choice {
	out := make([]conv.Choice, len(values))
	for i, v := range values {
		out[i] = conv.Choice{Label: c.T(prefix + string(v)), Value: string(v)}
	}
	return out
}

// askField offers the fields of interest the programme offers now, named
// in the chat's language.
func (b *flows) askField(c *conv.Chat) (conv.Prompt, error) {
	fields, err := b.s.Mentoring.Fields(c.Ctx)
	if err != nil {
		return conv.Prompt{}, err
	}
	var choices []conv.Choice
	for _, f := range fields {
		if f.Active {
			choices = append(choices, conv.Choice{Label: f.Name(string(c.L.Locale())), Value: f.Code})
		}
	}
	return conv.Prompt{Text: c.T("youthbot.ask.field"), Choices: rows(choices, 2)}, nil
}
