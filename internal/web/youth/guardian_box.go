package youth

import (
	"context"
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
	"github.com/jolproject/jol/internal/youth"
)

// guardianBox is a minor's guardian link as the registration's
// confirmation, the young person's own page and a coordinator's page show
// it (the partial "guardianbox"): its state, a link just issued (shown
// once: only its hash is kept) and where to ask for a new one.
type guardianBox struct {
	Show    bool   // a minor who named a guardian
	Status  string // see youth.GuardianLinkState.Status
	State   youth.GuardianLinkState
	NewLink youth.GuardianLink
	URL     string // the whole address of NewLink
	Action  string // where a new link is asked for; "" when this reader may not
}

// newGuardianLink carries a link just issued from its handler to the
// page it renders, which shows it once.
type newGuardianLink struct{}

// withGuardianLink is r carrying link l to the page it renders.
func withGuardianLink(r *http.Request, l youth.GuardianLink) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), newGuardianLink{}, l))
}

// guardianBoxOf is the box of young person y read by p, with the link the
// request carries, if any; action is where p asks for a new link.
func (s *Server) guardianBoxOf(r *http.Request, p access.Principal, y youth.Youth, action string) (guardianBox, error) {
	var b guardianBox
	if !y.Minor(s.Now().UTC()) || y.Guardian.Name == "" {
		return b, nil
	}
	st, err := s.svc.Youth.GuardianLinkOf(r.Context(), p, y.ID)
	if err != nil {
		return b, err
	}
	b = guardianBox{Show: true, State: st, Status: st.Status(s.Now().UTC())}
	if l, ok := r.Context().Value(newGuardianLink{}).(youth.GuardianLink); ok {
		b.NewLink, b.URL = l, GuardianURL(r, l)
	}
	if !y.Guardian.Consented() {
		b.Action = action
	}
	return b, nil
}

// GuardianURL is the whole address of guardian link l, on the host the
// request came to.
func GuardianURL(r *http.Request, l youth.GuardianLink) string {
	return strings.TrimSuffix(LinkURL(r, ""), "/y/") + l.Path()
}

// ownGuardian is the box of the young person whose own page r opened:
// they may ask for a new link until their guardian answers no.
func (s *Server) ownGuardian(r *http.Request, y youth.Youth) (guardianBox, error) {
	b, err := s.guardianBoxOf(r, access.System, y, "/y/"+r.PathValue("token")+"/guardian/link")
	if b.Status == "declined" {
		b.Action = ""
	}
	return b, err
}

// OwnGuardianLink issues a new guardian link at the young person's own
// request and shows it once on their page.
func (s *Server) OwnGuardianLink(w http.ResponseWriter, r *http.Request, rq *request) error {
	if err := s.allow(r, "youth_link", LinkPerWindow); err != nil {
		return err
	}
	y, err := s.svc.Youth.ByLink(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	l, err := s.svc.Youth.GuardianLinkFor(r.Context(), y.ID)
	if err != nil {
		return err
	}
	return s.renderOwn(w, withGuardianLink(r, l), rq, y.ID, kit.NewForm(nil, "choices"), http.StatusOK, "", nil)
}

// ReissueGuardianLink issues a minor's guardian link for a coordinator,
// shown once on the young person's page.
func (s *Server) ReissueGuardianLink(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	l, err := s.svc.Youth.IssueGuardianLink(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.renderPerson(w, withGuardianLink(r, l), rq, nil, "", http.StatusOK)
}

// registeredGuardian issues the guardian link of a minor just registered
// on the web form, for the confirmation to show beside their own link.
// A registration that cannot have one (an adult, no guardian named) shows
// none; a failure to issue it is logged, not shown: the registration
// stands, and the young person's own page issues a link again.
func (s *Server) registeredGuardian(r *http.Request, reg youth.Registration) guardianBox {
	if reg.AgeGroup != youth.Teen {
		return guardianBox{} // an adult on the day they registered
	}
	l, err := s.svc.Youth.GuardianLinkFor(r.Context(), reg.ID)
	if errs.CodeOf(err) == errs.Conflict {
		return guardianBox{}
	}
	if err != nil {
		s.Logger.ErrorContext(r.Context(), "guardian link at registration", "youth", reg.ID, "err", err)
		return guardianBox{}
	}
	return guardianBox{Show: true, Status: "pending", NewLink: l, URL: GuardianURL(r, l),
		State: youth.GuardianLinkState{Expires: l.Expires}}
}
