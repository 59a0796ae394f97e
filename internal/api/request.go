package api

import (
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
)

// request is what every handler knows about the caller.
type request struct {
	user *accounts.User // nil on a public route
	p    access.Principal
}

// adapt runs a route: headers, the body limit, the bearer token, the
// page-level action check, the handler, and a problem document for any
// error or panic on the way.
func (a *API) adapt(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		rq := &request{}
		defer a.recoverer(w, r, rq)
		if r.ContentLength > maxBody {
			w.Header().Set("Connection", "close")
			a.fail(w, r, rq, errTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		if rt.action != "" {
			if err := a.authenticate(r, rq); err != nil {
				a.fail(w, r, rq, err)
				return
			}
			if !access.Allowed(rq.p, rt.action) {
				a.fail(w, r, rq, errs.New(errs.Forbidden, "error.forbidden"))
				return
			}
		}
		if err := rt.h(w, r, rq); err != nil {
			a.fail(w, r, rq, err)
		}
	})
}

// authenticate resolves the bearer token of r to its user.
func (a *API) authenticate(r *http.Request, rq *request) error {
	scheme, secret, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	secret = strings.TrimSpace(secret)
	if !strings.EqualFold(scheme, "Bearer") || secret == "" {
		return errNoToken
	}
	u, err := a.svc.Accounts.AuthenticateToken(r.Context(), secret)
	if errs.CodeOf(err) == errs.Unauthenticated {
		return errBadToken
	} else if err != nil {
		return err
	}
	rq.user, rq.p = &u, u.Principal()
	return nil
}

// localizer picks the language of the answer: the user's own choice, then
// the request's Accept-Language, then the user's organisation's default,
// then the installation's, then Russian (as on the web pages).
func (a *API) localizer(r *http.Request, rq *request) *i18n.Localizer {
	var pref string
	fallback, ok := i18n.Locale(""), false
	if rq.user != nil {
		pref = rq.user.Locale
		fallback, ok = i18n.Parse(rq.user.OrgLocale)
	}
	if !ok {
		st, err := a.svc.Settings.Get(r.Context())
		if err != nil {
			a.Logger.Warn("api: read settings", "err", err)
		}
		if fallback, ok = i18n.Parse(st.DefaultLocale); !ok {
			fallback = i18n.RU
		}
	}
	return a.svc.Catalog.Localizer(i18n.Negotiate(pref, "", r.Header.Get("Accept-Language"), fallback))
}

// recoverer turns a panic in a handler into a logged 500 problem.
func (a *API) recoverer(w http.ResponseWriter, r *http.Request, rq *request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	a.Logger.Error("api panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
	a.fail(w, r, rq, errs.New(errs.Internal, "error.internal"))
}
