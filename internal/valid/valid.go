// Package valid holds the checks of what people type that every domain
// makes the same way, each adding an errs.FieldError to a list so a form
// shows every problem at once:
//
//	fs = valid.Name(fs, "name", in.Name, MaxName)
//	fs = valid.Note(fs, "notes", in.Notes)
//	return errs.Validation(fs...)
package valid

import (
	"strings"
	"unicode/utf8"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
)

// MaxNote bounds a free text (notes, a recommendation), in characters.
const MaxNote = 2000

// Line checks a one-line value: printable (no line breaks or other
// control characters) and at most max characters once trimmed.
func Line(fs []errs.FieldError, field, v string, max int) []errs.FieldError {
	switch {
	case !text.Printable(v):
		return append(fs, errs.Field(field, "error.invalid", "Field", field))
	case utf8.RuneCountInString(strings.TrimSpace(v)) > max:
		return append(fs, errs.Field(field, "error.too_long", "Field", field, "Count", max))
	}
	return fs
}

// Note checks a free text that may run over several lines: line breaks
// and tabs are allowed, other control characters are not, and it holds at
// most MaxNote characters.
func Note(fs []errs.FieldError, field, v string) []errs.FieldError {
	if strings.ContainsAny(v, "\r\n\t") {
		v = strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(v)
	}
	return Line(fs, field, v, MaxNote)
}

// Required adds error.required when v is blank.
func Required(fs []errs.FieldError, field, v string) []errs.FieldError {
	if strings.TrimSpace(v) == "" {
		return append(fs, errs.Field(field, "error.required", "Field", field))
	}
	return fs
}

// Name checks a name that must be given: not blank, then as Line. A name
// gets one error, the first that applies.
func Name(fs []errs.FieldError, field, v string, max int) []errs.FieldError {
	if strings.TrimSpace(v) == "" {
		return Required(fs, field, v)
	}
	return Line(fs, field, v, max)
}

// Choice is the field error of a value that is not one of choices: the
// message names them as a client sends them, so that an API client (or a
// list imported by hand) learns what to send instead of only that
// something is wrong. A form offers the same values in a select.
func Choice[T ~string](field string, choices ...T) errs.FieldError {
	names := make([]string, 0, len(choices))
	for _, c := range choices {
		if c != "" {
			names = append(names, string(c))
		}
	}
	return errs.Field(field, "error.invalid_choice_of", "Choices", strings.Join(names, ", "))
}
