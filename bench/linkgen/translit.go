package main

import (
	"strings"
	"unicode"
)

// style is a way of writing Kazakh or Russian Cyrillic in Latin letters.
type style uint8

// The romanisations in use in Kazakhstan's lists.
const (
	// latin2021 is the Kazakh Latin alphabet of 2021: ä, ğ, ı (for і),
	// ñ, ö, q, ş, ū, ü, with j for ж and y for ы.
	latin2021 style = iota
	// latin2018 is the Kazakh Latin alphabet of 2018 with acute accents:
	// á, ǵ, ı, ń, ó, ú, ý (for у), sh and ch.
	latin2018
	// passportKZ is Kazakhstan's passports: capitals, Kazakh letters
	// folded to the nearest Latin, YE at the start of a word, YU, YA, and
	// SS for с between vowels (ASSEL, YESSENOV).
	passportKZ
	// icao is ICAO Doc 9303 as Russian passports use it since 2013:
	// ж zh, х kh, ц ts, щ shch, ю iu, я ia, й i, ъ ie.
	icao
	// bgn is the older BGN/PCGN style: ye at the start of a word and after
	// a vowel, yo, yu, ya, y for й, and for Kazakh gh, q, ng, ä, ö, ü.
	bgn
	// informal is how people type it themselves: j or zh, h or kh, ju or
	// yu, chosen per record by the bits of informal options.
	informal
	nStyles
)

// Bits of the options of the informal style.
const (
	optJ  = 1 << iota // ж as j, not zh
	optH              // х as h, not kh
	optJU             // ю, я, ё as ju, ja, jo
	optC              // ц as c
	optYI             // й as y
)

var base = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "ie", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "iu", 'я': "ia",
	'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h", 'і': "i",
}

var overrides = [nStyles]map[rune]string{
	latin2021: {'ә': "ä", 'ғ': "ğ", 'ж': "j", 'і': "ı", 'қ': "q", 'ң': "ñ", 'ө': "ö", 'ұ': "ū", 'ү': "ü",
		'х': "h", 'ш': "ş", 'щ': "şş", 'ъ': "", 'ю': "iu", 'я': "ia", 'ё': "io"},
	latin2018: {'ә': "á", 'ғ': "ǵ", 'ж': "j", 'і': "ı", 'қ': "q", 'ң': "ń", 'ө': "ó", 'ү': "ú", 'у': "ý",
		'х': "h", 'щ': "sh", 'ъ': "", 'ю': "iý", 'я': "ia", 'ё': "io"},
	passportKZ: {'ю': "yu", 'я': "ya", 'ё': "yo", 'ъ': ""},
	icao:       {},
	bgn:        {'ё': "yo", 'й': "y", 'ю': "yu", 'я': "ya", 'ъ': "", 'ғ': "gh", 'қ': "q", 'ң': "ng", 'ә': "ä", 'ө': "ö", 'ү': "ü"},
	informal:   {'ъ': "", 'ё': "yo", 'ю': "yu", 'я': "ya", 'щ': "sch"},
}

// isVowel reports whether a lower-case Cyrillic letter is a vowel.
func isVowel(r rune) bool { return strings.ContainsRune("аәеёиоөуұүыіэюя", r) }

// romanize writes Cyrillic s in Latin letters in style st (opts for the
// informal style), keeping spaces and hyphens; its letters are lower
// case, to be cased by the caller.
func romanize(s string, st style, opts uint8) string {
	var b strings.Builder
	rs := []rune(strings.ToLower(s))
	for i, r := range rs {
		prev := rune(' ')
		if i > 0 {
			prev = rs[i-1]
		}
		start := !unicode.IsLetter(prev)
		next := rune(' ')
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r == 'е' && st == passportKZ && start,
			r == 'е' && st == bgn && (start || isVowel(prev) || prev == 'ь' || prev == 'ъ'):
			b.WriteString("ye")
			continue
		case r == 'с' && st == passportKZ && isVowel(prev) && isVowel(next):
			b.WriteString("ss")
			continue
		case st == informal:
			if t, ok := informalLetter(r, opts); ok {
				b.WriteString(t)
				continue
			}
		}
		if t, ok := overrides[st][r]; ok {
			b.WriteString(t)
		} else if t, ok := base[r]; ok {
			b.WriteString(t)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// informalLetter is the informal style's choice for r, if opts make one.
func informalLetter(r rune, opts uint8) (string, bool) {
	switch {
	case r == 'ж' && opts&optJ != 0:
		return "j", true
	case (r == 'х' || r == 'һ') && opts&optH != 0:
		return "h", true
	case r == 'ю' && opts&optJU != 0:
		return "ju", true
	case r == 'я' && opts&optJU != 0:
		return "ja", true
	case r == 'ё' && opts&optJU != 0:
		return "jo", true
	case r == 'ц' && opts&optC != 0:
		return "c", true
	case r == 'й' && opts&optYI != 0:
		return "y", true
	}
	return "", false
}

// russianised writes Kazakh Cyrillic with Russian letters only, as lists
// typed on a Russian keyboard do: Нұрсұлтан → Нурсултан.
func russianised(s string) string {
	return strings.Map(func(r rune) rune {
		if t, ok := russianLetter[r]; ok {
			return t
		}
		return r
	}, s)
}

var russianLetter = map[rune]rune{
	'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и',
	'Ә': 'А', 'Ғ': 'Г', 'Қ': 'К', 'Ң': 'Н', 'Ө': 'О', 'Ұ': 'У', 'Ү': 'У', 'Һ': 'Х', 'І': 'И',
}

// titleCase capitalises the first letter of every word (after a space or a
// hyphen) and lower-cases the rest.
func titleCase(s string) string {
	rs := []rune(strings.ToLower(s))
	for i, r := range rs {
		if i == 0 || rs[i-1] == ' ' || rs[i-1] == '-' {
			rs[i] = unicode.ToUpper(r)
		}
	}
	return string(rs)
}
