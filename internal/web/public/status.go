package public

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/web/kit"
)

// statusView is the status page: the form, and when a request was found,
// its status, what it means and the messages sent to the family.
type statusView struct {
	Page
	Form     *kit.Form
	Found    bool
	Status   public.Status
	Messages []message
	NotFound bool
	Explain  string // the eligibility result's short version, nothing of the household
	// Allocation says, line by line, where the items come from or why
	// they wait: nothing of the household either.
	Allocation []string
	Handover   string // "handed over on …", or how many items are, once any is
}

// message is one message to the family: the status it announced.
type message struct {
	At     time.Time
	Status string
}

// StatusForm shows the status page's form.
func (s *Server) StatusForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	v := statusView{Page: s.Page(r, rq, "public.status_title"), Form: kit.NewForm(nil, "reference", "phone")}
	s.render(w, http.StatusOK, "status", &v)
	return nil
}

// StatusLookUp answers a reference number and a phone. Not found is the
// same page, with the same status code, whether the reference is unknown
// or the phone is not the applicant's.
func (s *Server) StatusLookUp(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, "reference", "phone")
	v := statusView{Page: s.Page(r, rq, "public.status_title"), Form: f}
	st, err := s.svc.Public.LookUp(r.Context(), s.clientIP(r), f.Values["reference"], f.Values["phone"])
	switch {
	case err == nil:
		v.Found, v.Status = true, st
		if v.Explain, err = s.shortExplanation(r.Context(), rq, st.RequestID); err != nil {
			return err
		}
		lines, err := s.svc.ExplainAllocation(r.Context(), rq.L, access.System, st.RequestID)
		if err != nil {
			return err
		}
		for _, l := range lines {
			v.Allocation = append(v.Allocation, l.Explanation)
		}
		if v.Handover, err = s.handover(r.Context(), rq, v.Page, st); err != nil {
			return err
		}
		if st.Status != requests.Rejected {
			v.Status.Reason = "" // a reason belongs to a rejection only
		}
		for _, m := range st.Messages {
			if requests.Status(m.Args["Status"]).Valid() {
				v.Messages = append(v.Messages, message{At: m.CreatedAt, Status: m.Args["Status"]})
			}
		}
		s.render(w, http.StatusOK, "status", &v)
		return nil
	case errors.Is(err, public.ErrNoRequest):
		v.NotFound = true
		s.render(w, http.StatusNotFound, "status", &v)
		return nil
	case errors.Is(err, public.ErrLimited) || !f.Absorb(rq.L, err):
		return err
	}
	s.render(w, http.StatusUnprocessableEntity, "status", &v)
	return nil
}

// shortExplanation is the request's eligibility result in one sentence
// for the family, in the page's language, or "" before it is evaluated.
// The page reads it as the installation: the family has shown the
// reference and the phone.
func (s *Server) shortExplanation(ctx context.Context, rq *request, id int64) (string, error) {
	st, err := s.svc.Eligibility.Current(ctx, access.System, id)
	if errs.CodeOf(err) == errs.NotFound {
		return "", nil
	} else if err != nil {
		return "", err
	}
	ex, err := s.svc.Explain(ctx, rq.L, st)
	return ex.Short, err
}

// handover says when the request's items were handed over, or how many
// of them are so far; "" before any is.
func (s *Server) handover(ctx context.Context, rq *request, pg Page, st public.Status) (string, error) {
	pr, err := s.svc.Distribution.Progress(ctx, st.RequestID)
	switch {
	case err != nil || pr.Handed == 0:
		return "", err
	case st.Status == requests.Delivered && pr.Handed == pr.Lines:
		return rq.L.T("public.handed_over_on", "Date", pg.Date(pr.LastAt)), nil
	}
	return rq.L.T("distribution.progress", "Handed", pr.Handed, "Count", pr.Lines), nil
}
