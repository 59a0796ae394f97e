package api

import (
	"net"
	"net/http"

	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/youth"
)

// A young person has no account: their secret link is their key, so the
// routes under /y/{token} need no bearer token. An unknown, malformed or
// replaced link is 404, alike; the attempts of one client address are
// limited as on the web pages, so links cannot be guessed.

// The public routes' attempts per client address and public.Window.
const (
	youthRegisterPerWindow = 10
	youthLinkPerWindow     = 60
)

// allowPublic takes one attempt at a public route from r's client
// address; too many are refused, 429.
func (a *API) allowPublic(r *http.Request, route string, limit int) error {
	addr := r.RemoteAddr
	if a.ClientIP != nil {
		addr = a.ClientIP(r)
	} else if host, _, err := net.SplitHostPort(addr); err == nil {
		addr = host
	}
	if !a.limits.Take(public.Key{Name: public.AddressKey(route, addr), Limit: limit}) {
		return public.ErrLimited
	}
	return nil
}

// ownShortlist is what a young person's link reads: what a match still
// waits for (i18n keys), the mentors they ranked (none: an automatic
// match), their shortlist and, when it is empty, why.
type ownShortlist struct {
	Missing     []string            `json:"missing"`
	Choices     []int64             `json:"choices"`
	Automatic   bool                `json:"automatic"`
	Shortlist   []youth.Shortlisted `json:"shortlist"`
	EmptyReason string              `json:"empty_reason,omitempty"`
}

// ownYouth finds the young person of the route's link.
func (a *API) ownYouth(r *http.Request) (youth.Own, error) {
	if err := a.allowPublic(r, "youth_link", youthLinkPerWindow); err != nil {
		return youth.Own{}, err
	}
	y, err := a.svc.Youth.ByLink(r.Context(), r.PathValue("token"))
	if err != nil {
		return youth.Own{}, err
	}
	return a.svc.Youth.OwnPage(r.Context(), y.ID)
}

// writeOwn answers own's shortlist, the empty one's reason in the
// caller's language.
func (a *API) writeOwn(w http.ResponseWriter, r *http.Request, rq *request, own youth.Own) error {
	out := ownShortlist{Missing: own.Missing, Choices: own.Choices, Automatic: own.Automatic(), Shortlist: own.Shortlist}
	if out.Missing == nil {
		out.Missing = []string{}
	}
	if out.Shortlist == nil {
		out.Shortlist = []youth.Shortlisted{}
	}
	if own.Empty.Key != "" {
		out.EmptyReason = a.localizer(r, rq).T(own.Empty.Key, own.Empty.Args...)
	}
	w.Header().Set("Referrer-Policy", "no-referrer")
	return writeJSON(w, http.StatusOK, jsonType, out)
}

// getOwnShortlist answers the shortlist of the young person whose link
// {token} is.
func (a *API) getOwnShortlist(w http.ResponseWriter, r *http.Request, rq *request) error {
	own, err := a.ownYouth(r)
	if err != nil {
		return err
	}
	return a.writeOwn(w, r, rq, own)
}

// ownChoices is the body of PUT /y/{token}/choices: up to three mentors
// of the shortlist, the first choice first; none asks for an automatic
// match.
type ownChoices struct {
	Mentors []int64 `json:"mentors"`
}

// putOwnChoices records the young person's ranking, replacing the one
// before, and answers their shortlist as it now stands.
func (a *API) putOwnChoices(w http.ResponseWriter, r *http.Request, rq *request) error {
	own, err := a.ownYouth(r)
	if err != nil {
		return err
	}
	var in ownChoices
	if err := decode(r, &in); err != nil {
		return err
	}
	if _, err := a.svc.Youth.Choose(r.Context(), own.Youth.ID, in.Mentors); err != nil {
		return err
	}
	if own, err = a.svc.Youth.OwnPage(r.Context(), own.Youth.ID); err != nil {
		return err
	}
	return a.writeOwn(w, r, rq, own)
}
