package parentbot

import (
	"errors"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
)

// consentStep asks the consent the form asks, with the form's words; a
// refusal ends the application, nothing kept.
func (b *bot) consentStep() conv.Step {
	return b.agreeStep("consent", func(c *conv.Chat) string {
		return c.T("public.consent_title") + "\n" + c.T("public.consent_text") + "\n\n" + c.T("bot.parent.ask.consent")
	}, "bot.parent.agree")
}

// assentStep asks the child's own agreement, from 14.
func (b *bot) assentStep() conv.Step {
	return b.agreeStep("child_assent", func(c *conv.Chat) string {
		return c.T("error.assent_required", "Count", people.AssentAge) + "\n" + c.T("bot.parent.ask.assent")
	}, "bot.parent.assent_yes")
}

// agreeStep asks for an agreement: yes records it (field "1"), cancel
// ends the application.
func (b *bot) agreeStep(field string, question func(c *conv.Chat) string, yes string) conv.Step {
	step := stepOf(field)
	return conv.Step{
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			return conv.Prompt{Text: question(c), Choices: [][]conv.Choice{
				{{Label: c.T(yes), Value: "yes"}}, {{Label: c.T("common.cancel"), Value: "cancel"}}}}, nil
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			if in.Choice != "yes" {
				c.Say(c.T("bot.cancelled"))
				return conv.Done(), nil
			}
			undo := restore(c, field)
			c.Data[field] = "1"
			return b.answered(c, step, undo)
		},
	}
}

// summaryStep shows the application as answered, to send, correct or
// cancel.
func (b *bot) summaryStep() conv.Step {
	return conv.Step{
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			cam, err := b.campaign(c)
			if err != nil {
				return conv.Prompt{}, err
			}
			return conv.Prompt{Text: summary(c, cam), Choices: [][]conv.Choice{
				{{Label: c.T("public.send"), Value: "send"}},
				{{Label: c.T("common.edit"), Value: "edit"}, {Label: c.T("common.cancel"), Value: "cancel"}}}}, nil
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			switch in.Choice {
			case "send":
				return b.send(c)
			case "edit":
				return conv.Goto("edit"), nil
			}
			c.Say(c.T("bot.cancelled"))
			return conv.Done(), nil
		},
	}
}

// editable are the steps a correction may go back to, in the form's order.
var editable = []string{"region", "last_name", "first_name", "patronymic", "birth_date", "sex", "national_id", "grade",
	"guardian_last_name", "guardian_first_name", "relation", "phone", "distance", "items"}

// fieldOf is the form's field a step asks, for its label.
func fieldOf(step string) string {
	switch step {
	case "phone":
		return "guardian_phone"
	case "distance":
		return "distance_km"
	}
	return step
}

// editStep asks which answer to correct; the question is asked again and
// the summary follows.
func (b *bot) editStep() conv.Step {
	return conv.Step{
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			cam, err := b.campaign(c)
			if err != nil {
				return conv.Prompt{}, err
			}
			var cs []conv.Choice
			for _, st := range editable {
				if b.applies(c, cam, st) {
					cs = append(cs, conv.Choice{Label: c.T("field." + fieldOf(st)), Value: st})
				}
			}
			rows := append(inRows(cs, 2), []conv.Choice{{Label: c.T("common.back"), Value: "summary"}})
			return conv.Prompt{Text: c.T("bot.parent.ask.edit"), Choices: rows}, nil
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			if in.Choice == "summary" {
				return conv.Goto("summary"), nil
			}
			c.Data[keyEdit] = "1"
			return conv.Goto(in.Choice), nil
		},
	}
}

// send applies: the reference number and the form's explanation, or each
// refusal in the chat's language and the first refused question again.
// A refused application writes nothing (public.Service.ApplyByTelegram
// joins the update's transaction and rolls its own part back).
func (b *bot) send(c *conv.Chat) (conv.Next, error) {
	rc, err := b.s.Public.ApplyByTelegram(c.Ctx, c.Data[keySlug], public.Chat{ID: c.ID, Phone: c.Data["guardian_phone"]},
		application(c))
	switch {
	case err == nil:
		c.Say(strings.Join([]string{c.T("public.done_text"), rc.Reference, "", c.T("public.done_next"),
			c.T("bot.parent.status_hint")}, "\n"))
		return conv.Done(), nil
	case errors.Is(err, public.ErrClosed), errors.Is(err, errs.ErrNotFound):
		c.Say(c.T("public.closed"))
		return conv.Done(), nil
	case errors.Is(err, public.ErrByPhone):
		c.Say(c.T("public.by_phone"))
		return conv.Done(), nil
	}
	e := errs.As(err)
	if e == nil || e.Code == errs.Internal {
		return conv.Next{}, err
	}
	if len(e.Fields) == 0 {
		return conv.Again(c.T(e.Key, e.Args...)), nil
	}
	msgs := []string{c.T("bot.parent.apply_failed")}
	for _, f := range e.Fields {
		msgs = append(msgs, fieldError(c, f))
	}
	c.Say(strings.Join(msgs, "\n"))
	c.Data[keyEdit] = "1"
	step := stepOf(e.Fields[0].Field)
	if !slices.Contains(order, step) {
		return conv.Goto("summary"), nil
	}
	if step == "sizes" {
		delete(c.Data, e.Fields[0].Field)
	}
	return conv.Goto(step), nil
}
