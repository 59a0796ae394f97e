package youthbot

import (
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/valid"
	"github.com/jolproject/jol/internal/youth"
)

// relations are the buttons of the guardian's relation; any other may be
// typed.
var relations = []string{"mother", "father", "grandparent", "guardian"}

// guardianSteps ask a minor for their parent or guardian: the name, the
// relation and how to reach them, each checked as the web form checks it.
// The consent itself is the guardian's, through the link the bot gives
// once the registration is sent.
func (b *flows) guardianSteps() map[string]conv.Step {
	return map[string]conv.Step{
		"guardian_name": {Ask: ask("youthbot.ask.guardian_name"),
			Answer: typed("guardian_name", youth.MaxName, "guardian_relation")},
		"guardian_relation": {Ask: func(c *conv.Chat) (conv.Prompt, error) {
			return conv.Prompt{Text: c.T("youthbot.ask.guardian_relation"), Free: true,
				Choices: rows(keyed(c, "youthbot.relation.", relations), 2)}, nil
		}, Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			if in.Choice != "" {
				// Kept in the chat's language, as a relation typed on the form is.
				in.Text = c.T("youthbot.relation." + in.Choice)
			}
			return typed("guardian_relation", youth.MaxRelation, "guardian_contact")(c, in)
		}},
		"guardian_contact": {Ask: ask("youthbot.ask.guardian_contact"),
			Answer: typed("guardian_contact", youth.MaxContact, "confirm")},
	}
}

// typed keeps a typed answer as field once it passes the web form's
// check for it (given, one line, at most max characters) and goes to next.
func typed(field string, max int, next string) func(c *conv.Chat, in conv.Input) (conv.Next, error) {
	return func(c *conv.Chat, in conv.Input) (conv.Next, error) {
		if fs := valid.Name(nil, field, in.Text, max); len(fs) > 0 {
			return conv.Again(fieldText(c, fs[0])), nil
		}
		c.Data[field] = in.Text
		return conv.Goto(next), nil
	}
}
