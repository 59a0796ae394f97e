package names

import "unicode/utf8"

// Most names are Cyrillic or Persian. foldFast and quickNormal answer for
// their letters without the general Unicode tables; a test compares them
// with the tables for every character.

// foldFast returns foldRune(r) for the Cyrillic and Arabic letters it
// knows, and false for any other character.
func foldFast(r rune) (rune, bool) {
	switch {
	case r >= 0x410 && r < 0x430: // А–Я
		return r + 0x20, true
	case r >= 0x430 && r < 0x450, r >= 0x450 && r < 0x460 && r != 0x45d:
		return r, true
	case r >= 0x400 && r < 0x410 && r != 0x40d:
		return r + 0x50, true
	case r >= 0x48a && r < 0x4c0, r >= 0x4d0 && r < 0x500:
		// Pairs with the capital first: Ғ ғ, Қ қ, Ң ң, Ұ ұ, Ү ү, Һ һ, Ә ә, Ө ө.
		return r | 1, true
	case r >= 0x621 && r < 0x63b, r >= 0x641 && r < 0x64b, r >= 0x671 && r < 0x675, r >= 0x679 && r < 0x6d4:
		switch r {
		case 'ي', 'ى':
			return 'ی', true
		case 'ك':
			return 'ک', true
		}
		return r, true
	case r >= 0x64b && r < 0x660, r == 0x670: // harakat
		return drop, true
	}
	return 0, false
}

// quickNormal reports whether every character of s is one that is in NFKC
// on its own and never composes with the character before it, so that s
// is in NFKC: ASCII, Latin-1 letters, Cyrillic and Persian letters and
// digits, and the zero-width non-joiner. False means "not known".
func quickNormal(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		if !quickNormalRune(r) {
			return false
		}
	}
	return true
}

// quickNormalRune is the per-character test of quickNormal.
func quickNormalRune(r rune) bool {
	switch {
	case r >= 0xc0 && r < 0x100,
		r >= 0x400 && r < 0x483, r >= 0x48a && r < 0x500,
		r >= 0x621 && r < 0x64b, r >= 0x660 && r < 0x66a,
		r >= 0x671 && r < 0x675, r >= 0x679 && r < 0x6d4,
		r >= 0x6f0 && r < 0x6fa,
		r == 0x200c:
		return true
	}
	return false
}
