package web

import (
	"net/http"

	"github.com/jolproject/jol/internal/accounts"
)

// tokensView is the user's own API tokens. Secret is set only on the
// response to creating one: it is shown that once and kept nowhere.
type tokensView struct {
	Page
	Form    *form
	Tokens  []accounts.Token
	Back    string
	Secret  string
	Created accounts.Token
}

// tokens lists the user's own tokens with a form to create another.
func (s *Server) tokens(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderTokens(w, r, rq, newForm(nil, "name"), http.StatusOK, func(*tokensView) {})
}

// tokenCreate makes a token and answers with the page itself rather than
// a redirect, so the secret travels once, in this response, and is never
// stored in the session.
func (s *Server) tokenCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := newForm(r, "name")
	secret, t, err := s.svc.Accounts.CreateToken(r.Context(), rq.p, rq.user.ID, f.Values["name"])
	if err != nil {
		if !f.absorb(rq.l, err) {
			return err
		}
		return s.renderTokens(w, r, rq, f, http.StatusUnprocessableEntity, func(*tokensView) {})
	}
	return s.renderTokens(w, r, rq, newForm(nil, "name"), http.StatusCreated, func(v *tokensView) {
		v.Secret, v.Created = secret, t
	})
}

// tokenRevoke revokes a token: the user's own, or, for an administrator,
// one of a user they manage. It returns to the page it was sent from.
func (s *Server) tokenRevoke(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.Accounts.RevokeToken(r.Context(), rq.p, id); err != nil {
		return err
	}
	s.flash(r, "flash.revoked")
	back := r.PostFormValue("next")
	if back == "" {
		back = "/tokens"
	}
	http.Redirect(w, r, safeNext(back), http.StatusSeeOther)
	return nil
}

func (s *Server) renderTokens(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int, set func(*tokensView)) error {
	list, err := s.svc.Accounts.Tokens(r.Context(), rq.p, rq.user.ID)
	if err != nil {
		return err
	}
	v := tokensView{Page: s.page(r, rq, "tokens.title"), Form: f, Tokens: list, Back: "/tokens"}
	set(&v)
	s.render(w, status, "tokens", &v)
	return nil
}
