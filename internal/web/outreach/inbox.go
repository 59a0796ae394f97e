package outreach

import (
	"errors"
	"net/http"
	"strconv"

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
	Rows    []refCard
	Form    *form
}

// refCard is one referral as its card shows it, with the page it is on
// (for the language and the dates) and the form answering it.
type refCard struct {
	*Page
	outreach.Card
	Form    *form
	Reasons []option
	Link    bool // to the referral's own page
}

// referralView is one referral on its own page.
type referralView struct {
	Page
	Card refCard
	Form *form
}

var answerFields = []string{"reason", "note", "version"}

// Inbox shows the referrals sent to the reader's charity; every card
// shown is in the access log.
func (s *Server) Inbox(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderInbox(w, r, rq, kit.NewForm(nil, answerFields...), 0, http.StatusOK)
}

// renderInbox shows the inbox, with f (refused) on the card of referral
// failed.
func (s *Server) renderInbox(w http.ResponseWriter, r *http.Request, rq *request, f *form, failed int64, status int) error {
	ctx := r.Context()
	v := inboxView{Page: s.Page(r, rq, "nav.referrals"), Form: f}
	mine, err := s.svc.Charities.Mine(ctx, rq.P)
	if errors.Is(err, errs.ErrNotFound) { // a login of an organisation with no charity record yet
		v.Listing = kit.Whole(0)
		s.Render(w, status, "inbox", &v)
		return nil
	} else if err != nil {
		return err
	}
	rows, err := s.svc.Outreach.Inbox(ctx, rq.P, "", "web")
	if err != nil {
		return err
	}
	v.Charity, v.Listing = mine, kit.Whole(len(rows))
	region := s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))
	for _, c := range rows {
		c.District = region(c.District)
		cf := kit.NewForm(nil, answerFields...)
		if c.ID == failed {
			cf = f
		}
		v.Rows = append(v.Rows, s.card(rq, &v.Page, c, cf, true))
	}
	s.Render(w, status, "inbox", &v)
	return nil
}

func (s *Server) card(rq *request, pg *Page, c outreach.Card, f *form, link bool) refCard {
	return refCard{Page: pg, Card: c, Form: f, Link: link,
		Reasons: choices(rq.L, outreach.DeclineReasons(), f.Values["reason"], "outreach.decline.")}
}

// Referral shows the {id} referral to the staff of the charity it was
// sent to; to anyone else it is not found. The reading is in the access
// log.
func (s *Server) Referral(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderReferral(w, r, rq, kit.NewForm(nil, answerFields...), http.StatusOK)
}

func (s *Server) renderReferral(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Outreach.Referral(r.Context(), rq.P, id, "web")
	if err != nil {
		return err
	}
	c.District = s.RegionNamer(r.Context(), s.svc.Geo, string(rq.L.Locale()))(c.District)
	v := referralView{Page: s.Page(r, rq, "nav.referrals"), Form: f}
	v.Title = rq.L.T("outreach.need."+string(c.Need)) + " · " + c.District
	v.Card = s.card(rq, &v.Page, c, f, false)
	s.Render(w, status, "referral", &v)
	return nil
}

// Answer accepts (answer=accept) or declines the {id} referral, against
// the version the card showed.
func (s *Server) Answer(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, answerFields...)
	version, _ := strconv.Atoi(f.Values["version"])
	in := outreach.AnswerInput{Accept: r.PostFormValue("answer") == "accept",
		Reason: outreach.DeclineReason(f.Values["reason"]), Note: f.Values["note"], Version: version}
	if _, err := s.svc.Outreach.Answer(r.Context(), rq.P, id, in); err != nil {
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
		return s.renderInbox(w, r, rq, f, id, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "outreach.answered")
	return kit.SeeOther(w, r, "/referrals")
}
