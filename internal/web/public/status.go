package public

import (
	"errors"
	"net/http"
	"time"

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
		ex, err := s.svc.ExplainStatus(r.Context(), rq.L, func(t time.Time) string { return v.Date(t) }, st)
		if err != nil {
			return err
		}
		v.Explain, v.Allocation, v.Handover = ex.Eligibility, ex.Allocation, ex.Handover
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
