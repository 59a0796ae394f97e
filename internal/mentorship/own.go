package mentorship

import (
	"context"
	"strings"

	"github.com/jolproject/jol/internal/store"
)

// Own is a mentorship as the young person's own page shows it: the
// mentor named by their first name only, the sessions held, the goals
// with their progress and the feedback given on both sides.
type Own struct {
	Mentorship
	Work
}

// FirstName is the mentor's first name: the first word of their name.
func (o Own) FirstName() string {
	if f := strings.Fields(o.MentorName); len(f) > 0 {
		return f[0]
	}
	return ""
}

// Given reports whether the young person has given feedback on session
// id.
func (o Own) Given(id int64) bool {
	for _, f := range o.Feedback {
		if f.SessionID == id && f.Author == ByYouth {
			return true
		}
	}
	return false
}

// ForYouth returns young person youthID's mentorships, the newest first,
// each with its sessions, goals and feedback: what their own page and
// the bot show them once they know who is asking. The mentor is named by
// their first name only; no access log is written, for the young person
// reads their own.
func (s *Service) ForYouth(ctx context.Context, youthID int64) ([]Own, error) {
	ms, err := store.Select(ctx, s.db.R, scan, s.q.Columns+" "+s.q.ByYouth, youthID)
	if err != nil {
		return nil, err
	}
	out := make([]Own, 0, len(ms))
	for _, m := range ms {
		o := Own{Mentorship: m}
		if o.Sessions, err = s.sessions(ctx, m.ID); err != nil {
			return nil, err
		}
		if o.Goals, err = store.Select(ctx, s.db.R, scanGoal, s.q.Goals, m.ID); err != nil {
			return nil, err
		}
		if o.Feedback, err = store.Select(ctx, s.db.R, scanFeedback, s.q.Feedback, m.ID); err != nil {
			return nil, err
		}
		o.MentorName = o.FirstName()
		out = append(out, o)
	}
	return out, nil
}

// Hours is the time spent in the sessions, in hours.
func (o Own) Hours() float64 { return float64(o.Minutes()) / 60 }
