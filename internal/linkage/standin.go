package linkage

import (
	"strings"
	"unicode"

	"github.com/jolproject/jol/internal/text"
	"golang.org/x/text/unicode/norm"
)

// Stand-ins for the functions of the names package, used until it lands.

var cyrLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ы': "y", 'э': "e", 'ю': "iu", 'я': "ia", 'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o",
	'ұ': "u", 'ү': "u", 'һ': "h", 'і': "i",
	'ا': "a", 'آ': "a", 'ب': "b", 'پ': "p", 'ت': "t", 'ث': "s", 'ج': "j", 'چ': "ch", 'ح': "h",
	'خ': "kh", 'د': "d", 'ذ': "z", 'ر': "r", 'ز': "z", 'ژ': "zh", 'س': "s", 'ش': "sh", 'ص': "s",
	'ض': "z", 'ط': "t", 'ظ': "z", 'ع': "", 'غ': "gh", 'ف': "f", 'ق': "gh", 'ک': "k", 'ك': "k",
	'گ': "g", 'ل': "l", 'م': "m", 'ن': "n", 'و': "v", 'ه': "h", 'ی': "i", 'ي': "i",
}

func fold(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

func latin(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(fold(s)) {
		switch {
		case r >= 'a' && r <= 'z' || r == ' ':
			b.WriteRune(r)
		case cyrLatin[r] != "":
			b.WriteString(cyrLatin[r])
		}
	}
	return b.String()
}

func key(s string) string { return text.Key(s) }

func surname(s string) string {
	l := latin(s)
	for _, suf := range []string{"ova", "eva", "ov", "ev", "ina", "in", "uly", "kyzy"} {
		if len(l) > len(suf)+2 && strings.HasSuffix(l, suf) {
			return l[:len(l)-len(suf)]
		}
	}
	return l
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, text.NormalizeDigits(s))
}
