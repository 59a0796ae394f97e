package geo_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/jolproject/jol/internal/geo"
)

// Every builtin division is named in all five languages (Persian in
// Arabic script, Kazakh in Cyrillic), so no page falls back to the
// English name.
func TestReferenceNamesEveryDivisionInEachLanguage(t *testing.T) {
	rows, err := geo.Reference()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2+20+31 {
		t.Fatalf("%d builtin regions", len(rows))
	}
	for _, r := range rows {
		for loc, name := range map[string]string{"en": r.NameEN, "kk": r.NameKK, "ru": r.NameRU, "fr": r.NameFR, "fa": r.NameFA} {
			if name == "" {
				t.Errorf("%s has no %s name", r.Code, loc)
			}
		}
		if strings.IndexFunc(r.NameKK, func(c rune) bool { return c < 0x80 && unicode.IsLetter(c) }) >= 0 {
			t.Errorf("%s: Latin letters in the Kazakh name %q", r.Code, r.NameKK)
		}
		if strings.IndexFunc(r.NameFA, func(c rune) bool { return c < 0x80 && unicode.IsLetter(c) }) >= 0 {
			t.Errorf("%s: Latin letters in the Persian name %q", r.Code, r.NameFA)
		}
	}
}
