package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
)

// form carries what a user typed back into a form with translated errors
// beside the fields, so a rejected submission loses nothing.
type form struct {
	Values  map[string]string
	errors  map[string]string
	order   []string // the fields in page order, for the error summary
	Summary string   // an error not tied to one field
}

type fieldMsg struct{ ID, Text string }

func newForm(r *http.Request, fields ...string) *form {
	f := &form{Values: map[string]string{}, errors: map[string]string{}, order: fields}
	if r != nil {
		for _, k := range fields {
			f.Values[k] = strings.TrimSpace(r.PostFormValue(k))
		}
	}
	return f
}

// Has reports whether field has an error.
func (f *form) Has(field string) bool { _, ok := f.errors[field]; return ok }

// Err returns the error of field for the "fielderror" template, or nil.
func (f *form) Err(field string) *fieldMsg {
	if t, ok := f.errors[field]; ok {
		return &fieldMsg{ID: field, Text: t}
	}
	return nil
}

// Errors lists every error for the summary at the top of the form: the
// one not tied to a field first, then the fields in page order, each with
// the id of its input so the summary can link to it.
func (f *form) Errors() []fieldMsg {
	var out []fieldMsg
	if f.Summary != "" {
		out = append(out, fieldMsg{Text: f.Summary})
	}
	seen := map[string]bool{}
	for _, k := range f.order {
		if t, ok := f.errors[k]; ok && !seen[k] {
			seen[k] = true
			out = append(out, fieldMsg{ID: k, Text: t})
		}
	}
	rest := make([]string, 0, len(f.errors))
	for k := range f.errors {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	for _, k := range rest {
		out = append(out, fieldMsg{ID: k, Text: f.errors[k]})
	}
	return out
}

// fail puts an error message of key beside field.
func (f *form) fail(l *i18n.Localizer, field, key string, args ...any) {
	f.errors[field] = l.T(key, args...)
}

// absorb puts a domain error into the form: field errors beside their
// fields, anything else as the summary. It returns false for errors that
// are not the user's to fix, which the caller passes on.
func (f *form) absorb(l *i18n.Localizer, err error) bool {
	e := errs.As(err)
	if e == nil || e.Code == errs.Internal {
		return false
	}
	for _, fe := range e.Fields {
		args := append([]any{}, fe.Args...)
		for i := 0; i+1 < len(args); i += 2 {
			// Field names in messages are shown translated.
			if args[i] == "Field" {
				if s, ok := args[i+1].(string); ok {
					args[i+1] = l.T("field." + s)
				}
			}
		}
		f.errors[fe.Field] = l.T(fe.Key, args...)
	}
	if len(e.Fields) == 0 {
		f.Summary = l.T(e.Key, e.Args...)
	}
	return true
}
