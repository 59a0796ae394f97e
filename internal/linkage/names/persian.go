package names

import "unicode/utf8"

// Persian in Arabic script writes consonants and the long vowels (ا ā, و
// u/v, ی i/y) but not the short vowels a, e, o. The letters' Latin values
// are the ones Iranians use when they write their names in Latin: the
// Arabic letters that Persian pronounces alike read alike (ث ص as s, ذ ض ظ
// as z, ط as t, ح as h, غ and ق as gh), as described in "Persian alphabet",
// Wikipedia (DIN 31635 column and the Persian pronunciation of each
// letter). و is v at the start of a word, after alef, or before alef or a
// final ی (Javad, Mousavi), and u elsewhere; ی is y at the start of a word
// or before alef or و, and i elsewhere; ه at the end of a word after a
// consonant is the vowel e, written "eh" (Fatemeh). ع carries no Latin
// letter next to a long vowel and is "a" elsewhere (Jafar, Abbas).
//
// Names not in commonPersian therefore lack their short vowels (فرامرز is
// "framrz"); Key drops vowels anyway, and the comparators of the linkage
// engine see a skeleton that still scores well against the full spelling.

// appendPersian appends the Latin reading of run, a folded word (or part
// of a word) of Persian/Arabic letters.
func appendPersian(dst, run []byte) []byte {
	if l, ok := commonPersian[string(run)]; ok {
		return append(dst, l...)
	}
	// A compound of two known names written without a space (محمدرضا).
	for i := 2; i < len(run)-2; i++ {
		if !utf8.RuneStart(run[i]) {
			continue
		}
		if a, ok := commonPersian[string(run[:i])]; ok {
			if b, ok := commonPersian[string(run[i:])]; ok {
				return append(append(dst, a...), b...)
			}
		}
	}
	var buf [32]rune
	rs := buf[:0]
	for _, r := range string(run) {
		rs = append(rs, r)
	}
	for i, r := range rs {
		var prev, next rune
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		dst = appendPersianLetter(dst, r, prev, next, i, len(rs))
	}
	return dst
}

// appendPersianLetter appends the reading of the letter r at position i
// of an n-letter word between prev and next (0 at the word's ends).
func appendPersianLetter(dst []byte, r, prev, next rune, i, n int) []byte {
	switch r {
	case 'ا', 'أ', 'إ', 'ٱ', 'آ':
		return append(dst, 'a')
	case 'ء', 'ئ':
		return dst
	case 'ؤ':
		return append(dst, 'u')
	case 'ع':
		if longVowel(prev) || longVowel(next) {
			return dst
		}
		return append(dst, 'a')
	case 'و':
		if i == 0 || prev == 'ا' || prev == 'آ' || next == 'ا' || next == 'ی' && i+2 == n {
			return append(dst, 'v')
		}
		return append(dst, 'u')
	case 'ی':
		if i == 0 || next == 'ا' || next == 'و' {
			return append(dst, 'y')
		}
		return append(dst, 'i')
	case 'ه', 'ھ':
		if i+1 == n && n > 1 {
			if prev == 'ا' || prev == 'و' {
				return append(dst, 'h')
			}
			return append(dst, "eh"...)
		}
		return appendH(dst)
	case 'ح':
		return appendH(dst)
	case 'ة', 'ۀ', 'ە':
		return append(dst, "eh"...)
	}
	if r-0x600 >= 0 && r-0x600 < rune(len(arabicConsonants)) {
		return append(dst, arabicConsonants[r-0x600]...)
	}
	return dst
}

// appendH appends an h that is a consonant of its own. After z, s, k, g,
// c or p it would be read as part of a digraph (زهرا is z-h-r-a, not
// zh-r-a), so a vowel goes between, as the Latin spelling has one (Zahra).
func appendH(dst []byte) []byte {
	if n := len(dst); n > 0 {
		switch dst[n-1] {
		case 'z', 's', 'k', 'g', 'c', 'p':
			dst = append(dst, 'a')
		}
	}
	return append(dst, 'h')
}

// longVowel reports whether r is one of the letters that write long vowels.
func longVowel(r rune) bool {
	return r == 'ا' || r == 'آ' || r == 'و' || r == 'ی'
}

// arabicConsonants maps the consonant letters of U+0600–U+06FF.
var arabicConsonants = [0x100]string{
	'ب' - 0x600: "b", 'پ' - 0x600: "p", 'ت' - 0x600: "t", 'ث' - 0x600: "s",
	'ج' - 0x600: "j", 'چ' - 0x600: "ch", 'خ' - 0x600: "kh", 'د' - 0x600: "d",
	'ذ' - 0x600: "z", 'ر' - 0x600: "r", 'ز' - 0x600: "z", 'ژ' - 0x600: "zh",
	'س' - 0x600: "s", 'ش' - 0x600: "sh", 'ص' - 0x600: "s", 'ض' - 0x600: "z",
	'ط' - 0x600: "t", 'ظ' - 0x600: "z", 'غ' - 0x600: "gh", 'ف' - 0x600: "f",
	'ق' - 0x600: "gh", 'ک' - 0x600: "k", 'گ' - 0x600: "g", 'ل' - 0x600: "l",
	'م' - 0x600: "m", 'ن' - 0x600: "n", 'ڤ' - 0x600: "v", 'ڨ' - 0x600: "g",
	'ڭ' - 0x600: "ng", 'ۋ' - 0x600: "v", 'ۆ' - 0x600: "o", 'ێ' - 0x600: "e",
	'ڕ' - 0x600: "r", 'ڵ' - 0x600: "l",
}
