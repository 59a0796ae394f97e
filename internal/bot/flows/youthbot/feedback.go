package youthbot

import (
	"strconv"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/mentorship"
)

// feedback asks the young person to rate a session of their mentorship
// from 1 to 5, recorded with mentorship.Service.YouthFeedback, once per
// session. The Notifier begins it after each session; "My mentor" leads
// here while a session is not rated.
func (b *flows) feedback() *conv.Flow {
	return &conv.Flow{Name: feedbackFlow, Start: "rate", Steps: map[string]conv.Step{
		"rate": {Ask: b.askRate, Answer: b.answerRate},
	}}
}

// session is the session to rate: the one the notifier asked about, else
// the earliest not rated yet; ok is false when there is none.
func (b *flows) session(c *conv.Chat) (mentorship.Own, mentorship.Session, bool, error) {
	id, ok, err := b.me(c)
	if err != nil || !ok {
		return mentorship.Own{}, mentorship.Session{}, false, err
	}
	ships, err := b.s.Mentorship.ForYouth(c.Ctx, id)
	if err != nil {
		return mentorship.Own{}, mentorship.Session{}, false, err
	}
	want, _ := strconv.ParseInt(c.Data["session"], 10, 64)
	for _, m := range ships {
		if want == 0 && m.Status == mentorship.Active {
			want = unrated(m)
		}
		for _, x := range m.Sessions {
			if x.ID == want && !m.Given(x.ID) {
				return m, x, true, nil
			}
		}
	}
	return mentorship.Own{}, mentorship.Session{}, false, nil
}

func (b *flows) askRate(c *conv.Chat) (conv.Prompt, error) {
	m, x, ok, err := b.session(c)
	if err != nil {
		return conv.Prompt{}, err
	}
	back := []conv.Choice{{Label: c.T("youthbot.back"), Value: "back"}}
	if !ok {
		return conv.Prompt{Text: c.T("youthbot.nothing_to_rate"), Choices: [][]conv.Choice{back}}, nil
	}
	var stars []conv.Choice
	for n := 1; n <= 5; n++ {
		stars = append(stars, conv.Choice{Label: strconv.Itoa(n), Value: strconv.Itoa(n)})
	}
	return conv.Prompt{Text: c.T("youthbot.ask.rate", "Name", m.FirstName(), "Day", i18n.Day(x.HeldOn), "Topic", x.Topic),
		Choices: [][]conv.Choice{stars, {{Label: c.T("youthbot.later"), Value: "back"}}}}, nil
}

func (b *flows) answerRate(c *conv.Chat, in conv.Input) (conv.Next, error) {
	rating, err := strconv.Atoi(in.Choice)
	if err != nil {
		return conv.Done(), nil // back, or later
	}
	_, x, ok, err := b.session(c)
	if err != nil || !ok {
		return conv.Done(), err
	}
	id, _, err := b.me(c)
	if err != nil {
		return conv.Next{}, err
	}
	_, err = b.s.Mentorship.YouthFeedback(c.Ctx, id, x.ID, rating, "")
	if e := errs.As(err); e != nil && (e.Code == errs.Conflict || e.Code == errs.Invalid) {
		c.Say(c.T(e.Key, e.Args...))
		return conv.Done(), nil
	} else if err != nil {
		return conv.Next{}, err
	}
	c.Say(c.T("youthbot.thanks_feedback"))
	return conv.Done(), nil
}
