package tabular

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// textEncoding is the detected encoding of a CSV file.
type textEncoding struct {
	name string
	dec  encoding.Encoding // nil for UTF-8
	skip int64             // length of the byte order mark
}

// minScore is the share of words with non-ASCII letters that must read as
// plausible words of the code page's script for a legacy code page to be
// accepted.
const minScore = 0.8

// detectEncoding decides the encoding from the first bytes of a file; whole
// tells that the sample is the whole file.
//
// A byte order mark decides first (UTF-8, UTF-16 LE or BE). Otherwise a
// sample that is valid UTF-8 is UTF-8. Otherwise the sample is decoded as
// Windows-1251 and as Windows-1256, and each word holding a non-ASCII letter
// is judged: plausible when all its letters are of the code page's script
// (Cyrillic, resp. Arabic) and, for Cyrillic, its case runs lower, Capital or
// UPPER, never lower-then-upper. Cyrillic text read as 1256 mixes Latin and
// Arabic letters, Persian text read as 1251 mixes cases, so the right code
// page scores near 1 and the wrong one far below; the better one wins (1251
// on a tie) if it reaches minScore, else the file fails with ErrEncoding.
func detectEncoding(sample []byte, whole bool) (textEncoding, error) {
	switch {
	case bytes.HasPrefix(sample, []byte{0xEF, 0xBB, 0xBF}):
		return textEncoding{name: "utf-8-bom", skip: 3}, nil
	case bytes.HasPrefix(sample, []byte{0xFF, 0xFE}):
		return textEncoding{"utf-16le", xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), 2}, nil
	case bytes.HasPrefix(sample, []byte{0xFE, 0xFF}):
		return textEncoding{"utf-16be", xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), 2}, nil
	case bytes.IndexByte(sample, 0) >= 0:
		return textEncoding{}, failEncoding()
	case validUTF8(sample, whole):
		return textEncoding{name: "utf-8"}, nil
	}
	cyr, cyrTotal := scriptScore(charmap.Windows1251, sample, unicode.Cyrillic, true)
	ara, araTotal := scriptScore(charmap.Windows1256, sample, unicode.Arabic, false)
	switch {
	case cyrTotal > 0 && cyr >= ara && cyr >= minScore:
		return textEncoding{name: "windows-1251", dec: charmap.Windows1251}, nil
	case araTotal > 0 && ara > cyr && ara >= minScore:
		return textEncoding{name: "windows-1256", dec: charmap.Windows1256}, nil
	}
	return textEncoding{}, failEncoding()
}

// scriptScore decodes sample with enc and returns the share of plausible
// words among the total of words that hold a non-ASCII character.
func scriptScore(enc encoding.Encoding, sample []byte, script *unicode.RangeTable, cased bool) (float64, int) {
	text, _, _ := transform.Bytes(enc.NewDecoder(), sample)
	good, total := 0, 0
	for _, word := range bytes.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && r != utf8.RuneError
	}) {
		if !bytes.ContainsFunc(word, func(r rune) bool { return r >= utf8.RuneSelf }) {
			continue
		}
		total++
		if plausible(string(word), script, cased) {
			good++
		}
	}
	if total == 0 {
		return 0, 0
	}
	return float64(good) / float64(total), total
}

// plausible reports whether word is written in script, with a sane case.
func plausible(word string, script *unicode.RangeTable, cased bool) bool {
	letters, prevLower := 0, false
	for _, r := range word {
		if unicode.IsMark(r) {
			continue
		}
		if r == utf8.RuneError || !unicode.Is(script, r) {
			return false
		}
		if cased && prevLower && unicode.IsUpper(r) {
			return false
		}
		letters++
		prevLower = unicode.IsLower(r)
	}
	return letters > 0
}
