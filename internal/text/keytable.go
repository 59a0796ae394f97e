package text

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Letter classes used between reading letters and writing a key: V is a
// vowel, W a w or و, H an h or ه, S the sh sound and C the ch sound; other
// classes are the consonant letters written in the key. Table entries are
// strings of classes or of Latin letters still to be read by latin; "_"
// marks a letter that is skipped.
const (
	cyrillicBase = 0x400
	arabicBase   = 0x600
	asciiLetters = "abcdefghijklmnopqrstuvwxyz"
)

// cyrillic maps lower-case Cyrillic letters (U+0400-U+04FF).
var cyrillic = [0x100]string{
	'а' - cyrillicBase: "V", 'б' - cyrillicBase: "b", 'в' - cyrillicBase: "v",
	'г' - cyrillicBase: "k", 'д' - cyrillicBase: "d", 'е' - cyrillicBase: "V",
	'ж' - cyrillicBase: "j", 'з' - cyrillicBase: "z", 'и' - cyrillicBase: "V",
	'й' - cyrillicBase: "V", 'к' - cyrillicBase: "k", 'л' - cyrillicBase: "l",
	'м' - cyrillicBase: "m", 'н' - cyrillicBase: "n", 'о' - cyrillicBase: "V",
	'п' - cyrillicBase: "p", 'р' - cyrillicBase: "r", 'с' - cyrillicBase: "s",
	'т' - cyrillicBase: "t", 'у' - cyrillicBase: "V", 'ф' - cyrillicBase: "f",
	'х' - cyrillicBase: "x", 'ц' - cyrillicBase: "ts", 'ч' - cyrillicBase: "C",
	'ш' - cyrillicBase: "S", 'щ' - cyrillicBase: "S", 'ъ' - cyrillicBase: "_",
	'ы' - cyrillicBase: "V", 'ь' - cyrillicBase: "_", 'э' - cyrillicBase: "V",
	'ю' - cyrillicBase: "V", 'я' - cyrillicBase: "V", 'ё' - cyrillicBase: "V",
	// Kazakh, Kyrgyz, Tajik, Uzbek, Tatar, Ukrainian, Serbian.
	'ә' - cyrillicBase: "V", 'ғ' - cyrillicBase: "k", 'қ' - cyrillicBase: "k",
	'ң' - cyrillicBase: "n", 'ө' - cyrillicBase: "V", 'ұ' - cyrillicBase: "V",
	'ү' - cyrillicBase: "V", 'һ' - cyrillicBase: "x", 'і' - cyrillicBase: "V",
	'ҳ' - cyrillicBase: "x", 'ҷ' - cyrillicBase: "j", 'ӣ' - cyrillicBase: "V",
	'ӯ' - cyrillicBase: "V", 'ў' - cyrillicBase: "V", 'җ' - cyrillicBase: "j",
	'ї' - cyrillicBase: "V", 'є' - cyrillicBase: "V", 'ґ' - cyrillicBase: "k",
	'ј' - cyrillicBase: "V", 'џ' - cyrillicBase: "j", 'ђ' - cyrillicBase: "j",
	'ћ' - cyrillicBase: "C", 'љ' - cyrillicBase: "l", 'њ' - cyrillicBase: "n",
}

// arabic maps Persian and Arabic letters (U+0600-U+06FF).
var arabic = [0x100]string{
	'ء' - arabicBase: "V", 'آ' - arabicBase: "V", 'أ' - arabicBase: "V",
	'ؤ' - arabicBase: "W", 'إ' - arabicBase: "V", 'ئ' - arabicBase: "V",
	'ا' - arabicBase: "V", 'ٱ' - arabicBase: "V", 'ب' - arabicBase: "b",
	'پ' - arabicBase: "p", 'ت' - arabicBase: "t", 'ث' - arabicBase: "s",
	'ج' - arabicBase: "j", 'چ' - arabicBase: "C", 'ح' - arabicBase: "x",
	'خ' - arabicBase: "x", 'د' - arabicBase: "d", 'ذ' - arabicBase: "z",
	'ر' - arabicBase: "r", 'ز' - arabicBase: "z", 'ژ' - arabicBase: "j",
	'س' - arabicBase: "s", 'ش' - arabicBase: "S", 'ص' - arabicBase: "s",
	'ض' - arabicBase: "z", 'ط' - arabicBase: "t", 'ظ' - arabicBase: "z",
	'ع' - arabicBase: "V", 'غ' - arabicBase: "k", 'ف' - arabicBase: "f",
	'ق' - arabicBase: "k", 'ك' - arabicBase: "k", 'ک' - arabicBase: "k",
	'گ' - arabicBase: "k", 'ل' - arabicBase: "l", 'م' - arabicBase: "m",
	'ن' - arabicBase: "n", 'و' - arabicBase: "W", 'ه' - arabicBase: "H",
	'ة' - arabicBase: "H", 'ۀ' - arabicBase: "H", 'ھ' - arabicBase: "H",
	'ہ' - arabicBase: "H", 'ی' - arabicBase: "V", 'ي' - arabicBase: "V",
	'ى' - arabicBase: "V", 'ے' - arabicBase: "V", 'ە' - arabicBase: "V",
	// Kurdish letters met in Iranian names.
	'ۆ' - arabicBase: "V", 'ێ' - arabicBase: "V", 'ڕ' - arabicBase: "r",
	'ڵ' - arabicBase: "l", 'ڤ' - arabicBase: "v",
}

// lookup returns the table entry of lower-case letter r, or "".
func lookup(r rune) string {
	switch {
	case r >= 'a' && r <= 'z':
		return asciiLetters[r-'a' : r-'a'+1]
	case r >= cyrillicBase && r < cyrillicBase+0x100:
		return cyrillic[r-cyrillicBase]
	case r >= arabicBase && r < arabicBase+0x100:
		return arabic[r-arabicBase]
	}
	switch r {
	case 'ş', 'ș', 'š':
		return "sh"
	case 'ç', 'č':
		return "ch"
	case 'ž':
		return "zh"
	case 'ı':
		return "i"
	case 'ə':
		return "a"
	case 'ø':
		return "o"
	case 'ł':
		return "l"
	case 'đ', 'ð':
		return "d"
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ŋ':
		return "ng"
	case 'þ':
		return "th"
	}
	return ""
}

// letter appends the classes of letter r to word: by table, else by the
// letters of its compatibility decomposition (é → e, ﻋ → ع, ﬁ → fi,
// ŉ → n), else the letter itself, lower-cased.
func letter(word []rune, r rune) []rune {
	r = unicode.ToLower(r)
	if e := lookup(r); e != "" {
		return appendEntry(word, e)
	}
	var b [utf8.UTFMax]byte
	d := norm.NFKD.Properties(b[:utf8.EncodeRune(b[:], r)]).Decomposition()
	if d == nil {
		return append(word, r)
	}
	for _, c := range string(d) {
		c = unicode.ToLower(c)
		if e := lookup(c); e != "" {
			word = appendEntry(word, e)
		} else if unicode.IsLetter(c) && !ignored(c) {
			word = append(word, c)
		}
	}
	return word
}

// appendEntry appends the classes or letters of a table entry.
func appendEntry(word []rune, e string) []rune {
	if e == "_" {
		return word
	}
	for i := 0; i < len(e); i++ {
		word = append(word, rune(e[i]))
	}
	return word
}
