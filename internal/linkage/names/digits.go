package names

import (
	"unicode"
	"unicode/utf8"
)

// Digits returns the decimal digits of s, in any script (ASCII, Persian
// ۰–۹, Arabic-Indic ٠–٩, Devanagari and every other Unicode decimal digit),
// as ASCII digits, dropping everything else: Digits("۱۴۰۲/۰۵-10") is
// "14020510". It is meant for identity numbers typed with spaces, dashes or
// on a Persian keyboard.
func Digits(s string) string {
	var buf [32]byte
	b := AppendDigits(buf[:0], s)
	if string(b) == s {
		return s
	}
	return string(b)
}

// AppendDigits appends Digits(s) to dst and returns the extended slice.
func AppendDigits(dst []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			dst = append(dst, byte(r))
		case r >= utf8.RuneSelf:
			if d, ok := digitValue(r); ok {
				dst = append(dst, '0'+d)
			}
		}
	}
	return dst
}

// digitValue returns the value of a Unicode decimal digit (category Nd).
// Unicode encodes decimal digits in contiguous runs from zero to nine, and
// the ranges of unicode.Nd each start at a zero, so the value is the
// distance from the range's start modulo ten.
func digitValue(r rune) (byte, bool) {
	switch {
	case r >= '۰' && r <= '۹':
		return byte(r - '۰'), true
	case r >= '٠' && r <= '٩':
		return byte(r - '٠'), true
	case r < utf8.RuneSelf:
		if r >= '0' && r <= '9' {
			return byte(r - '0'), true
		}
		return 0, false
	}
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return byte((r - rune(rg.Lo)) % 10), true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return byte((r - rune(rg.Lo)) % 10), true
		}
	}
	return 0, false
}
