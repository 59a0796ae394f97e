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

	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/geo"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/settings"
)

// Prefix is the path every API route starts with.
const Prefix = "/api/v1"

// Deps are the services the API uses. Every service and the catalogue are
// required; Logger and Now have defaults.
type Deps struct {
	Accounts *accounts.Service
	Orgs     *orgs.Service
	People   *people.Service
	Geo      *geo.Service
	Settings *settings.Service // the default language of the installation
	Jobs     *jobs.Queue
	Audit    *audit.Log
	Catalog  *i18n.Catalog
	Logger   *slog.Logger     // nil discards the log
	Now      func() time.Time // nil is time.Now
}

// API is the JSON surface.
type API struct {
	Deps
	spec []byte // the OpenAPI document as served
}

// New checks the dependencies and the embedded OpenAPI document.
func New(d Deps) (*API, error) {
	if d.Accounts == nil || d.Orgs == nil || d.People == nil || d.Geo == nil || d.Settings == nil || d.Jobs == nil || d.Audit == nil || d.Catalog == nil {
		return nil, errors.New("api: a required service is missing")
	}
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	spec, err := loadSpec()
	if err != nil {
		return nil, err
	}
	return &API{Deps: d, spec: spec}, nil
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
		return errNotFound
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
