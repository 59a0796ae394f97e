package staffbot

import (
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/matching"
)

// mentor is who may answer proposals: the web's "my proposals" page.
func mentor(p access.Principal) bool { return access.Allowed(p, access.ReplyMatching) }

// matches is a mentor's proposals waiting for an answer: each shown as
// the mentor's own web page shows it (the young person's name, whether a
// minor, why they were matched, the last day to reply), accepted or
// declined with a reason through matching's Accept and Decline.
func (b *staff) matches() *conv.Flow {
	return &conv.Flow{Name: matchesFlow, Start: "list", Menu: "bot.staff.menu.matches", Offer: b.offer(mentor),
		Steps: b.matchSteps()}
}

// matchNotice is matches begun at one proposal (c.Data["proposal"]):
// the notice of a new proposal, with its accept and decline buttons.
func (b *staff) matchNotice() *conv.Flow {
	return &conv.Flow{Name: matchNoticeFlow, Start: "proposal", Steps: b.matchSteps()}
}

func (b *staff) matchSteps() map[string]conv.Step {
	return b.guard(mentor, map[string]step{
		"list": {Ask: b.proposalsAsk, Answer: func(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
			c.Data["proposal"] = strings.TrimPrefix(in.Choice, "p")
			return conv.Goto("proposal"), nil
		}},
		"proposal": {Ask: b.proposalAsk, Answer: b.proposalAnswer},
		"reason":   {Ask: b.reasonAsk, Answer: b.reasonAnswer},
	})
}

// pending are the proposals p may still answer.
func (b *staff) pending(c *conv.Chat, p access.Principal) ([]matching.Proposal, error) {
	all, err := b.s.Matching.Mine(c.Ctx, p)
	var out []matching.Proposal
	for _, pr := range all {
		if pr.Status == matching.Pending && pr.Deadline.After(c.Now()) {
			out = append(out, pr)
		}
	}
	return out, err
}

// proposal is pending proposal id of p's; ok is false when it is not
// theirs or no longer waits.
func (b *staff) proposal(c *conv.Chat, p access.Principal, id int64) (matching.Proposal, bool, error) {
	ps, err := b.pending(c, p)
	for _, pr := range ps {
		if pr.ID == id {
			return pr, true, err
		}
	}
	return matching.Proposal{}, false, err
}

func (b *staff) proposalsAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	ps, err := b.pending(c, p)
	if err != nil {
		return conv.Prompt{}, err
	}
	if len(ps) == 0 {
		return conv.Prompt{Text: c.T("bot.staff.matches.none"), Choices: menuOnly(c)}, nil
	}
	var rows [][]conv.Choice
	for _, pr := range ps {
		rows = append(rows, []conv.Choice{{Label: youthLabel(c, pr), Value: idValue("p", pr.ID)}})
	}
	return conv.Prompt{Text: c.T("bot.staff.matches.choose"), Choices: append(rows, back(c))}, nil
}

// youthLabel names the young person of pr as the mentor's page does.
func youthLabel(c *conv.Chat, pr matching.Proposal) string {
	if pr.Minor {
		return pr.YouthName + " (" + c.T("matching.minor") + ")"
	}
	return pr.YouthName
}

func (b *staff) proposalAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	pr, ok, err := b.proposal(c, p, dataID(c, "proposal"))
	if err != nil || !ok {
		return conv.Prompt{Text: c.T("bot.staff.matches.gone"), Choices: menuOnly(c)}, err
	}
	lines := []string{c.T("bot.staff.matches.proposed", "Name", youthLabel(c, pr))}
	if why := explain(c, pr.Reasons); why != "" {
		lines = append(lines, why)
	}
	lines = append(lines, c.T("matching.until", "Date", i18n.Day(pr.LastDay())))
	var rows [][]conv.Choice
	if pr.NeedsApproval() {
		lines = append(lines, c.T("matching.awaiting_approval"))
	} else {
		rows = append(rows, []conv.Choice{{Label: c.T("matching.accept"), Value: "accept"}})
	}
	rows = append(rows, []conv.Choice{{Label: c.T("matching.decline"), Value: "decline"}}, back(c))
	return conv.Prompt{Text: strings.Join(lines, "\n"), Choices: rows}, nil
}

// explain gives a match's reasons in the chat's language, as the web
// page of the mentor's proposals lists them.
func explain(c *conv.Chat, rs []matching.Reason) string {
	var out []string
	for _, r := range rs {
		out = append(out, c.T(r.Key, r.Args...))
	}
	return strings.Join(out, "; ")
}

func (b *staff) proposalAnswer(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
	pr, ok, err := b.proposal(c, p, dataID(c, "proposal"))
	if err != nil || !ok {
		return conv.Goto("list"), err
	}
	if in.Choice == "decline" {
		return conv.Goto("reason"), nil
	}
	if _, err := b.s.Matching.Accept(c.Ctx, p, pr.ID, pr.Version); err != nil {
		return refused(c, err, "list")
	}
	c.Say(c.T("matching.accepted"))
	return conv.Done(), nil
}

func (b *staff) reasonAsk(c *conv.Chat, p access.Principal) (conv.Prompt, error) {
	pr, ok, err := b.proposal(c, p, dataID(c, "proposal"))
	if err != nil || !ok {
		return conv.Prompt{Text: c.T("bot.staff.matches.gone"), Choices: menuOnly(c)}, err
	}
	return conv.Prompt{Text: c.T("bot.staff.matches.reason", "Name", pr.YouthName), Free: true, Choices: menuOnly(c)}, nil
}

func (b *staff) reasonAnswer(c *conv.Chat, p access.Principal, in conv.Input) (conv.Next, error) {
	pr, ok, err := b.proposal(c, p, dataID(c, "proposal"))
	if err != nil || !ok {
		return conv.Goto("list"), err
	}
	if _, err := b.s.Matching.Decline(c.Ctx, p, pr.ID, pr.Version, in.Text); err != nil {
		msg, fields, ok := refusal(c, err)
		if ok && len(fields) > 0 {
			return conv.Again(msg), nil
		}
		return refused(c, err, "list")
	}
	c.Say(c.T("matching.declined"))
	return conv.Done(), nil
}
