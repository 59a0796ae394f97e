package youthbot

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/youth"
)

// register is the registration: the name, the date of birth (the age
// checked and its group taken), the place, the field and goals, the
// phone, a minor's guardian, and the consent that sends it.
func (b *flows) register() *conv.Flow {
	steps := map[string]conv.Step{
		"name":  {Ask: b.askName, Answer: b.answerName},
		"birth": {Ask: ask("youthbot.ask.birth"), Answer: b.answerBirth},
	}
	for name, st := range b.placeSteps() {
		steps[name] = st
	}
	for name, st := range b.aboutSteps() {
		steps[name] = st
	}
	for name, st := range b.guardianSteps() {
		steps[name] = st
	}
	steps["confirm"] = conv.Step{Ask: b.askConfirm, Answer: b.answerConfirm}
	steps["next"] = conv.Step{Ask: askNext, Answer: b.answerNext}
	steps["pick"] = b.pickStep()
	return &conv.Flow{Name: registerFlow, Start: "name", Menu: "youthbot.menu.register",
		Kinds: []deeplink.Kind{deeplink.Region, deeplink.Organisation}, Steps: steps}
}

// ask is a question typed in answer to, with no buttons.
func ask(key string) func(c *conv.Chat) (conv.Prompt, error) {
	return func(c *conv.Chat) (conv.Prompt, error) { return conv.Prompt{Text: c.T(key), Free: true}, nil }
}

// askName opens the registration, or tells a chat that registered
// already where to go instead.
func (b *flows) askName(c *conv.Chat) (conv.Prompt, error) {
	if _, ok, err := b.me(c); err != nil || ok {
		return conv.Prompt{Text: c.T("youthbot.already_registered"), Choices: [][]conv.Choice{
			{{Label: c.T("youthbot.menu.mentor"), Value: "mentor"}},
			{{Label: c.T("youthbot.back"), Value: "menu"}}}}, err
	}
	intro := c.T("youthbot.intro", "Min", youth.MinAge, "Max", youth.MaxAge)
	if l, ok, err := c.Link(); err != nil {
		return conv.Prompt{}, err
	} else if ok && l.Target != "" {
		intro += "\n" + c.T("bot.link_for."+string(l.Kind), "Name", l.Target)
	}
	return conv.Prompt{Text: intro + "\n\n" + c.T("youthbot.ask.name"), Free: true}, nil
}

// answerName takes the surname, the first name and a patronymic if any.
func (b *flows) answerName(c *conv.Chat, in conv.Input) (conv.Next, error) {
	switch in.Choice {
	case "mentor":
		return conv.Switch(mentorFlow), nil
	case "menu":
		return conv.Done(), nil
	}
	if _, ok, err := b.me(c); err != nil || ok {
		return conv.Again(c.T("youthbot.already_registered")), err
	}
	words := strings.Fields(in.Text)
	if len(words) < 2 {
		return conv.Again(c.T("youthbot.name_two_words")), nil
	}
	c.Data["last"], c.Data["first"] = words[0], words[1]
	c.Data["patronymic"] = strings.Join(words[2:], " ")
	return conv.Goto("birth"), nil
}

// answerBirth takes the date of birth as people type it (Solar Hijri
// too) and checks the age as the registration will: 13 and 30 are
// refused with the range.
func (b *flows) answerBirth(c *conv.Chat, in conv.Input) (conv.Next, error) {
	birth, err := text.ParseDate(in.Text)
	if err != nil {
		var te *text.Error
		if errors.As(err, &te) {
			return conv.Again(c.T(te.Key()) + "\n" + c.T("youthbot.birth_example")), nil
		}
		return conv.Again(c.T(text.ErrDateFormat.Key()) + "\n" + c.T("youthbot.birth_example")), nil
	}
	group, err := b.s.Youth.CheckBirth(birth)
	if msg, ok := fieldMessage(c, err); ok {
		return conv.Again(msg), nil
	} else if err != nil {
		return conv.Next{}, err
	}
	c.Data["birth"], c.Data["group"] = birth.Format(time.DateOnly), string(group)
	c.Say(c.T("youthbot.age_group", "Group", string(group)))
	return b.toPlace(c)
}

// fieldMessage is the first problem of a validation error in the chat's
// language, the field it names translated as the web form does; false
// when err is none or not a validation error.
func fieldMessage(c *conv.Chat, err error) (string, bool) {
	e := errs.As(err)
	if e == nil || e.Code != errs.Invalid {
		return "", false
	}
	if len(e.Fields) == 0 {
		return c.T(e.Key, e.Args...), true
	}
	return fieldText(c, e.Fields[0]), true
}

// fieldText is one field's problem in the chat's language.
func fieldText(c *conv.Chat, fe errs.FieldError) string {
	args := slices.Clone(fe.Args)
	for i := 0; i+1 < len(args); i += 2 {
		if s, ok := args[i+1].(string); ok && args[i] == "Field" {
			args[i+1] = c.T("field." + s)
		}
	}
	return c.T(fe.Key, args...)
}
