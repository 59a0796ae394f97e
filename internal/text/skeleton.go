package text

import "unicode/utf8"

// latin reads the Latin letters of a word into classes, in place: digraphs
// (sh, shch, ch, kh, zh, gh, ph, th, ck) become one class, c becomes k, s
// or part of ch, g and q become k, and vowels, w and h become V, W and H.
// Classes that came from other scripts pass through unchanged.
func latin(t []rune) []rune {
	out := t[:0]
	for i := 0; i < len(t); i++ {
		c, next := t[i], rune(0)
		if i+1 < len(t) {
			next = t[i+1]
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			c = 'V'
		case 'w':
			c = 'W'
		case 'h':
			c = 'H'
		case 'q':
			c = 'k'
		case 'c':
			switch next {
			case 'h':
				c, i = 'C', i+1
			case 'e', 'i', 'y':
				c = 's'
			default:
				c = 'k'
			}
		case 's':
			if next == 'h' {
				c, i = 'S', i+1
				if i+2 < len(t) && t[i+1] == 'c' && t[i+2] == 'h' {
					i += 2
				}
			}
		case 'g', 'k', 'z', 'p', 't':
			if next == 'h' {
				c, i = digraphH(c), i+1
			} else if c == 'g' {
				c = 'k'
			}
		}
		out = append(out, c)
	}
	return out
}

// digraphH returns the class of gh, kh, zh, ph or th from its first letter.
func digraphH(c rune) rune {
	switch c {
	case 'g':
		return 'k'
	case 'k':
		return 'x'
	case 'z':
		return 'j'
	case 'p':
		return 'f'
	}
	return c // th
}

// skeleton appends the consonant skeleton of classified letters (rules 3
// to 5 of Key).
func skeleton(dst []byte, t []rune) []byte {
	var last, prev rune // the last two consonants written
	cons, endVowel := 0, false
	for i, c := range t {
		vowel := c == 'V'
		switch c {
		case 'W':
			vowel = i > 0 && (i+1 == len(t) || !vowelish(t[i+1], i+2 == len(t)))
			c = 'v'
		case 'H':
			vowel, c = i+1 == len(t), 'x'
		}
		if endVowel = vowel; vowel {
			if i == 0 {
				dst = append(dst, 'a')
			}
			continue
		}
		switch {
		case c == 'j' && last == 'd':
			dst, last = dst[:len(dst)-1], prev
		case c == 'C' && last == 'S':
			continue
		}
		if c == last {
			continue
		}
		switch c {
		case 'S':
			dst = append(dst, "sh"...)
		case 'C':
			dst = append(dst, "ch"...)
		default:
			dst = utf8.AppendRune(dst, c)
		}
		prev, last, cons = last, c, cons+1
	}
	if endVowel && cons > 0 {
		dst = append(dst, 'a')
	}
	return dst
}

// vowelish reports whether class c (the last of its word when final) is
// read as a vowel when deciding if a w or و before it is a consonant.
func vowelish(c rune, final bool) bool {
	return c == 'V' || c == 'W' || c == 'H' && final
}
