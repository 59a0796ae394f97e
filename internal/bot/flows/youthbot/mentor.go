package youthbot

import (
	"strings"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/youth"
)

// mentor is "My mentor": where the young person's match stands, their
// mentor's contact once the match is approved, and what they may do from
// here (rank again, a new link for the guardian, rate a session).
func (b *flows) mentor() *conv.Flow {
	// Only a chat that registered someone is offered it.
	registered := func(c *conv.Chat) (bool, error) { _, ok, err := b.me(c); return ok, err }
	return &conv.Flow{Name: mentorFlow, Start: "status", Menu: "youthbot.menu.mentor", Offer: registered, Steps: map[string]conv.Step{
		"status": {Ask: b.askStatus, Answer: b.answerStatus},
		"pick":   b.pickStep(),
	}}
}

func (b *flows) askStatus(c *conv.Chat) (conv.Prompt, error) {
	id, ok, err := b.me(c)
	if err != nil {
		return conv.Prompt{}, err
	}
	back := []conv.Choice{{Label: c.T("youthbot.back"), Value: "back"}}
	if !ok {
		return conv.Prompt{Text: c.T("youthbot.not_registered"), Choices: [][]conv.Choice{
			{{Label: c.T("youthbot.menu.register"), Value: "register"}}, back}}, nil
	}
	st, err := b.status(c, id)
	if err != nil {
		return conv.Prompt{}, err
	}
	var choices [][]conv.Choice
	if st.canChoose {
		choices = append(choices, []conv.Choice{{Label: c.T("youthbot.change_choices"), Value: "choose"}})
	}
	if st.guardianLink {
		choices = append(choices, []conv.Choice{{Label: c.T("youthbot.new_guardian_link"), Value: "guardian"}})
	}
	if st.toRate != 0 {
		choices = append(choices, []conv.Choice{{Label: c.T("youthbot.rate_session"), Value: "rate"}})
	}
	return conv.Prompt{Text: strings.Join(st.lines, "\n"), Choices: append(choices, back)}, nil
}

func (b *flows) answerStatus(c *conv.Chat, in conv.Input) (conv.Next, error) {
	switch in.Choice {
	case "register":
		return conv.Switch(registerFlow), nil
	case "choose":
		return b.toPick(c)
	case "rate":
		return conv.Switch(feedbackFlow), nil
	case "guardian":
		id, ok, err := b.me(c)
		if err != nil || !ok {
			return conv.Done(), err
		}
		if err := b.sayGuardianLink(c, id); err != nil {
			return conv.Next{}, err
		}
	}
	return conv.Done(), nil
}

// reveals reports whether the young person may read the mentor's
// contact of proposal p: the match the mentor accepted, a minor's once a
// coordinator approved it (matching's rule for reading each other's
// contacts; an accepted match of a minor is always approved first).
func reveals(p matching.Proposal) bool {
	return p.Status == matching.Accepted && !p.NeedsApproval()
}

// minorAwaiting reports whether young person y, a minor, still waits for
// their guardian's consent and may ask for a new link.
func minorAwaiting(own youth.Own, declined bool) bool {
	return len(own.Missing) > 0 && own.Youth.Guardian.Name != "" && !declined
}
