package kit

import (
	"net/http"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
)

// Form carries what a user typed back into a form with translated errors
// beside the fields, so a rejected submission loses nothing.
type Form struct {
	Values    map[string]string
	FieldErrs map[string]string // each field's message, translated
	Order     []string          // the fields in page order, for the error summary
	Summary   string            // an error not tied to one field
}

// FieldMsg is one error message and the id of its field ("" for none).
type FieldMsg struct{ ID, Text string }

// NewForm reads fields from a posted form, trimmed; r may be nil for an
// empty form.
func NewForm(r *http.Request, fields ...string) *Form {
	f := &Form{Values: map[string]string{}, FieldErrs: map[string]string{}, Order: fields}
	if r != nil {
		for _, k := range fields {
			f.Values[k] = strings.TrimSpace(r.PostFormValue(k))
		}
	}
	return f
}

// Has reports whether field has an error.
func (f *Form) Has(field string) bool { _, ok := f.FieldErrs[field]; return ok }

// Err returns the error of field for the "fielderror" template, or nil.
func (f *Form) Err(field string) *FieldMsg {
	if t, ok := f.FieldErrs[field]; ok {
		return &FieldMsg{ID: field, Text: t}
	}
	return nil
}

// Errors lists every error for the summary at the top of the form: the
// one not tied to a field first, then the fields in page order, each with
// the id of its input so the summary can link to it.
func (f *Form) Errors() []FieldMsg {
	var out []FieldMsg
	if f.Summary != "" {
		out = append(out, FieldMsg{Text: f.Summary})
	}
	seen := map[string]bool{}
	for _, k := range f.Order {
		if t, ok := f.FieldErrs[k]; ok && !seen[k] {
			seen[k] = true
			out = append(out, FieldMsg{ID: k, Text: t})
		}
	}
	rest := make([]string, 0, len(f.FieldErrs))
	for k := range f.FieldErrs {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	for _, k := range rest {
		out = append(out, FieldMsg{ID: k, Text: f.FieldErrs[k]})
	}
	return out
}

// Fail puts an error message of key beside field.
func (f *Form) Fail(l *i18n.Localizer, field, key string, args ...any) {
	f.FieldErrs[field] = l.T(key, args...)
}

// Absorb puts a domain error into the form: field errors beside their
// fields, anything else as the summary. It returns false for errors that
// are not the user's to fix, which the caller passes on.
func (f *Form) Absorb(l *i18n.Localizer, err error) bool {
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
		f.FieldErrs[fe.Field] = l.T(fe.Key, args...)
	}
	if len(e.Fields) == 0 {
		f.Summary = l.T(e.Key, e.Args...)
	}
	return true
}

// AbsorbInput is Absorb for a form about a record: a record not found or
// forbidden is no mistake in the form, so it passes on to the error page
// (false) instead of standing as the form's summary.
func (f *Form) AbsorbInput(l *i18n.Localizer, err error) bool {
	if e := errs.As(err); e != nil && (e.Code == errs.NotFound || e.Code == errs.Forbidden) {
		return false
	}
	return f.Absorb(l, err)
}

// Move puts the error of field from beside field to instead.
func (f *Form) Move(from, to string) {
	if msg, ok := f.FieldErrs[from]; ok {
		delete(f.FieldErrs, from)
		f.FieldErrs[to] = msg
	}
}
