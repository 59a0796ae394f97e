package api

import (
	"errors"
	"net/http"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
)

// problemBase starts the type URI of every problem Jol defines; the code
// of the failure ends it.
const problemBase = "https://jol.example/problems/"

// problem is an RFC 9457 problem document.
type problem struct {
	Type   string         `json:"type"`
	Title  string         `json:"title"`
	Status int            `json:"status"`
	Detail string         `json:"detail"`
	Errors []fieldProblem `json:"errors,omitempty"`
}

// fieldProblem says what is wrong with one field of the request.
type fieldProblem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// statusError is a failure of the HTTP exchange itself (a body the API
// cannot read, a method it does not serve), which has no domain code.
type statusError struct {
	status int
	code   string
	key    string
	args   []any
	fields []fieldProblem // field names as sent, messages already translated
}

func (e *statusError) Error() string { return e.code + ": " + e.key }

var (
	errTooLarge = errs.New(errs.TooLarge, "error.too_large")
	errNoToken  = errs.New(errs.Unauthenticated, "error.bad_token")
	errBadToken = errs.New(errs.Unauthenticated, "error.bad_token")
	errMethod   = &statusError{status: http.StatusMethodNotAllowed, code: "method_not_allowed", key: "error.method_not_allowed"}
)

// fail is the one place an API error becomes a problem document: domain
// errors and request errors show their translated message; anything else
// is logged and answered with a generic 500, so internal details never
// reach the client.
func (a *API) fail(w http.ResponseWriter, r *http.Request, rq *request, err error) {
	l := a.localizer(r, rq)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		err = errTooLarge
	}
	var se *statusError
	if !errors.As(err, &se) {
		se = a.fromDomain(l, err)
	}
	if se.status >= 500 {
		a.Logger.Error("api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		se = &statusError{status: se.status, key: "error.internal"}
	}
	if se.status == http.StatusUnauthorized {
		challenge := `Bearer realm="jol"`
		if errors.Is(err, errBadToken) {
			challenge += `, error="invalid_token"`
		}
		w.Header().Set("WWW-Authenticate", challenge)
	}
	p := problem{Type: "about:blank", Title: http.StatusText(se.status), Status: se.status,
		Detail: l.T(se.key, se.args...), Errors: se.fields}
	for i := range p.Errors {
		if p.Errors[i].Message == "" {
			p.Errors[i].Message = p.Detail
		}
	}
	if se.code != "" {
		p.Type = problemBase + se.code
	}
	_ = writeJSON(w, se.status, "application/problem+json", p)
}

// fromDomain converts err to a statusError with translated field messages.
func (a *API) fromDomain(l *i18n.Localizer, err error) *statusError {
	e := errs.As(err)
	if e == nil || e.Code == errs.Internal {
		return &statusError{status: http.StatusInternalServerError}
	}
	se := &statusError{status: errs.HTTPStatus(e.Code), code: string(e.Code), key: e.Key, args: fieldNames(l, e.Args)}
	for _, f := range e.Fields {
		se.fields = append(se.fields, fieldProblem{Field: f.Field, Message: l.T(f.Key, fieldNames(l, f.Args)...)})
	}
	return se
}

// fieldNames returns args with the value of a "Field" argument replaced by
// the field's translated name (key field.<name>), or left as sent when the
// catalogue has no name for it.
func fieldNames(l *i18n.Localizer, args []any) []any {
	out := append([]any{}, args...)
	for i := 0; i+1 < len(out); i += 2 {
		if name, ok := out[i+1].(string); ok && out[i] == "Field" {
			if t := l.T("field." + name); t != "field."+name {
				out[i+1] = t
			}
		}
	}
	return out
}
