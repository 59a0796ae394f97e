package names

import "bytes"

// class returns the key class of the letter at w[i] and how many further
// letters it consumes: 'V' for a vowel, or a consonant letter of the key
// (x for sh, c for ch, K for x read as ks).
func class(w []byte, i int) (byte, int) {
	c := w[i]
	next, next2 := at(w, i+1), at(w, i+2)
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return 'V', 0
	case 'j':
		if jIsY(w, i) {
			return 'V', 0
		}
		return 'j', 0
	case 'z':
		if next == 'h' {
			return 'j', 1
		}
	case 's':
		if next == 'h' {
			if next2 == 'c' && at(w, i+3) == 'h' {
				return 'x', 3
			}
			return 'x', 1
		}
	case 'c':
		switch next {
		case 'h':
			return 'c', 1
		case 'k':
			return 'k', 1
		case 'e', 'i', 'y':
			return 's', 0
		}
		return 'k', 0
	case 't':
		if next == 'c' && next2 == 'h' {
			return 'c', 2
		}
	case 'k':
		if next == 'h' {
			return 'h', 1
		}
	case 'g', 'q':
		if next == 'h' {
			return 'k', 1
		}
		return 'k', 0
	case 'p':
		if next == 'h' {
			return 'f', 1
		}
	case 'x':
		return 'K', 0
	case 'w':
		if i > 0 && (w[i-1] == 'a' || w[i-1] == 'o') && !vowel(next) {
			return 'V', 0
		}
		return 'v', 0
	case 'h':
		if i > 0 && i+1 == len(w) && vowel(w[i-1]) {
			return 'V', 0
		}
	}
	return c, 0
}

// jIsY reports whether the j at w[i] stands for the y sound (Russian й,
// the iotated vowels ю я е) as German, Polish and Scandinavian spellings
// write it, rather than for zh as Kazakh 2021 Latin does.
func jIsY(w []byte, i int) bool {
	if i == 0 {
		for _, stem := range jStems {
			if bytes.HasPrefix(w, []byte(stem)) {
				return true
			}
		}
		return false
	}
	prev := w[i-1]
	return (vowel(prev) && prev != 'u' || prev == 'l') && (i+1 == len(w) || vowel(w[i+1]))
}

// jStems are the beginnings of Russian names that older romanisations
// write with a j for the y sound.
var jStems = [...]string{"juli", "julj", "juri", "jura", "jel", "jev", "jeg", "jek", "jako", "jaro", "jefi", "jem"}

// vowel reports whether the Latin letter c is a vowel.
func vowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// at returns w[i], or 0 past the end.
func at(w []byte, i int) byte {
	if i < len(w) {
		return w[i]
	}
	return 0
}
