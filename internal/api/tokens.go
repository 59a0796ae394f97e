package api

import (
	"net/http"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
)

// me is the caller with every action they may take somewhere in their
// scope, so a client can show only what will work.
type me struct {
	accounts.User
	Actions []access.Action `json:"actions"`
}

func (a *API) me(w http.ResponseWriter, r *http.Request, rq *request) error {
	acts := []access.Action{}
	for _, x := range access.Actions() {
		if access.Allowed(rq.p, x) {
			acts = append(acts, x)
		}
	}
	slices.Sort(acts)
	return writeJSON(w, http.StatusOK, jsonType, me{User: *rq.user, Actions: acts})
}

// listTokens lists the caller's own tokens, or with ?user_id= those of a
// user the caller manages. A token's secret is never listed.
func (a *API) listTokens(w http.ResponseWriter, r *http.Request, rq *request) error {
	userID, err := queryID(r, "user_id")
	if err != nil {
		return err
	}
	if userID == 0 {
		userID = rq.p.UserID
	}
	tokens, err := a.svc.Accounts.Tokens(r.Context(), rq.p, userID)
	if err != nil {
		return err
	}
	tokens, next := pageOf(page(r), tokens, func(t accounts.Token) int64 { return t.ID })
	return writeList(w, tokens, next)
}

// newToken is the answer to POST /tokens: the only time the secret is shown.
type newToken struct {
	accounts.Token
	Secret string `json:"secret"`
}

func (a *API) createToken(w http.ResponseWriter, r *http.Request, rq *request) error {
	var in struct {
		Name   string `json:"name"`
		UserID int64  `json:"user_id"` // 0: the caller's own
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if in.UserID == 0 {
		in.UserID = rq.p.UserID
	}
	secret, t, err := a.svc.Accounts.CreateToken(r.Context(), rq.p, in.UserID, in.Name)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, jsonType, newToken{Token: t, Secret: secret})
}

func (a *API) revokeToken(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := a.svc.Accounts.RevokeToken(r.Context(), rq.p, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
