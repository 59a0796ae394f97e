package text

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key returns a search key for a name, so that spellings of one name in
// Kazakh or Russian Cyrillic, Persian and Latin collide: Жақыпов, Jaqypov
// and Zhakupov are all "jkpv"; محمدی, Mohammadi and Muhammadi are all
// "mxmda". The key is a consonant skeleton built by these rules:
//
//  1. Words are runs of letters. Apostrophes, combining marks, tatweel,
//     the soft and hard signs ь ъ and invisible format characters inside a
//     word are ignored; the Persian zero-width non-joiner (علی‌اکبر),
//     spaces, hyphens, digits and punctuation separate words. The words'
//     keys are joined by a space.
//  2. Letters are lower-cased and read as Latin: Cyrillic (Russian, Kazakh
//     and their neighbours) and Persian or Arabic letters by table (Arabic
//     ي ى ك as Persian ی ک), other letters without their diacritics (Latin
//     x is kh, as in Uzbek). Then consonants fold: sh, shch, ş,
//     š, ш, щ, ش → "sh"; ch, ç, č, ч, چ → "ch"; zh, j, ж, ج, ژ → j; h, kh,
//     x, х, һ, ح, خ, ه → x; g, gh, q, k, hard c, қ, ғ, ق, غ, ک, گ → k;
//     ph → f; th → t; soft c (before e, i, y) → s; ц → ts; ß → ss; the
//     Persian letters that sound alike fold too (ث ص → s, ذ ض ظ → z, ط → t).
//  3. Vowels are a e i o u y, the Cyrillic vowels, й, and ا آ ع ی ئ ء.
//     W and و are v at the start of a word or before a vowel, vowels
//     otherwise (Mousavi, موسوی → msva); h and ه ending a word are vowels
//     (Fatemeh, فاطمه, Fateme → ftma).
//  4. Persian leaves short vowels unwritten, so vowels are dropped, except
//     that a word starting with a vowel (or y: Ётов, Yotov, Otov) starts
//     with "a" and a word ending in a vowel after a consonant ends with
//     "a". The ending keeps feminine forms apart: Ахметов "axmtv",
//     Ахметова "axmtva"; and Mohammad "mxmd" from Mohammadi "mxmda".
//  5. Equal consonants next to each other in the key collapse, also
//     across a dropped vowel (Mohammad, Mohamad; Babak, بابک → bk); d
//     before j is dropped (Dzhamal, Джамал, Жамал → jml) and so is ch
//     after sh.
//
// The key trades precision for recall and is meant to find candidates for
// a person to confirm: Али, Алия and علی share "ala"; Hossein and Hasan
// share "xsn". Key(Key(s)) == Key(s) and Key(Clean(s)) == Key(s). For
// names without combining marks Key allocates only its result.
func Key(s string) string {
	var buf [64]byte
	return string(appendKey(buf[:0], s))
}

// NameKey returns the keys of a person's last name, first name and
// patronymic (Key of each) joined by a space, leaving out empty ones.
func NameKey(last, first, patronymic string) string {
	var buf [96]byte
	b := buf[:0]
	for _, part := range [...]string{last, first, patronymic} {
		n := len(b)
		if n > 0 {
			b = append(b, ' ')
		}
		if k := appendKey(b, part); len(k) > len(b) {
			b = k
		} else {
			b = b[:n]
		}
	}
	return string(b)
}

// appendKey appends the key of s to dst. Composition only matters for
// letters followed by combining marks, so s is brought to NFC only when a
// mark shows up, and most names are read once without normalising.
func appendKey(dst []byte, s string) []byte {
	if k, ok := appendWords(dst, s, false); ok {
		return k
	}
	k, _ := appendWords(dst, norm.NFC.String(s), true)
	return k
}

// appendWords appends the keys of the words of s to dst. Unless nfc is
// set, it stops at the first combining mark and reports false.
func appendWords(dst []byte, s string, nfc bool) ([]byte, bool) {
	start := len(dst)
	var buf [48]rune
	word := buf[:0]
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z'):
			word = append(word, r|0x20)
			continue
		case r >= cyrillicBase && r < arabicBase+0x100 && fast(r) != "":
			word = appendEntry(word, fast(r))
			continue
		case r == zwnjRune:
		case !nfc && r >= utf8.RuneSelf && unicode.IsMark(r):
			return dst[:start], false
		case ignored(r):
			continue
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			word = letter(word, r)
			continue
		}
		dst, word = flushWord(dst, start, word), word[:0]
	}
	return flushWord(dst, start, word), true
}

// ignored reports whether r is skipped inside a word.
func ignored(r rune) bool {
	switch r {
	case '\'', '`', '’', 'ʼ', 'ʻ', '\u0640':
		return true
	}
	return r >= utf8.RuneSelf && (unicode.IsMark(r) || unicode.Is(unicode.Cf, r))
}

// flushWord appends the key of the word's letters to dst, after a space
// when dst already holds a word of this key (beyond start).
func flushWord(dst []byte, start int, word []rune) []byte {
	if len(word) == 0 {
		return dst
	}
	if len(dst) > start {
		dst = append(dst, ' ')
	}
	return skeleton(dst, latin(word))
}

// fast returns the table entry of a Cyrillic or Arabic-script letter,
// lower-casing the Russian capitals without a table search.
func fast(r rune) string {
	switch {
	case r >= 'А' && r <= 'Я':
		r += 'а' - 'А'
	case r >= 'Ѐ' && r <= 'Џ':
		r += 'ѐ' - 'Ѐ'
	}
	return lookup(r)
}
