// Package api serves Jol's JSON API under /api/v1 and its OpenAPI
// document. It mirrors the web surface: one route table (routes.go), one
// adapter that authenticates the caller and checks the page-level action
// (request.go), handlers that return errors, and one function that turns an
// error into an RFC 9457 problem document in the caller's language
// (problem.go). Callers authenticate with a bearer token only; the API
// reads no cookies, so it is not exposed to cross-site request forgery.
package api

import (
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/services"
)

// Prefix is the path every API route starts with.
const Prefix = "/api/v1"

// Options are how the API runs; the zero value logs nothing and reads
// the system clock.
type Options struct {
	Logger *slog.Logger     // nil discards the log
	Now    func() time.Time // nil is time.Now
	// ClientIP is the address a request came from, through the trusted
	// proxies, for the public routes' limits; nil takes the connection's.
	ClientIP func(r *http.Request) string
}

// API is the JSON surface.
type API struct {
	Options
	svc    *services.Services
	spec   []byte          // the OpenAPI document as served
	limits *public.Limiter // the public routes' attempts per client address
}

// New serves svc and checks the embedded OpenAPI document.
func New(svc *services.Services, o Options) (*API, error) {
	if svc == nil {
		return nil, errors.New("api: no services")
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	spec, err := loadSpec()
	if err != nil {
		return nil, err
	}
	return &API{Options: o, svc: svc, spec: spec, limits: public.NewLimiter(o.Now, public.MaxKeys)}, nil
}

// Mount registers every route of the table on mux, and under Prefix a
// catch-all that answers unknown paths with a 404 problem and known paths
// asked with another method with a 405 problem.
func (a *API) Mount(mux *http.ServeMux) {
	known := http.NewServeMux()
	for _, rt := range a.routes() {
		mux.Handle(rt.method+" "+rt.pattern, a.adapt(rt))
		known.Handle(rt.method+" "+rt.pattern, http.NotFoundHandler())
	}
	mux.Handle(Prefix+"/", a.adapt(route{h: func(w http.ResponseWriter, r *http.Request, _ *request) error {
		if allow := allowed(known, r); allow != "" {
			w.Header().Set("Allow", allow)
			return errMethod
		}
		return errs.ErrNotFound
	}}))
}

// allowed lists the methods known answers for r's path, "" for none.
func allowed(known *http.ServeMux, r *http.Request) string {
	var out string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := known.Handler(probe); pattern != "" {
			if out != "" {
				out += ", "
			}
			out += m
		}
	}
	return out
}
