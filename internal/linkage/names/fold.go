package names

import (
	"strings"
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
	b := appendFold(buf[:0], s, false)
	if string(b) == s {
		return s
	}
	return string(b)
}

// AppendFold appends Fold(s) to dst and returns the extended slice, for
// callers that fold many names into one buffer.
func AppendFold(dst []byte, s string) []byte { return appendFold(dst, s, false) }

// appendFold appends the folded s to dst. Every character Fold writes is
// in NFKC on its own and is not a combining mark, so the result is in NFKC
// unless removing a joiner brought together Hangul jamo that compose; that
// rare result is folded once more. With zwnjSpace, a zero-width
// non-joiner separates words instead of vanishing.
func appendFold(dst []byte, s string, zwnjSpace bool) []byte {
	start := len(dst)
	if !isASCII(s) && !quickNormal(s) {
		// Normalisation stops at bytes that are not UTF-8; make them
		// spaces first, as foldRune would.
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, " ")
		}
		if !norm.NFKC.IsNormalString(s) {
			s = norm.NFKC.String(s)
		}
	}
	dst, dropped := foldRunes(dst, s, zwnjSpace)
	if dropped && hasJamo(dst[start:]) {
		again := norm.NFKC.String(string(dst[start:]))
		dst, _ = foldRunes(dst[:start], again, zwnjSpace)
	}
	return dst
}

// foldRunes appends the runes of s mapped by foldRune, with runs of
// separators as one space and none at either end. It reports whether a
// non-ASCII character was dropped.
func foldRunes(dst []byte, s string, zwnjSpace bool) ([]byte, bool) {
	start := len(dst)
	space, dropped := false, false
	for _, r := range s {
		m := foldRune(r)
		if r == zwnj && zwnjSpace {
			m = ' '
		}
		switch m {
		case drop:
			dropped = dropped || r >= utf8.RuneSelf
			continue
		case ' ':
			space = len(dst) > start
			continue
		default:
			r = m
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
	return dst, dropped
}

// hasJamo reports whether b holds a Hangul jamo or syllable, the only
// letters that compose under NFKC without a combining mark between them.
func hasJamo(b []byte) bool {
	for _, r := range string(b) {
		if r >= 0x1100 && r < 0x1200 || r >= 0xa960 && r < 0xa980 || r >= 0xac00 && r < 0xd800 {
			return true
		}
	}
	return false
}

// drop is what foldRune returns for a character that Fold removes.
const drop = -1

// zwnj is the ZERO WIDTH NON-JOINER, which Persian writes between the
// parts of a compound word (محمد‌رضا) and after a word-final ه before a
// suffix.
const zwnj = '\u200c'

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
	if f, ok := foldFast(r); ok {
		return f
	}
	return foldRuneSlow(r)
}

// foldRuneSlow is foldRune for a non-ASCII character by the Unicode tables.
func foldRuneSlow(r rune) rune {
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
