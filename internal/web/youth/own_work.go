package youth

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/selection"
	"github.com/jolproject/jol/internal/strands"
	"github.com/jolproject/jol/internal/web/kit"
	mpages "github.com/jolproject/jol/internal/web/matching"
)

// Work is what the other parts of the programme show on a young person's
// own page: their proposed matches, their mentorships with the sessions
// and goals, the activities of their region and the selections they are
// a candidate of. Each is read through the service the bot calls too.
type Work struct {
	Proposals   []proposalRow
	Mentorships []mentorship.Own
	Offers      []strands.Offer
	Standings   []selection.Standing
	Today       time.Time
	Done        string // what the last post did, in the page's language
	// Act is the form of the last post that failed, and ActID which
	// form it was ("feedback-12", "concern-3", "join-5", "appeal-7").
	Act   *form
	ActID string
}

// proposalRow is a proposed match with its explanation in the reader's
// language.
type proposalRow struct {
	matching.Proposal
	Why string
}

// FirstName is the mentor's first name, "" until the match may name
// them (a minor's, before a coordinator approves it).
func (p proposalRow) FirstName() string {
	return mentorship.Own{Mentorship: mentorship.Mentorship{MentorName: p.MentorName}}.FirstName()
}

// doneKeys are what ?done= may say after a post, as messages.
var doneKeys = map[string]string{
	"feedback": "youth.feedback_saved",
	"concern":  "youth.concern_sent",
	"joined":   "youth.joined_flash",
	"appeal":   "youth.appeal_sent",
}

// work reads young person id's Work.
func (s *Server) work(ctx context.Context, rq *request, id int64) (Work, error) {
	w := Work{Today: s.Now().UTC()}
	ps, err := s.svc.Matching.ForYouth(ctx, id)
	if err != nil {
		return w, err
	}
	for _, p := range ps {
		w.Proposals = append(w.Proposals, proposalRow{Proposal: p, Why: mpages.Explain(rq.L, p.Reasons)})
	}
	if w.Mentorships, err = s.svc.Mentorship.ForYouth(ctx, id); err != nil {
		return w, err
	}
	if w.Offers, err = s.svc.Strands.OpenFor(ctx, id); err != nil {
		return w, err
	}
	w.Standings, err = s.svc.Selection.ForYouth(ctx, id)
	return w, err
}

// act is one post of the own page on the record {id}: it finds the young
// person by the link, reads fields, calls do with their ID, and sends
// them back to their page saying done, or shows the page again with the
// form's errors beside the form actID names.
func (s *Server) act(w http.ResponseWriter, r *http.Request, rq *request, actID string, done string, fields []string,
	do func(ctx context.Context, youthID, id int64, f *form) error) error {
	if err := s.allow(r, "youth_link", LinkPerWindow); err != nil {
		return err
	}
	token := r.PathValue("token")
	y, err := s.svc.Youth.ByLink(r.Context(), token)
	if err != nil {
		return err
	}
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, fields...)
	if err := do(r.Context(), y.ID, id, f); err != nil {
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		return s.renderOwn(w, r, rq, y.ID, kit.NewForm(nil, "choices"), http.StatusUnprocessableEntity,
			actID+"-"+strconv.FormatInt(id, 10), f)
	}
	return kit.SeeOther(w, r, "/y/"+token+"?done="+done+"#"+done)
}

// Feedback takes the young person's rating of a session of their
// mentorship and a comment.
func (s *Server) Feedback(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.act(w, r, rq, "feedback", "feedback", []string{"rating", "comment"},
		func(ctx context.Context, youthID, id int64, f *form) error {
			rating, err := strconv.Atoi(f.Values["rating"])
			if err != nil {
				return errs.Validation(errs.Field("rating", "error.feedback_rating"))
			}
			_, err = s.svc.Mentorship.YouthFeedback(ctx, youthID, id, rating, f.Values["comment"])
			return err
		})
}

// Concern takes the young person's safeguarding concern about their
// mentorship: it reaches the safeguarding lead at once.
func (s *Server) Concern(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.act(w, r, rq, "concern", "concern", []string{"body"},
		func(ctx context.Context, youthID, id int64, f *form) error {
			_, err := s.svc.Mentorship.YouthConcern(ctx, youthID, id, f.Values["body"])
			return err
		})
}

// Join enrols the young person on an activity of their region.
func (s *Server) Join(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.act(w, r, rq, "join", "joined", nil, func(ctx context.Context, youthID, id int64, _ *form) error {
		_, err := s.svc.Strands.Join(ctx, youthID, id)
		return err
	})
}

// Appeal files the young person's appeal against their place in a
// selection, with a reason, before its deadline.
func (s *Server) Appeal(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.act(w, r, rq, "appeal", "appeal", []string{"reason"},
		func(ctx context.Context, youthID, id int64, f *form) error {
			_, err := s.svc.Selection.FileOwn(ctx, id, youthID, f.Values["reason"])
			return err
		})
}

// Failed is the form of the last post when it was the form id, or nil.
func (w Work) Failed(id string) *form {
	if w.ActID == id {
		return w.Act
	}
	return nil
}

// Active reports whether the young person has an active mentorship: the
// shortlist and the pending proposals give way to it.
func (w Work) Active() bool {
	for _, m := range w.Mentorships {
		if m.Status == mentorship.Active {
			return true
		}
	}
	return false
}

// WhyFor is the explanation of the accepted match with mentor id, which
// the mentorship with them came from; "" when there is none.
func (w Work) WhyFor(id int64) string {
	for _, p := range w.Proposals {
		if p.MentorID == id && p.Status == matching.Accepted {
			return p.Why
		}
	}
	return ""
}
