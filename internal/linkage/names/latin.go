package names

import (
	"unicode/utf8"
)

// Latin returns Fold(s) transliterated to lower-case ASCII letters, words
// separated by single spaces; characters that have no Latin reading
// (digits, letters of other scripts) are left out.
//
//   - Cyrillic follows the passport table of ICAO Doc 9303 Part 3 (Ж zh,
//     Х kh, Ц ts, Ч ch, Ш sh, Щ shch, Ы y, Ъ ie, Ю iu, Я ia, Й i, Е Ё Э e;
//     Ь is dropped), and the Kazakh letters are read as the 2021 Kazakh
//     Latin alphabet writes them without diacritics (Ә a, Ғ g, Қ q, Ң ng,
//     Ө o, Ұ u, Ү u, Һ h, І i).
//   - Latin letters lose their diacritics, except those that stand for a
//     digraph: ş š sh, ç č ch, ž zh, ñ ŋ ng, ß ss, æ ae, œ oe, þ th, and the
//     schwa ə a. Kazakh 2021 Latin (ä ğ ı ñ ö ş ū ü) thus reads as the
//     Cyrillic does: Jaqyp and Жақып are both "jaqyp"/"zhaqyp" under Key.
//   - Persian and Arabic script: the commonest given names and family names
//     are read from a table of their usual spelling (محمد mohammad, حسین
//     hossein); other words letter by letter, where only the long vowels
//     that the script writes (ا و ی, and ه at the end) become vowels, so
//     فرامرز is "framrz". See persian.go.
//
// Latin(Latin(s)) == Latin(s).
func Latin(s string) string {
	var buf [128]byte
	return string(AppendLatin(buf[:0], s))
}

// AppendLatin appends Latin(s) to dst and returns the extended slice.
func AppendLatin(dst []byte, s string) []byte {
	var fb [128]byte
	return appendLatinFolded(dst, appendFold(fb[:0], s))
}

// appendLatinFolded transliterates folded text word by word. Each maximal
// run of Persian/Arabic letters in a word is read as a whole, because its
// letters' readings depend on their neighbours.
func appendLatinFolded(dst, f []byte) []byte {
	start := len(dst)
	for i := 0; i < len(f); {
		if f[i] == ' ' {
			if len(dst) > start && dst[len(dst)-1] != ' ' {
				dst = append(dst, ' ')
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(f[i:])
		if isArabic(r) {
			j := i + n
			for j < len(f) {
				r2, n2 := utf8.DecodeRune(f[j:])
				if !isArabic(r2) {
					break
				}
				j += n2
			}
			dst = appendPersian(dst, f[i:j])
			i = j
			continue
		}
		dst = appendLatinRune(dst, r)
		i += n
	}
	for len(dst) > start && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// appendLatinRune appends the Latin reading of one folded non-Arabic rune.
func appendLatinRune(dst []byte, r rune) []byte {
	switch {
	case r >= 'a' && r <= 'z':
		return append(dst, byte(r))
	case r < utf8.RuneSelf:
		return dst // digits
	case r >= 0x400 && r < 0x500:
		return append(dst, cyrillic[r-0x400]...)
	case r >= 0xc0 && r < 0x250:
		return append(dst, latinExt[r-0xc0]...)
	}
	switch r {
	case 'ə':
		return append(dst, 'a')
	case 'ŋ':
		return append(dst, "ng"...)
	case 'ẓ', 'ẕ':
		return append(dst, 'z')
	case 'ṣ':
		return append(dst, 's')
	case 'ḥ', 'ḫ':
		return append(dst, 'h')
	case 'ṭ':
		return append(dst, 't')
	case 'ḍ':
		return append(dst, 'd')
	}
	return dst
}

// isArabic reports whether r is in the Arabic block or its supplement,
// where Persian letters live.
func isArabic(r rune) bool {
	return r >= 0x600 && r < 0x700 || r >= 0x750 && r < 0x780
}
