package youthbot

import (
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentorship"
)

// statusView is "My mentor" read for one young person.
type statusView struct {
	lines        []string
	canChoose    bool  // no mentorship and no proposal waiting: the ranking may change
	guardianLink bool  // a minor waiting for the consent may ask for a new link
	toRate       int64 // a session they have not rated yet; 0 for none
}

// status reads young person id's match through the services their own
// web page reads: the proposals (a minor's naming no mentor before the
// approval), the mentorships and what a match still waits for.
func (b *flows) status(c *conv.Chat, id int64) (statusView, error) {
	var v statusView
	own, err := b.s.Youth.OwnPage(c.Ctx, id)
	if err != nil {
		return v, err
	}
	ps, err := b.s.Matching.ForYouth(c.Ctx, id)
	if err != nil {
		return v, err
	}
	ships, err := b.s.Mentorship.ForYouth(c.Ctx, id)
	if err != nil {
		return v, err
	}
	v.lines = []string{c.T("youthbot.status_title", "Name", own.Youth.FirstName)}
	if m, ok := activeOf(ships); ok {
		v.lines = append(v.lines, c.T("youthbot.status_mentorship", "Name", m.FirstName(),
			"Since", i18n.Day(m.StartedOn), "Sessions", len(m.Sessions)))
		if line, err := b.contactLine(c, ps, m.MentorID); err != nil {
			return v, err
		} else if line != "" {
			v.lines = append(v.lines, line)
		}
		v.toRate = unrated(m)
		return v, nil
	}
	if p, ok := pendingOf(ps); ok {
		if p.NeedsApproval() {
			v.lines = append(v.lines, c.T("youthbot.status_awaiting_approval"))
		} else {
			v.lines = append(v.lines, c.T("youthbot.status_proposed", "Name", firstWord(p.MentorName),
				"Day", i18n.Day(p.LastDay())))
		}
	} else {
		v.canChoose = true
		if own.Automatic() {
			v.lines = append(v.lines, c.T("youthbot.status_auto"))
		} else {
			v.lines = append(v.lines, c.T("youthbot.status_choices", "N", len(own.Choices)))
		}
	}
	for _, k := range own.Missing {
		v.lines = append(v.lines, c.T("youth.missing_title")+": "+c.T(k))
	}
	if len(own.Missing) > 0 {
		st, err := b.s.Youth.GuardianLinkOf(c.Ctx, access.System, id)
		if err != nil {
			return v, err
		}
		v.guardianLink = minorAwaiting(own, st.Answer != "")
	}
	return v, nil
}

// contactLine is the mentor's contact once the match reveals it, else "".
func (b *flows) contactLine(c *conv.Chat, ps []matching.Proposal, mentorID int64) (string, error) {
	for _, p := range ps {
		if p.MentorID != mentorID || !reveals(p) {
			continue
		}
		m, err := b.s.Mentoring.Get(c.Ctx, systemP, mentorID)
		if err != nil {
			return "", err
		}
		return c.T("youthbot.mentor_contact", "Contact", contactOf(m.Phone, m.Email)), nil
	}
	return "", nil
}

// systemP reads what a young person may see of their own match (their
// mentor's card and, once revealed, contact): they have no login.
var systemP = access.System

// contactOf is a mentor's phone and e-mail, those they gave.
func contactOf(phone, email string) string {
	var parts []string
	for _, s := range []string{phone, email} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func activeOf(ships []mentorship.Own) (mentorship.Own, bool) {
	for _, m := range ships {
		if m.Status == mentorship.Active {
			return m, true
		}
	}
	return mentorship.Own{}, false
}

func pendingOf(ps []matching.Proposal) (matching.Proposal, bool) {
	for _, p := range ps {
		if p.Status == matching.Pending {
			return p, true
		}
	}
	return matching.Proposal{}, false
}

// unrated is the earliest session of m the young person has not rated.
func unrated(m mentorship.Own) int64 {
	for i := len(m.Sessions) - 1; i >= 0; i-- {
		if !m.Given(m.Sessions[i].ID) {
			return m.Sessions[i].ID
		}
	}
	return 0
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}
