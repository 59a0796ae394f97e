package pdfdoc

import (
	"fmt"
	"strings"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf takes a TrueType font as bytes and, for every file it writes,
// parses all of it and cuts from it the subset it embeds. For DejaVu
// Sans, some 6,000 glyphs a face, that was most of the cost of a one-page
// letter, and fpdf offers no way to hand over a font it parsed before. So
// the Renderer cuts, once, a copy of each face holding only the
// characters of the scripts Jol writes (commonChars), and gives fpdf
// those: it parses and cuts a third of the glyphs. A file that draws a
// character outside them (Georgian, say, or a mathematical sign) is drawn
// again with the whole faces. Shaping and measuring always use the whole
// faces; a cut face keeps each glyph's outline and advance as it was.

// commonChars are the characters the cut faces keep, where the fonts have
// them.
var commonChars = &unicode.RangeTable{R16: []unicode.Range16{
	// Latin with Latin-1 and Extended-A and -B, IPA, modifier letters,
	// combining diacritics, Greek (Σ, µ).
	{Lo: 0x0020, Hi: 0x03FF, Stride: 1},
	{Lo: 0x0400, Hi: 0x052F, Stride: 1}, // Cyrillic and its supplement: every Kazakh letter
	{Lo: 0x0600, Hi: 0x06FF, Stride: 1}, // Arabic, with the Persian letters and digits
	// Punctuation (dashes, quotes, narrow no-break space, ZWNJ, the bidi
	// marks), super- and subscripts, currency signs (₸), letterlike
	// symbols (№).
	{Lo: 0x2000, Hi: 0x214F, Stride: 1},
	{Lo: 0xFB50, Hi: 0xFDFF, Stride: 1}, // Arabic presentation forms A
	{Lo: 0xFE70, Hi: 0xFEFF, Stride: 1}, // Arabic presentation forms B
	{Lo: 0xFFFD, Hi: 0xFFFD, Stride: 1}, // the stand-in for a missing character
}}

// A fontSet is the pair of faces as fpdf gets them: TrueType bytes for
// the regular and the bold face, and which characters they can draw.
type fontSet struct {
	regular, bold []byte
	// limited means the faces hold only commonChars; otherwise they hold
	// every character the shaper can hand to fpdf.
	limited bool
}

// fullSet is the faces as they are embedded in the binary.
func fullSet(regular, bold *face) fontSet {
	return fontSet{regular: regular.ttf, bold: bold.ttf}
}

// commonSet cuts the faces down to commonChars.
func commonSet(regular, bold *face) (fontSet, error) {
	r, err := cut(regular)
	if err != nil {
		return fontSet{}, err
	}
	b, err := cut(bold)
	if err != nil {
		return fontSet{}, err
	}
	return fontSet{regular: r, bold: b, limited: true}, nil
}

// cut returns a copy of fc's font holding only the characters of
// commonChars that it has.
func cut(fc *face) ([]byte, error) {
	var chars strings.Builder
	for _, rg := range commonChars.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r++ {
			if _, ok := fc.font.NominalGlyph(r); ok {
				chars.WriteRune(r)
			}
		}
	}
	ttf := fpdf.UTF8CutFont(fc.ttf, chars.String())
	if len(ttf) == 0 {
		return nil, fmt.Errorf("pdfdoc: cutting font %q down failed", fc.style)
	}
	return ttf, nil
}

// draws reports whether the set's faces can draw every character of s.
func (fs *fontSet) draws(s string) bool {
	if !fs.limited {
		return true
	}
	for _, r := range s {
		if !unicode.Is(commonChars, r) {
			return false
		}
	}
	return true
}
