// Package i18n is Jol's translation and locale-formatting layer.
//
// It ships embedded message catalogues for five user-interface languages
// (Kazakh, Russian, English, French and Persian), chooses a language for a
// request (Negotiate), looks messages up with CLDR plural rules (Catalog,
// Localizer.T) and formats numbers and dates the way each language expects,
// including Persian digits and the Solar Hijri calendar for Persian.
//
// Messages live in locales/<locale>.json, one flat object per language whose
// keys are dotted lower-case identifiers such as "nav.home". A value is either
// a string or an object of CLDR plural categories ("one", "few", "many",
// "other", ...). Placeholders are Go template fields such as {{.Name}}.
package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// Locale identifies a user-interface language supported by Jol. Its value is
// the lower-case ISO 639-1 code, so it can be used directly as an HTML lang
// attribute or stored in a cookie or user record.
type Locale string

// The supported locales.
const (
	// KK is Kazakh, written in Cyrillic script.
	KK Locale = "kk"
	// RU is Russian.
	RU Locale = "ru"
	// EN is English; it is also the language of last resort.
	EN Locale = "en"
	// FR is French.
	FR Locale = "fr"
	// FA is Persian (Farsi), written right to left.
	FA Locale = "fa"
)

// All returns every supported locale in a stable display order:
// kk, ru, en, fr, fa. The caller owns the returned slice.
func All() []Locale {
	return []Locale{KK, RU, EN, FR, FA}
}

// Parse maps a language tag or code to a supported Locale. It ignores case,
// surrounding spaces and any region or script part, so "fa-IR", "RU",
// "en_US" and "kk-Cyrl-KZ" are all accepted; three-letter ISO 639 codes
// such as "rus" or "kaz" are accepted too. It reports false for anything
// else, including the empty string.
func Parse(s string) (Locale, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if l := Locale(s); l.Valid() {
		return l, true
	}
	if len(s) == 3 {
		if base, err := language.ParseBase(s); err == nil {
			if l := Locale(base.String()); l.Valid() {
				return l, true
			}
		}
	}
	return "", false
}

// Valid reports whether l is one of the supported locales.
func (l Locale) Valid() bool {
	switch l {
	case KK, RU, EN, FR, FA:
		return true
	}
	return false
}

// Dir returns the text direction for l: "rtl" for Persian and "ltr" for
// every other locale. It is meant for the HTML dir attribute.
func (l Locale) Dir() string {
	if l == FA {
		return "rtl"
	}
	return "ltr"
}

// NativeName returns the name of the language in that language, for use in a
// language switcher. For an unsupported locale it returns the code itself.
func (l Locale) NativeName() string {
	switch l {
	case KK:
		return "Қазақша"
	case RU:
		return "Русский"
	case EN:
		return "English"
	case FR:
		return "Français"
	case FA:
		return "فارسی"
	}
	return string(l)
}

// String returns the locale code.
func (l Locale) String() string {
	return string(l)
}
