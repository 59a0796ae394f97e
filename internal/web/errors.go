package web

import (
	"errors"
	"net/http"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
)

var errCSRF = errs.New(errs.Forbidden, "error.csrf")

// fail renders err for a request whose caller could not be resolved.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	rq := &request{l: s.svc.Catalog.Localizer(i18n.Negotiate("", "", r.Header.Get("Accept-Language"), i18n.RU))}
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
	code := errs.HTTPStatus(e.Code)
	v := errorView{Page: s.page(r, rq, "error.title"), Status: code, Message: rq.l.T(e.Key, e.Args...)}
	s.render(w, code, "error", &v)
}

type errorView struct {
	Page
	Status  int
	Message string
}
