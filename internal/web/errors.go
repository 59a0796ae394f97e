package web

import (
	"errors"
	"net/http"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
)

var errCSRF = errs.New(errs.Forbidden, "error.csrf")

// status maps a domain error code to an HTTP status.
func status(c errs.Code) int {
	switch c {
	case errs.Invalid:
		return http.StatusUnprocessableEntity
	case errs.NotFound:
		return http.StatusNotFound
	case errs.Forbidden:
		return http.StatusForbidden
	case errs.Unauthenticated:
		return http.StatusUnauthorized
	case errs.Conflict:
		return http.StatusConflict
	case errs.TooLarge:
		return http.StatusRequestEntityTooLarge
	case errs.RateLimited:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// fail renders err for a request whose caller could not be resolved.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	rq := &request{l: s.Catalog.Localizer(i18n.Negotiate("", "", r.Header.Get("Accept-Language"), i18n.RU))}
	s.failWith(w, r, rq, err)
}

// failWith is the one place a web error becomes a page: domain errors show
// their translated message; anything else is logged and shown as a generic
// error, so internal details never reach the user.
func (s *Server) failWith(w http.ResponseWriter, r *http.Request, rq *request, err error) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		err = errs.New(errs.TooLarge, "error.too_large")
	}
	e := errs.As(err)
	if e == nil {
		s.Logger.Error("web", "method", r.Method, "path", r.URL.Path, "err", err)
		e = errs.New(errs.Internal, "error.internal")
	}
	code := status(e.Code)
	v := errorView{Page: s.page(r, rq, "error.title"), Status: code, Message: rq.l.T(e.Key, e.Args...)}
	s.render(w, code, "error", &v)
}

type errorView struct {
	Page
	Status  int
	Message string
}
