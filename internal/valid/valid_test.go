package valid

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/errs"
)

func TestChecks(t *testing.T) {
	for _, c := range []struct {
		name string
		fs   []errs.FieldError
		key  string // "" for no error
	}{
		{"line ok", Line(nil, "f", "  Алия  ", 4), ""},
		{"line too long", Line(nil, "f", "abcde", 4), "error.too_long"},
		{"line break", Line(nil, "f", "a\nb", 10), "error.invalid"},
		{"note lines", Note(nil, "f", "first\r\nsecond\tthird"), ""},
		{"note control", Note(nil, "f", "bell\a"), "error.invalid"},
		{"note too long", Note(nil, "f", strings.Repeat("я", MaxNote+1)), "error.too_long"},
		{"required blank", Required(nil, "f", " \t"), "error.required"},
		{"name blank", Name(nil, "f", "", 10), "error.required"},
		{"name too long", Name(nil, "f", "abcdefghijk", 10), "error.too_long"},
		{"name ok", Name(nil, "f", "Jol", 10), ""},
	} {
		switch {
		case c.key == "" && len(c.fs) != 0:
			t.Errorf("%s: %v, want none", c.name, c.fs)
		case c.key != "" && (len(c.fs) != 1 || c.fs[0].Key != c.key || c.fs[0].Field != "f"):
			t.Errorf("%s: %v, want one %s on f", c.name, c.fs, c.key)
		}
	}
}

// A value not among the choices is answered with the choices, as sent,
// leaving out the empty one that stands for "none".
func TestChoiceNamesTheChoices(t *testing.T) {
	f := Choice("country", "KZ", "IR", "")
	if f.Field != "country" || f.Key != "error.invalid_choice_of" || fmt.Sprint(f.Args) != "[Choices KZ, IR]" {
		t.Fatalf("%+v", f)
	}
}
