// Package names folds people's names written in Cyrillic (Russian and
// Kazakh), Latin (with diacritics, Kazakh 2021 Latin, passport spellings)
// and Persian in Arabic script into forms that record linkage compares and
// blocks on. Fold normalises the text without changing its script, Latin
// transliterates it to plain a–z, Key reduces it to a coarse consonant
// skeleton on which spelling variants of one name meet, Surname undoes the
// male and female forms of family names, and Digits reads digits of any
// script. All functions are pure, safe for concurrent use, and allocate at
// most their result for names of ordinary length.
package names

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in Unicode NFKC, case-folded, with Arabic yeh and kaf
// (ي ى ك) as the Persian ones (ی ک), with joiners (ZWJ, ZWNJ), tatweel,
// directional and other format characters, combining marks (harakat,
// stray accents) and apostrophes removed, digits of any script as ASCII
// digits, and every other run of non-letters as one space, trimmed. Letters
// keep their script and precomposed accents: Fold("ЖАҚЫП-ов") is "жақып ов",
// Fold("Ahmed Şükür") is "ahmed şükür", Fold("عليّ") is "علی".
// Fold(Fold(s)) == Fold(s).
func Fold(s string) string {
	var buf [128]byte
	b := appendFold(buf[:0], s)
	if string(b) == s {
		return s
	}
	return string(b)
}

// AppendFold appends Fold(s) to dst and returns the extended slice, for
// callers that fold many names into one buffer.
func AppendFold(dst []byte, s string) []byte { return appendFold(dst, s) }

// appendFold appends the folded s to dst. Removing a joiner can bring
// together characters that NFKC composes, so the rare result that is not
// yet in NFKC is folded again until it is.
func appendFold(dst []byte, s string) []byte {
	start := len(dst)
	ascii := isASCII(s)
	if !ascii && !norm.NFKC.IsNormalString(s) {
		s = norm.NFKC.String(s)
	}
	dst = foldRunes(dst, s)
	for i := 0; i < 3 && !ascii && !norm.NFKC.IsNormal(dst[start:]); i++ {
		again := norm.NFKC.Bytes(dst[start:])
		dst = foldRunes(dst[:start], string(again))
	}
	return dst
}

// foldRunes appends the runes of s mapped by foldRune, with runs of
// separators as one space and none at either end.
func foldRunes(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for _, r := range s {
		switch r = foldRune(r); r {
		case drop:
			continue
		case ' ':
			space = len(dst) > start
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		if r < utf8.RuneSelf {
			dst = append(dst, byte(r))
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// drop is what foldRune returns for a character that Fold removes.
const drop = -1

// foldRune maps one character: a letter to its folded case, a digit to
// ASCII, a joiner, mark or apostrophe to drop, anything else to a space.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		switch {
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r == '\'' || r == '`':
			return drop
		}
		return ' '
	}
	switch r {
	case 'ي', 'ى':
		return 'ی'
	case 'ك':
		return 'ک'
	case '\u0640', // ARABIC TATWEEL, a stretching stroke
		'\u2019', '\u2018', '\u02bc', '\u02bb', '\u00b4': // apostrophes
		return drop
	case utf8.RuneError:
		return ' '
	}
	switch {
	case unicode.IsLetter(r):
		if unicode.Is(unicode.Lm, r) {
			return drop // modifier letters: ʼ ʻ ˮ and the like
		}
		// Upper then lower folds the letters whose lower case is not
		// unique, such as final sigma and the long s.
		return unicode.ToLower(unicode.ToUpper(r))
	case unicode.IsDigit(r):
		if d, ok := digitValue(r); ok {
			return rune('0' + d)
		}
		return ' '
	case unicode.IsMark(r), unicode.Is(unicode.Cf, r):
		return drop
	}
	return ' '
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
