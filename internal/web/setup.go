package web

import (
	"net/http"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/web/kit"
)

type setupView struct {
	kit.Page
	Form *kit.Form
}

// setupOpen reports whether the one-time set-up page may be shown: only on
// an installation without users, and only to a browser on this machine.
func (s *Server) setupOpen(r *http.Request) (bool, error) {
	if !isLoopback(r) {
		return false, nil
	}
	n, err := s.svc.Accounts.Count(r.Context())
	return n == 0, err
}

func (s *Server) setupForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	open, err := s.setupOpen(r)
	if err != nil {
		return err
	}
	if err := notFoundIfNot(open); err != nil {
		return err
	}
	s.render(w, http.StatusOK, "setup", &setupView{Page: s.page(r, rq, "setup.title"), Form: kit.NewForm(nil)})
	return nil
}

func (s *Server) setup(w http.ResponseWriter, r *http.Request, rq *request) error {
	open, err := s.setupOpen(r)
	if err != nil {
		return err
	}
	if err := notFoundIfNot(open); err != nil {
		return err
	}
	f := kit.NewForm(r, "name", "email")
	u, err := s.svc.Accounts.Create(r.Context(), access.System, accounts.NewUser{Email: f.Values["email"], Name: f.Values["name"],
		Role: access.Admin, Locale: string(rq.L.Locale()), Password: r.PostFormValue("password")})
	if err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		s.render(w, http.StatusUnprocessableEntity, "setup", &setupView{Page: s.page(r, rq, "setup.title"), Form: f})
		return nil
	}
	if err := s.sessions.RenewToken(r.Context()); err != nil {
		return err
	}
	s.sessions.Put(r.Context(), sessionUserKey, u.ID)
	s.flash(r, "flash.created")
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
