package pdfdoc

import (
	"slices"
	"strings"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// A segment is a piece of one line drawn in one face: its characters in
// visual (left-to-right) order, ready for fpdf, and its width in ems.
type segment struct {
	face  *face
	text  string
	width float64
	// fake is set when the text wanted bold but the bold face lacks its
	// script (Persian): it is drawn in the regular face, stroked.
	fake bool
}

// A line is one laid-out line of text, its segments left to right.
type line struct {
	segs  []segment
	width float64 // in ems
}

// features switches off kerning and the optional ligatures: fpdf places
// characters by their advance widths alone, so the shaper must measure
// them the same way. Arabic joining and lam-alef are required features
// and stay on.
var features = []shaping.FontFeature{
	{Tag: ot.MustNewTag("kern"), Value: 0},
	{Tag: ot.MustNewTag("liga"), Value: 0},
}

// shaper segments text by direction, script and face, shapes it with the
// HarfBuzz port of go-text, wraps it and orders the runs of every line
// visually. It keeps buffers, so one shaper serves one goroutine at a
// time; the Renderer pools them.
type shaper struct {
	regular, bold *face
	hb            shaping.HarfbuzzShaper
	seg           shaping.Segmenter
	wrapper       shaping.LineWrapper
	faces         map[*font.Font]*face
	goFaces       map[*face]*font.Face
	cache         *layoutCache // shared with the Renderer's other shapers
}

func newShaper(regular, bold *face, cache *layoutCache) *shaper {
	return &shaper{regular: regular, bold: bold, cache: cache,
		faces: map[*font.Font]*face{regular.font: regular, bold.font: bold},
		// A font.Face caches lookups, so each shaper has its own.
		goFaces: map[*face]*font.Face{regular: font.NewFace(regular.font), bold: font.NewFace(bold.font)},
	}
}

// fontmap picks the first face that has a glyph for a character.
type fontmap []*font.Face

func (m fontmap) ResolveFace(r rune) *font.Face {
	for _, f := range m {
		if _, ok := f.NominalGlyph(r); ok {
			return f
		}
	}
	return m[0]
}

// lines lays text out in lines of at most maxEm ems (no limit when
// maxEm <= 0). A newline in text starts a new line.
// The lines may come from the cache: they are not to be changed.
func (s *shaper) lines(text string, lang string, rtl, bold bool, maxEm float64) []line {
	k := layoutKey{text: text, lang: lang, rtl: rtl, bold: bold, maxEm: maxEm}
	if out, ok := s.cache.get(k); ok {
		return out
	}
	var out []line
	for para := range strings.SplitSeq(text, "\n") {
		out = append(out, s.paragraph([]rune(para), lang, rtl, bold, maxEm)...)
	}
	s.cache.put(k, out)
	return out
}

// oneLine lays text out on a single line, however long.
func (s *shaper) oneLine(text, lang string, rtl, bold bool) line {
	ls := s.lines(strings.ReplaceAll(text, "\n", " "), lang, rtl, bold, 0)
	if len(ls) == 0 {
		return line{}
	}
	return ls[0]
}

func (s *shaper) paragraph(text []rune, lang string, rtl, bold bool, maxEm float64) []line {
	if len(text) == 0 {
		return []line{{}}
	}
	s.drawable(text)
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	fm := fontmap{s.goFaces[s.regular]}
	if bold {
		fm = fontmap{s.goFaces[s.bold], s.goFaces[s.regular]}
	}
	upem := s.regular.upem
	in := shaping.Input{
		Text: text, RunStart: 0, RunEnd: len(text), Direction: dir,
		Size: fixed.I(int(upem)), Language: language.NewLanguage(lang), FontFeatures: features,
	}
	var runs []shaping.Output
	for _, part := range s.seg.Split(in, fm) {
		runs = append(runs, s.hb.Shape(part))
	}
	limit := fixed.Int26_6(1 << 30)
	if maxEm > 0 {
		limit = fixed.Int26_6(maxEm * upem * 64)
	}
	wrapped, _ := s.wrapper.WrapParagraphF(shaping.WrapConfig{Direction: dir}, limit, text, shaping.NewSliceIterator(runs))
	out := make([]line, 0, len(wrapped))
	for _, l := range wrapped {
		out = append(out, s.visual(text, l, bold))
	}
	return out
}

// drawable replaces, in place, what cannot be drawn before it is
// measured: a control character (a tab) by a space, a character the
// fonts lack (an emoji, a Chinese character) by U+FFFD.
func (s *shaper) drawable(text []rune) {
	for i, r := range text {
		switch {
		case unicode.IsControl(r):
			text[i] = ' '
		case unicode.Is(unicode.Cf, r):
			// Format characters (ZWNJ, bidi marks) stay: they steer
			// shaping and bidi even where nothing is drawn for them.
		case s.regular.drawable(r) == r, s.bold.drawable(r) == r:
		default:
			text[i] = s.regular.missing
		}
	}
}

// visual turns a wrapped line into segments in visual order.
func (s *shaper) visual(text []rune, l shaping.Line, bold bool) line {
	runs := slices.Clone(l)
	slices.SortFunc(runs, func(a, b shaping.Output) int { return int(a.VisualIndex - b.VisualIndex) })
	var out line
	for _, run := range runs {
		fc := s.faces[run.Face.Font]
		seg := segment{face: fc, text: glyphText(fc, text, run.Glyphs), fake: bold && fc != s.bold}
		seg.width = float64(run.Advance) / 64 / fc.upem
		out.width += seg.width
		out.segs = append(out.segs, seg)
	}
	return out
}

// glyphText maps shaped glyphs back to characters fpdf can draw: each
// glyph to the character the font maps to it (a presentation form for a
// joined Arabic letter), a glyph without one to its cluster's source
// characters, each replaced by U+FFFD if the font lacks it (an emoji, a
// Chinese character). A format character (ZWNJ, a bidi mark) is written as
// itself when the font draws it with no width, and left out otherwise, as
// is a trailing space the wrapper trimmed: fpdf would give them width.
func glyphText(fc *face, text []rune, glyphs []shaping.Glyph) string {
	var b strings.Builder
	for i, g := range glyphs {
		src := text[g.TextIndex()]
		if unicode.Is(unicode.Cf, src) {
			if fc.invisible[src] {
				b.WriteRune(src)
			}
			continue
		}
		if g.Advance == 0 && unicode.IsSpace(src) {
			continue
		}
		if r, ok := fc.runeOf[g.GlyphID]; ok && g.GlyphID != 0 {
			b.WriteRune(r)
			continue
		}
		if i > 0 && glyphs[i-1].TextIndex() == g.TextIndex() {
			continue
		}
		for _, r := range text[g.TextIndex() : g.TextIndex()+g.RunesCount()] {
			b.WriteRune(fc.drawable(r))
		}
	}
	return b.String()
}
