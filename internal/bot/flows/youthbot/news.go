package youthbot

import (
	"context"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/store"
)

// RemindAfter is how long after their last session (or the start of
// their mentorship) a young person is reminded to meet their mentor;
// each quiet spell is reminded of once.
const RemindAfter = 14 * 24 * time.Hour

// news is one thing to tell a young person's chat: its kind and ref are
// what youth_chat_news keeps once it is told. A question (Session set)
// begins the feedback flow; the rest are a message of key and args.
type news struct {
	kind, ref string
	key       string
	args      []any
	session   int64 // a session to ask feedback on
}

// newsOf is what there is to tell young person id now, told or not:
// each proposal's state (the mentor named only once the match may name
// them, the contact only once the match is approved), a reminder after a
// quiet spell of an active mentorship, and a question after each session
// they have not rated.
func (n *Notifier) newsOf(ctx context.Context, id int64) ([]news, error) {
	ps, err := n.Services.Matching.ForYouth(ctx, id)
	if err != nil {
		return nil, err
	}
	var out []news
	for _, p := range ps {
		nw, err := n.proposalNews(ctx, p, ps)
		if err != nil {
			return nil, err
		}
		out = append(out, nw)
	}
	ships, err := n.Services.Mentorship.ForYouth(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, m := range ships {
		if m.Status != mentorship.Active {
			continue
		}
		last := m.StartedOn
		for _, x := range m.Sessions {
			if x.HeldOn.After(last) {
				last = x.HeldOn
			}
			if !m.Given(x.ID) {
				out = append(out, news{kind: "feedback", ref: fmt.Sprint(x.ID), session: x.ID})
			}
		}
		if quiet := n.Now().Sub(last); quiet >= RemindAfter {
			out = append(out, news{kind: "remind", ref: fmt.Sprintf("%d:%s", m.ID, last.Format(time.DateOnly)),
				key: "youthbot.news.remind", args: []any{"Name", m.FirstName(), "Days", int(quiet.Hours() / 24)}})
		}
	}
	return out, nil
}

// proposalNews is the news of proposal p in the state it is in.
func (n *Notifier) proposalNews(ctx context.Context, p matching.Proposal, ps []matching.Proposal) (news, error) {
	nw := news{kind: "proposal", ref: fmt.Sprintf("%d:%s", p.ID, p.Status)}
	switch {
	case p.Status == matching.Pending && p.NeedsApproval():
		nw.key = "youthbot.news.proposed_minor"
	case p.Status == matching.Pending:
		nw.ref += ":named"
		nw.key, nw.args = "youthbot.news.proposed", []any{"Name", firstWord(p.MentorName), "Day", i18n.Day(p.LastDay())}
	case reveals(p):
		m, err := n.Services.Mentoring.Get(ctx, systemP, p.MentorID)
		if err != nil {
			return nw, err
		}
		nw.key, nw.args = "youthbot.news.accepted", []any{"Name", firstWord(p.MentorName), "Contact", contactOf(m.Phone, m.Email)}
	default: // declined or expired: matched again
		nw.key = "youthbot.news.rematch"
	}
	return nw, nil
}

// told reports whether nw was told young person id, read in q.
func (n *Notifier) told(ctx context.Context, q store.Querier, e store.Engine, id int64, nw news) (bool, error) {
	var c int
	err := q.QueryRowContext(ctx, n.f.q[e].Told, id, nw.kind, nw.ref).Scan(&c)
	return c > 0, err
}

// locale is the chat's language (the registration keeps the one the
// young person registered in as the chat's), else the installation's.
func (n *Notifier) locale(ctx context.Context, tx *store.Tx, chat int64) (i18n.Locale, error) {
	chosen, err := n.Services.Conversations.ChatLocale(ctx, tx, chat)
	if err != nil {
		return "", err
	}
	if l, ok := i18n.Parse(chosen); ok {
		return l, nil
	}
	set, err := n.Services.Settings.GetIn(ctx, tx)
	if err != nil {
		return "", err
	}
	l, _ := i18n.Parse(set.DefaultLocale)
	return l, nil
}
