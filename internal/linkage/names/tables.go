package names

import "golang.org/x/text/unicode/norm"

// cyrillic holds the Latin reading of lower-case Cyrillic letters
// (U+0400–U+04FF). Russian letters follow ICAO Doc 9303 Part 3, "Machine
// Readable Travel Documents, Specifications common to all MRTDs", section
// 6 (transliteration of Cyrillic characters). Kazakh letters follow the
// Kazakh Latin alphabet of January 2021 (ә ä, ғ ğ, қ q, ң ñ, ө ö, ұ ū, ү ü,
// һ h, і i) with its diacritics removed, and ң as "ng", the spelling of
// older romanisations (Shyngys) that ñ falls back to. A few letters of
// neighbouring languages (Tajik, Uzbek, Ukrainian) are included as the same
// table reads them.
var cyrillic = [0x100]string{
	'а' - 0x400: "a", 'б' - 0x400: "b", 'в' - 0x400: "v", 'г' - 0x400: "g",
	'д' - 0x400: "d", 'е' - 0x400: "e", 'ё' - 0x400: "e", 'ж' - 0x400: "zh",
	'з' - 0x400: "z", 'и' - 0x400: "i", 'й' - 0x400: "i", 'к' - 0x400: "k",
	'л' - 0x400: "l", 'м' - 0x400: "m", 'н' - 0x400: "n", 'о' - 0x400: "o",
	'п' - 0x400: "p", 'р' - 0x400: "r", 'с' - 0x400: "s", 'т' - 0x400: "t",
	'у' - 0x400: "u", 'ф' - 0x400: "f", 'х' - 0x400: "kh", 'ц' - 0x400: "ts",
	'ч' - 0x400: "ch", 'ш' - 0x400: "sh", 'щ' - 0x400: "shch", 'ъ' - 0x400: "ie",
	'ы' - 0x400: "y", 'ь' - 0x400: "", 'э' - 0x400: "e", 'ю' - 0x400: "iu",
	'я' - 0x400: "ia",
	// Kazakh.
	'ә' - 0x400: "a", 'ғ' - 0x400: "g", 'қ' - 0x400: "q", 'ң' - 0x400: "ng",
	'ө' - 0x400: "o", 'ұ' - 0x400: "u", 'ү' - 0x400: "u", 'һ' - 0x400: "h",
	'і' - 0x400: "i",
	// Neighbours: Tajik, Uzbek, Kyrgyz, Tatar, Ukrainian, Belarusian.
	'ҳ' - 0x400: "h", 'ҷ' - 0x400: "j", 'ӣ' - 0x400: "i", 'ӯ' - 0x400: "u",
	'ў' - 0x400: "u", 'җ' - 0x400: "zh", 'ї' - 0x400: "i", 'є' - 0x400: "ie",
	'ґ' - 0x400: "g", 'ј' - 0x400: "j", 'ѐ' - 0x400: "e", 'ѝ' - 0x400: "i",
	'ӊ' - 0x400: "ng", 'ҙ' - 0x400: "z", 'ҫ' - 0x400: "s", 'ӗ' - 0x400: "e",
	'ӑ' - 0x400: "a", 'ӓ' - 0x400: "a", 'ӧ' - 0x400: "o", 'ӱ' - 0x400: "u",
	'ӹ' - 0x400: "y", 'ӛ' - 0x400: "a", 'ӟ' - 0x400: "dz", 'ӝ' - 0x400: "zh",
}

// latinExt holds the reading of the Latin letters U+00C0–U+024F after
// Fold (lower case, precomposed): the base letter of its canonical
// decomposition, or a digraph for the letters that stand for one sound
// written with two letters elsewhere.
var latinExt = buildLatinExt()

// latinDigraphs are the letters read as more than their base letter.
var latinDigraphs = map[rune]string{
	'ş': "sh", 'š': "sh", 'ș': "sh", 'ç': "ch", 'č': "ch", 'ć': "ch",
	'ž': "zh", 'ñ': "ng", 'ń': "ng", 'ß': "ss", 'æ': "ae", 'œ': "oe",
	'þ': "th", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'ı': "i",
	'ħ': "h", 'ŧ': "t", 'ƶ': "z", 'ǥ': "g", 'ɨ': "i", 'ǵ': "g",
}

func buildLatinExt() [0x250 - 0xc0]string {
	var t [0x250 - 0xc0]string
	for r := rune(0xc0); r < 0x250; r++ {
		if d, ok := latinDigraphs[r]; ok {
			t[r-0xc0] = d
			continue
		}
		var b [8]byte
		n := copy(b[:], string(r))
		d := norm.NFD.Bytes(b[:n])
		if c := d[0] | 0x20; c >= 'a' && c <= 'z' {
			t[r-0xc0] = string(c)
		}
	}
	return t
}
