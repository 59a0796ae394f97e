package kit

import (
	"errors"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
)

// TestAbsorbInputKeepsTheUsersMistakesOnly: a refused value goes beside
// its field and a conflict into the summary; a record not found or
// forbidden, and a failure of the server, pass on to the error page.
func TestAbsorbInputKeepsTheUsersMistakesOnly(t *testing.T) {
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	l := cat.Localizer(i18n.EN)
	cases := []struct {
		name          string
		err           error
		kept          bool
		field, report bool // whether the field "name" or the summary says something
	}{
		{"a refused value", errs.Validation(errs.Field("name", "error.required")), true, true, false},
		{"a conflict", errs.New(errs.Conflict, "error.conflict"), true, false, true},
		{"not found", errs.ErrNotFound, false, false, false},
		{"not found, wrapped", errs.Wrap(errors.New("no row"), errs.NotFound, "error.not_found"), false, false, false},
		{"forbidden", errs.New(errs.Forbidden, "error.forbidden"), false, false, false},
		{"internal", errs.New(errs.Internal, "error.internal"), false, false, false},
		{"not a domain error", errors.New("disk full"), false, false, false},
	}
	for _, c := range cases {
		f := NewForm(nil, "name")
		if got := f.AbsorbInput(l, c.err); got != c.kept {
			t.Errorf("%s: AbsorbInput = %v, want %v", c.name, got, c.kept)
		}
		if f.Has("name") != c.field || (f.Summary != "") != c.report {
			t.Errorf("%s: field errors %v, summary %q", c.name, f.FieldErrs, f.Summary)
		}
	}
}
