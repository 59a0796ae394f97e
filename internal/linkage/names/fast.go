package names

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Most names are Latin, Cyrillic or Persian, all below U+0700. For those
// characters foldRune and the NFKC check read tables computed once from
// the general Unicode tables, instead of searching those on every call.

// fastLimit is the first character not in the tables.
const fastLimit = 0x700

// foldTable holds foldRuneSlow of every character below fastLimit.
var foldTable = func() (t [fastLimit]rune) {
	for r := range rune(fastLimit) {
		if r >= utf8.RuneSelf {
			t[r] = foldRuneSlow(r)
		}
	}
	return t
}()

// stableTable marks the characters below fastLimit that are in NFKC on
// their own and never compose with the character before them.
var stableTable = func() (t [fastLimit]bool) {
	for r := range rune(fastLimit) {
		s := string(r)
		t[r] = norm.NFKC.IsNormalString(s) && norm.NFKC.PropertiesString(s).BoundaryBefore()
	}
	return t
}()

// foldFast returns foldRune(r) from foldTable, and false when r is beyond
// it.
func foldFast(r rune) (rune, bool) {
	if r < fastLimit {
		return foldTable[r], true
	}
	return 0, false
}

// quickNormal reports whether every character of s is in stableTable, so
// that s is in NFKC. False means "not known": s may be in NFKC all the same.
func quickNormal(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == zwnj { // a starter in NFKC, frequent in Persian
			i += n
			continue
		}
		if r >= fastLimit || !stableTable[r] {
			return false
		}
		i += n
	}
	return true
}
