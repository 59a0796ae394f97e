// Package text holds the checks and foldings every domain package applies
// to what people type: names of organisations, places, installations and,
// later, of children and families. Printable and Clean decide what is
// stored; Key and NameKey build search keys; ParseDate reads dates and
// ParseDecimal numbers with a fraction.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Printable reports whether s is valid UTF-8 without control characters
// (C0 controls and DEL), the condition for a name stored and shown as typed.
func Printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}

// NormalizeDigits replaces Persian (۰-۹, U+06F0-U+06F9) and Arabic-Indic
// (٠-٩, U+0660-U+0669) digits with ASCII digits and leaves every other
// character alone. It does not allocate when there is nothing to replace.
func NormalizeDigits(s string) string {
	return strings.Map(asciiDigit, s)
}

// asciiDigit maps one Persian or Arabic-Indic digit to its ASCII digit.
func asciiDigit(r rune) rune {
	switch {
	case r >= '۰' && r <= '۹':
		return '0' + r - '۰'
	case r >= '٠' && r <= '٩':
		return '0' + r - '٠'
	}
	return r
}

// Clean returns s as it should be stored: in Unicode NFC, trimmed, with
// each run of white space (including no-break spaces, tabs and line
// breaks) collapsed to one space. Arabic yeh (ي) and alef maksura (ى)
// become Persian yeh (ی) and Arabic kaf (ك) becomes Persian keheh (ک), so
// a name typed on an Arabic keyboard equals the Persian one; tatweel (ـ,
// a stretching stroke) and invisible marks that carry nothing in a name
// (zero-width space, word joiner, byte order mark, soft hyphen,
// directional marks and embeddings) are removed. The zero-width non-joiner
// (U+200C) is meaningful in Persian (می‌رود, علی‌اکبر) and is kept where
// it stands between two letters; repeated ones and ones beside a space or
// at either end are dropped. Clean does not change digits or letter case.
func Clean(s string) string {
	s = norm.NFC.String(s)
	b := make([]byte, 0, len(s))
	space, zwnj := false, false // a space or ZWNJ is pending
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space, zwnj = len(b) > 0, false
			continue
		case r == zwnjRune:
			zwnj = len(b) > 0 && !space
			continue
		case invisible(r):
			continue
		case r == 'ي' || r == 'ى':
			r = 'ی'
		case r == 'ك':
			r = 'ک'
		}
		if space {
			b = append(b, ' ')
		} else if zwnj {
			b = utf8.AppendRune(b, zwnjRune)
		}
		space, zwnj = false, false
		b = utf8.AppendRune(b, r)
	}
	if string(b) == s {
		return s
	}
	// Removing a mark can bring a letter and a combining mark together.
	return norm.NFC.String(string(b))
}

// zwnjRune is ZERO WIDTH NON-JOINER.
const zwnjRune = '\u200c'

// invisible reports whether Clean removes r: tatweel and format
// characters with no meaning in a name.
func invisible(r rune) bool {
	switch r {
	case '\u0640', // ARABIC TATWEEL
		'\u00ad',                     // SOFT HYPHEN
		'\u200b', '\u2060', '\ufeff', // zero-width space, word joiner, BOM
		'\u200e', '\u200f', '\u061c': // LRM, RLM, ARABIC LETTER MARK
		return true
	}
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}
