package outreach

import (
	"errors"
	"net/http"

	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/web/kit"
)

// inboxView is a charity's inbox: the referrals sent to it, waiting ones
// first, each with what the family consented to share.
type inboxView struct {
	Page
	kit.Listing
	Charity charities.Charity
	Rows    []outreach.Card
	Form    *form
	Reasons []option
}

// Inbox shows the referrals sent to the reader's charity; every card
// shown is in the access log.
func (s *Server) Inbox(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderInbox(w, r, rq, kit.NewForm(nil, "reason", "note", "version"), http.StatusOK)
}

func (s *Server) renderInbox(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	mine, err := s.svc.Charities.Mine(ctx, rq.P)
	if errors.Is(err, errs.ErrNotFound) { // a login of an organisation with no charity record yet
		v := inboxView{Page: s.Page(r, rq, "nav.referrals"), Listing: kit.Whole(0), Form: f}
		s.render(w, status, "inbox", &v)
		return nil
	} else if err != nil {
		return err
	}
	rows, err := s.svc.Outreach.Inbox(ctx, rq.P, "", "web")
	if err != nil {
		return err
	}
	v := inboxView{Page: s.Page(r, rq, "nav.referrals"), Listing: kit.Whole(len(rows)), Charity: mine, Rows: rows,
		Form: f, Reasons: choices(rq.L, outreach.DeclineReasons(), f.Values["reason"], "outreach.decline.")}
	s.render(w, status, "inbox", &v)
	return nil
}

// Answer accepts (answer=accept) or declines the {id} referral.
func (s *Server) Answer(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "reason", "note", "version")
	in := outreach.AnswerInput{Accept: r.PostFormValue("answer") == "accept",
		Reason: outreach.DeclineReason(f.Values["reason"]), Note: f.Values["note"]}
	if _, err := s.svc.Outreach.Answer(r.Context(), rq.P, id, in); err != nil {
		if !absorb(rq.L, f, err) {
			return err
		}
		return s.renderInbox(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "outreach.answered")
	return kit.SeeOther(w, r, "/referrals")
}
