package kit

import (
	"testing"

	"github.com/jolproject/jol/internal/i18n"
)

// TestNumberAndCountReadAnyDigits: both read ASCII and Persian digits and
// an empty field as 0; a word is an error beside its field, and Count
// refuses a number below zero too.
func TestNumberAndCountReadAnyDigits(t *testing.T) {
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	rq := &Request{L: cat.Localizer(i18n.EN)}
	cases := []struct {
		typed  string
		number int64
		count  int
		numErr bool // Number refuses it
		cntErr bool // Count refuses it
	}{
		{"", 0, 0, false, false},
		{"42", 42, 42, false, false},
		{"۱۲", 12, 12, false, false},
		{" 7 ", 7, 0, false, true}, // Number trims, Count does not
		{"-3", -3, 0, false, true},
		{"ten", 0, 0, true, true},
	}
	for _, c := range cases {
		f := NewForm(nil, "n")
		f.Values["n"] = c.typed
		if got := Number(rq, f, "n"); got != c.number || f.Has("n") != c.numErr {
			t.Errorf("Number(%q) = %d, error %v", c.typed, got, f.FieldErrs)
		}
		f = NewForm(nil, "n")
		f.Values["n"] = c.typed
		if got := Count(rq, f, "n"); got != c.count || f.Has("n") != c.cntErr {
			t.Errorf("Count(%q) = %d, error %v", c.typed, got, f.FieldErrs)
		}
	}
}
