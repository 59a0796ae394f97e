package pdfdoc

import (
	"bytes"
	_ "embed"
	"fmt"
	"unicode"

	"github.com/go-text/typesetting/font"
)

// The typefaces are DejaVu Sans regular and bold (see fonts/README.md).
// Regular covers Latin, Cyrillic with every Kazakh letter, and the Arabic
// script with the Persian letters and their presentation forms; bold has no
// Arabic script, so bold Persian falls back to the regular face drawn
// with a stroke (see drawRun).
var (
	//go:embed fonts/DejaVuSans.ttf
	regularTTF []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	boldTTF []byte
)

// The fpdf family every face is registered under; the style tells the
// faces apart.
const family = "dejavu"

// face is one typeface, parsed once: the go-text font the shaper reads,
// the bytes fpdf embeds, and the reverse of the font's character map.
type face struct {
	font  *font.Font
	ttf   []byte
	style string // fpdf style: "" or "B"
	upem  float64
	// runeOf maps a glyph back to a character the font maps to it, so a
	// shaped glyph (an Arabic joining form, lam-alef) can be handed to
	// fpdf, which draws characters, not glyphs. Where several characters
	// share a glyph the lowest wins: the base letter U+0628 rather than
	// its isolated presentation form U+FE8F, which copies and searches
	// better.
	runeOf map[font.GID]rune
	// invisible holds the format characters (ZWNJ, ZWJ, LRM, RLM) the font
	// maps to a glyph of no width: these can be drawn as they are, and
	// Persian words keep their ZWNJ in copied text.
	invisible map[rune]bool
	// missing stands for a character the font cannot draw.
	missing rune
}

func parseFace(ttf []byte, style string) (*face, error) {
	f, err := font.ParseTTF(bytes.NewReader(ttf))
	if err != nil {
		return nil, fmt.Errorf("parse font %q: %w", style, err)
	}
	fc := &face{font: f.Font, ttf: ttf, style: style, upem: float64(f.Upem()), runeOf: map[font.GID]rune{}, invisible: map[rune]bool{}}
	for it := f.Cmap.Iter(); it.Next(); {
		r, gid := it.Char()
		if r > 0xFFFF {
			continue // fpdf writes only the Basic Multilingual Plane
		}
		if old, ok := fc.runeOf[gid]; !ok || r < old {
			fc.runeOf[gid] = r
		}
		if unicode.Is(unicode.Cf, r) && f.HorizontalAdvance(gid) == 0 {
			fc.invisible[r] = true
		}
	}
	fc.missing = '?'
	if _, ok := f.NominalGlyph(unicode.ReplacementChar); ok {
		fc.missing = unicode.ReplacementChar
	}
	return fc, nil
}

// drawable returns r if fpdf can draw it in the face, and the face's
// stand-in for a missing character otherwise.
func (fc *face) drawable(r rune) rune {
	if _, ok := fc.font.NominalGlyph(r); ok && r <= 0xFFFF {
		return r
	}
	return fc.missing
}
