package admin

import (
	"net/http"

	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/web/kit"
)

// tokensView is the user's own API tokens. Secret is set only on the
// response to creating one: it is shown that once and kept nowhere.
type tokensView struct {
	Page
	listing
	Form    *form
	Tokens  []accounts.Token
	Back    string
	Secret  string
	Created accounts.Token
}

// Tokens lists the user's own tokens with a form to create another.
func (s *Server) Tokens(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderTokens(w, r, rq, kit.NewForm(nil, "name"), http.StatusOK, func(*tokensView) {})
}

// TokenCreate makes a token and answers with the page itself rather than
// a redirect, so the secret travels once, in this response, and is never
// stored in the session.
func (s *Server) TokenCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, "name")
	secret, t, err := s.svc.Accounts.CreateToken(r.Context(), rq.P, rq.User.ID, f.Values["name"])
	if err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		return s.renderTokens(w, r, rq, f, http.StatusUnprocessableEntity, func(*tokensView) {})
	}
	return s.renderTokens(w, r, rq, kit.NewForm(nil, "name"), http.StatusCreated, func(v *tokensView) {
		v.Secret, v.Created = secret, t
	})
}

// TokenRevoke revokes a token: the user's own, or, for an administrator,
// one of a user they manage. It returns to the page it was sent from.
func (s *Server) TokenRevoke(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.Accounts.RevokeToken(r.Context(), rq.P, id); err != nil {
		return err
	}
	s.Flash(r, "flash.revoked")
	back := r.PostFormValue("next")
	if back == "" {
		back = "/tokens"
	}
	http.Redirect(w, r, s.SafeNext(back), http.StatusSeeOther)
	return nil
}

func (s *Server) renderTokens(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int, set func(*tokensView)) error {
	list, err := s.svc.Accounts.Tokens(r.Context(), rq.P, rq.User.ID)
	if err != nil {
		return err
	}
	v := tokensView{Page: s.Page(r, rq, "tokens.title"), listing: kit.Whole(len(list)), Form: f, Tokens: list, Back: "/tokens"}
	set(&v)
	s.Render(w, status, "tokens", &v)
	return nil
}
