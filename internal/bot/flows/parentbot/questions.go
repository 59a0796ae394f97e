package parentbot

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/text"
)

// textField is a question answered by typing: the form's field it fills.
type textField struct {
	step  string // the step, named after the field but for the distance
	field string
	// skip offers a button to leave the field empty: always ("always"),
	// outside Kazakhstan ("outside_kz", the ID number), or never ("").
	skip string
	hint string // a key added below the question, "" for none
}

var textFields = []textField{
	{step: "last_name", field: "last_name"},
	{step: "first_name", field: "first_name"},
	{step: "patronymic", field: "patronymic", skip: "always"},
	{step: "birth_date", field: "birth_date", hint: "bot.parent.date_hint"},
	{step: "national_id", field: "national_id", skip: "outside_kz", hint: "public.national_id_hint"},
	{step: "guardian_last_name", field: "guardian_last_name"},
	{step: "guardian_first_name", field: "guardian_first_name"},
	{step: "distance", field: "distance_km", skip: "always", hint: "public.distance_hint"},
}

// textStep asks f and checks the text typed by the form's rules; a date
// of birth is read as the form reads it (text.ParseDate: day first, ISO,
// or a Solar Hijri date, in any digits).
func (b *bot) textStep(f textField) conv.Step {
	skips := func(c *conv.Chat) bool {
		return f.skip == "always" || f.skip == "outside_kz" && !strings.HasPrefix(c.Data["region"], "KZ")
	}
	return conv.Step{
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			p := conv.Prompt{Text: c.T("bot.parent.ask." + f.step), Free: true}
			if f.hint != "" {
				p.Text += "\n" + c.T(f.hint)
			}
			if skips(c) {
				p.Choices = [][]conv.Choice{{{Label: c.T("bot.parent.skip"), Value: "skip"}}}
			}
			return p, nil
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			undo := restore(c, f.field)
			if in.Choice == "skip" {
				delete(c.Data, f.field)
				return b.answered(c, f.step, undo)
			}
			v := in.Text
			if f.field == "birth_date" {
				d, err := text.ParseDate(v)
				var te *text.Error
				if errors.As(err, &te) {
					return conv.Again(c.T(te.Key())), nil
				} else if err != nil {
					return conv.Next{}, err
				}
				v = d.Format(time.DateOnly)
			}
			c.Data[f.field] = v
			return b.answered(c, f.step, undo)
		},
	}
}

// choiceStep asks field with buttons: the value of each button is the
// field's value.
func (b *bot) choiceStep(field, step string, choices func(c *conv.Chat) ([][]conv.Choice, error)) conv.Step {
	return conv.Step{
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			rows, err := choices(c)
			return conv.Prompt{Text: c.T("bot.parent.ask." + step), Choices: rows}, err
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			undo := restore(c, field)
			c.Data[field] = in.Choice
			return b.answered(c, step, undo)
		},
	}
}

// inRows lays choices out n to a row.
func inRows(choices []conv.Choice, n int) [][]conv.Choice {
	var rows [][]conv.Choice
	for i := 0; i < len(choices); i += n {
		rows = append(rows, choices[i:min(i+n, len(choices))])
	}
	return rows
}

// regionStep offers the campaign's regions, named in the chat's language.
func (b *bot) regionStep() conv.Step {
	return b.choiceStep("region", "region", func(c *conv.Chat) ([][]conv.Choice, error) {
		cam, err := b.campaign(c)
		var cs []conv.Choice
		for _, r := range cam.Regions {
			cs = append(cs, conv.Choice{Label: r.Names.In(string(c.L.Locale())), Value: r.Code})
		}
		return inRows(cs, 2), err
	})
}

// sexStep offers the form's two choices.
func (b *bot) sexStep() conv.Step {
	return b.choiceStep("sex", "sex", func(c *conv.Chat) ([][]conv.Choice, error) {
		return [][]conv.Choice{{{Label: c.T("sex.f"), Value: string(people.Female)},
			{Label: c.T("sex.m"), Value: string(people.Male)}}}, nil
	})
}

// gradeStep offers "not at school" and the grades, asked when the
// campaign's rules bound the grade.
func (b *bot) gradeStep() conv.Step {
	return b.choiceStep("grade", "grade", func(c *conv.Chat) ([][]conv.Choice, error) {
		var cs []conv.Choice
		for g := 1; g <= people.MaxGrade; g++ {
			cs = append(cs, conv.Choice{Label: c.L.Number(int64(g)), Value: strconv.Itoa(g)})
		}
		return append(inRows(cs, 4), []conv.Choice{{Label: c.T("public.grade_none"), Value: "0"}}), nil
	})
}

// relationStep offers who the applicant is to the child.
func (b *bot) relationStep() conv.Step {
	return b.choiceStep("relation", "relation", func(c *conv.Chat) ([][]conv.Choice, error) {
		var rows [][]conv.Choice
		for _, r := range public.Relations() {
			rows = append(rows, []conv.Choice{{Label: c.T("public.relation." + string(r)), Value: string(r)}})
		}
		return rows, nil
	})
}

// phoneStep asks for the guardian's phone through the contact button
// only: the number Telegram vouches for as the user's own.
func (b *bot) phoneStep() conv.Step {
	return conv.Step{
		Ask: func(c *conv.Chat) (conv.Prompt, error) {
			return conv.Prompt{Text: c.T("bot.parent.ask.phone") + "\n" + c.T("public.phone_hint"),
				Contact: c.T("bot.parent.share_phone")}, nil
		},
		Answer: func(c *conv.Chat, in conv.Input) (conv.Next, error) {
			undo := restore(c, "guardian_phone")
			c.Data["guardian_phone"] = in.Phone
			return b.answered(c, "phone", undo)
		},
	}
}
