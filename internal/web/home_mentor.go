package web

import (
	"context"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/matching"
	"github.com/jolproject/jol/internal/mentoring"
	"github.com/jolproject/jol/internal/mentorship"
	"github.com/jolproject/jol/internal/store"
)

// mentorHomeRows bounds the mentorships a mentor's home lists; the rest
// are on /mentorships.
const mentorHomeRows = 10

// mentorHome is what a mentor's home shows of their work: the proposals
// waiting for their answer, their active mentorships and where they
// stand in the mentors' school. Linked is false while their login is not
// linked to a mentor's profile, which a coordinator does.
type mentorHome struct {
	Linked      bool
	Card        mentoring.Card
	Pending     []matching.Proposal
	Mentorships []mentorship.Mentorship
	More        bool // more mentorships than listed
}

// Missing names the school's modules the mentor still has to attend.
func (m mentorHome) Missing() []string {
	var out []string
	for _, mod := range m.Card.Standing.Missing {
		out = append(out, mod.Name)
	}
	return out
}

// mentorHome reads the home of the mentor whose login p is.
func (s *Server) mentorHome(ctx context.Context, p access.Principal) (*mentorHome, error) {
	h := &mentorHome{}
	c, err := s.svc.Mentoring.MyCard(ctx, p)
	if errors.Is(err, errs.ErrNotFound) {
		return h, nil
	} else if err != nil {
		return nil, err
	}
	h.Linked, h.Card = true, c
	ps, err := s.svc.Matching.Mine(ctx, p)
	if err != nil {
		return nil, err
	}
	for _, pr := range ps {
		if pr.Status == matching.Pending {
			h.Pending = append(h.Pending, pr)
		}
	}
	var next string
	h.Mentorships, next, err = s.svc.Mentorship.List(ctx, p, mentorship.Filter{Status: mentorship.Active},
		store.Page{Limit: mentorHomeRows})
	h.More = next != ""
	return h, err
}
