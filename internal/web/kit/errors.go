package kit

import (
	"errors"
	"net/http"

	"github.com/jolproject/jol/internal/errs"
)

// ErrNotFound is the plain 404: a page that does not exist, or one the
// caller may not know exists. It is errs.ErrNotFound, the one not-found,
// named here for the rooms' handlers.
var ErrNotFound = errs.ErrNotFound

// Fail is the one place a web error becomes a page: domain errors show
// their translated message; anything else is logged and shown as a generic
// error, so internal details never reach the user.
func (k *Kit) Fail(w http.ResponseWriter, r *http.Request, rq *Request, err error) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		err = errs.New(errs.TooLarge, "error.too_large")
	}
	e := errs.As(err)
	if e == nil {
		k.Logger.Error("web", "method", r.Method, "path", r.URL.Path, "err", err)
		e = errs.New(errs.Internal, "error.internal")
	}
	code := errs.HTTPStatus(e.Code)
	v := errorView{Page: k.Page(r, rq, "error.title"), Status: code, Message: rq.L.T(e.Key, e.Args...)}
	k.errPage.Render(w, code, "error", &v)
}

type errorView struct {
	Page
	Status  int
	Message string
}
