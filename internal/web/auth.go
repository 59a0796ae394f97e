package web

import (
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

type loginView struct {
	kit.Page
	Email string
	Next  string
	Error string
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	if rq.User != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	v := loginView{Page: s.page(r, rq, "login.title"), Next: safeNext(r.URL.Query().Get("next"))}
	s.render(w, http.StatusOK, "login", &v)
	return nil
}

func (s *Server) login(w http.ResponseWriter, r *http.Request, rq *request) error {
	email, password := r.PostFormValue("email"), r.PostFormValue("password")
	next := safeNext(r.PostFormValue("next"))
	u, err := s.svc.Accounts.Authenticate(r.Context(), email, password, s.clientIP(r))
	if err != nil {
		e := errs.As(err)
		if e == nil || (e.Code != errs.Unauthenticated && e.Code != errs.RateLimited) {
			return err
		}
		v := loginView{Page: s.page(r, rq, "login.title"), Email: email, Next: next, Error: rq.L.T(e.Key, e.Args...)}
		s.render(w, errs.HTTPStatus(e.Code), "login", &v)
		return nil
	}
	// A new session token on login, so a token planted before cannot ride it.
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		return err
	}
	s.sessions.Put(r.Context(), sessionUserKey, u.ID)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request, rq *request) error {
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		return err
	}
	s.flash(r, "logout.done")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

// safeNext keeps a redirect target on this site: a local path only, never
// "//host" or a scheme, so a crafted link cannot send a user elsewhere.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

var errNotFound = errs.New(errs.NotFound, "error.not_found")

// notFoundIfNot turns a failed precondition into a plain 404.
func notFoundIfNot(ok bool) error {
	if !ok {
		return errNotFound
	}
	return nil
}
