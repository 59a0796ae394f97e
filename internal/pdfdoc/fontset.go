package pdfdoc

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
)

// fpdf takes a TrueType font as bytes and, for every file it writes,
// parses all of it and cuts from it the subset it embeds. For DejaVu
// Sans, some 6,000 glyphs a face, that was most of the cost of a one-page
// letter, and fpdf offers no way to hand over a font it parsed before. So
// the Renderer cuts, once, copies of each face holding only the
// characters of the scripts Jol writes, and gives fpdf those: it parses
// and cuts a fifth to a quarter of the glyphs. A file is drawn with the
// copy for its first document's script; if it draws a character outside
// it, with the copy of all Jol's scripts; if again, with the whole faces
// (Georgian, say, or a mathematical sign). Shaping and measuring always
// use the whole faces; a cut face keeps each glyph's outline and advance
// as it was.

// The characters the cut faces keep, where the fonts have them: every
// copy keeps baseChars, and adds the Cyrillic or the Arabic script or
// both.
var (
	baseChars = []unicode.Range16{
		// Latin with Latin-1 and Extended-A and -B, IPA, modifier
		// letters, combining diacritics, Greek (Σ, µ).
		{Lo: 0x0020, Hi: 0x03FF, Stride: 1},
		// Punctuation (dashes, quotes, narrow no-break space, ZWNJ, the
		// bidi marks), super- and subscripts, currency signs (₸),
		// letterlike symbols (№).
		{Lo: 0x2000, Hi: 0x214F, Stride: 1},
		{Lo: 0xFFFD, Hi: 0xFFFD, Stride: 1}, // the stand-in for a missing character
	}
	// Cyrillic and its supplement: every Kazakh letter.
	cyrillicChars = []unicode.Range16{{Lo: 0x0400, Hi: 0x052F, Stride: 1}}
	// Arabic with the Persian letters and digits, and the presentation
	// forms A and B the joined letters are drawn as.
	arabicChars = []unicode.Range16{
		{Lo: 0x0600, Hi: 0x06FF, Stride: 1},
		{Lo: 0xFB50, Hi: 0xFDFF, Stride: 1},
		{Lo: 0xFE70, Hi: 0xFEFF, Stride: 1},
	}
)

// chars is a table of the ranges of parts.
func chars(parts ...[]unicode.Range16) *unicode.RangeTable {
	var rs []unicode.Range16
	for _, p := range parts {
		rs = append(rs, p...)
	}
	slices.SortFunc(rs, func(a, b unicode.Range16) int { return cmp.Compare(a.Lo, b.Lo) })
	return &unicode.RangeTable{R16: rs}
}

// A fontSet is the pair of faces as fpdf gets them: TrueType bytes for
// the regular and the bold face, and the characters they keep.
type fontSet struct {
	regular, bold []byte
	// chars are the characters a cut copy keeps; nil for the whole
	// faces, which hold every character the shaper hands to fpdf.
	chars *unicode.RangeTable
}

// fullSet is the faces as they are embedded in the binary.
func fullSet(regular, bold *face) fontSet {
	return fontSet{regular: regular.ttf, bold: bold.ttf}
}

// cutSet cuts the faces down to the characters of t.
func cutSet(regular, bold *face, t *unicode.RangeTable) (fontSet, error) {
	r, err := cut(regular, t)
	if err != nil {
		return fontSet{}, err
	}
	b, err := cut(bold, t)
	if err != nil {
		return fontSet{}, err
	}
	return fontSet{regular: r, bold: b, chars: t}, nil
}

// fontsFor lists the font sets to draw a file with, whose first document
// is doc, the one with the fewest glyphs first.
func (r *Renderer) fontsFor(doc Document) []*fontSet {
	first := &r.cyrillic
	if doc.Lang.Dir() == "rtl" { // Persian, in the Arabic script
		first = &r.arabic
	}
	return []*fontSet{first, &r.common, &r.full}
}

// cut returns a copy of fc's font holding only the characters of t
// that it has.
func cut(fc *face, t *unicode.RangeTable) ([]byte, error) {
	var chars strings.Builder
	for _, rg := range t.R16 {
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
	if fs.chars == nil {
		return true
	}
	for _, r := range s {
		if !unicode.Is(fs.chars, r) {
			return false
		}
	}
	return true
}
