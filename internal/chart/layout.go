package chart

import (
	"strings"
	"unicode"

	"github.com/jolproject/jol/internal/i18n"
)

// Anchor is where a text stands against its point, on the page (not in
// reading order): its left end, its middle or its right end.
type Anchor int

// The anchors.
const (
	Left Anchor = iota
	Middle
	Right
)

// Rect is a bar, a bar's segment, a legend key or a target mark.
type Rect struct {
	X, Y, W, H float64
	Fill       string
	// Class is "bar", "key" or "target".
	Class string
	// Category and Series index the value drawn (-1 when none).
	Category, Series int
	Value            float64
	// Label is the bar's value in words, shown on hover.
	Label string
}

// Text is a label. Its point is on the baseline.
type Text struct {
	X, Y   float64
	S      string
	Anchor Anchor
	Size   float64
	Bold   bool
	// Class is "title", "category", "value", "tick", "legend" or "target".
	Class string
}

// Line is a grid line, an axis or a target line.
type Line struct {
	X1, Y1, X2, Y2 float64
	Stroke         string
	Dashed         bool
	Class          string
}

// Layout is a chart placed on a page of Width × Height units (CSS pixels
// in SVG, to be scaled by any other renderer), in drawing order: lines
// under rects under texts.
type Layout struct {
	Width, Height float64
	RTL           bool
	Lines         []Line
	Rects         []Rect
	Texts         []Text
}

// ScreenWidth is the width, in units, to lay a chart out in for a screen:
// drawn as wide as its column, up to a phone's width the units are about
// CSS pixels, so its labels stay legible on a phone 390 px wide.
const ScreenWidth = 360.0

// Geometry of every chart, in units.
const (
	pageWidth   = 640.0 // when the chart names no width: a page's
	narrowBelow = 480.0 // a chart narrower puts its bars' labels over them
	margin      = 8.0
	titleSize   = 15.0
	labelSize   = 12.0
	tickSize    = 11.0
	barH        = 16.0 // one horizontal bar
	bandGap     = 10.0 // between the bands of two categories
	axisH       = 20.0 // tick labels under a horizontal chart
	columnH     = 220.0
)

// palette are the series' colours (Okabe and Ito's colour-blind safe
// set); muted is the colour of a comparison series.
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"}

const (
	muted     = "#9AA0A6"
	gridColor = "#D9DDE1"
	inkColor  = "#1F2328"
	goalColor = "#B3261E"
)

// Layout places c for locale loc. In a right-to-left locale the layout is
// drawn left to right and then mirrored.
func (c *Chart) Layout(loc i18n.Locale) (*Layout, error) {
	if err := c.Check(); err != nil {
		return nil, err
	}
	l := &Layout{Width: c.Width}
	if l.Width <= 0 {
		l.Width = pageWidth
	}
	y := margin
	for _, line := range wrap(c.Title, l.Width-2*margin, titleSize) {
		y += titleSize + 2
		l.Texts = append(l.Texts, Text{X: margin, Y: y, S: line, Size: titleSize, Bold: true, Class: "title"})
	}
	if c.Title != "" {
		y += 10
	}
	if len(c.Series) > 1 {
		y = c.legend(l, y)
	}
	f := formatter{loc: loc, c: c}
	switch c.Kind {
	case Columns:
		c.columns(l, y, f)
	default:
		c.bars(l, y, f)
	}
	if loc.Dir() == "rtl" {
		l.mirror()
	}
	return l, nil
}

// legend lists the series' colours under the title, on as many lines as
// the width needs, and returns the height reached.
func (c *Chart) legend(l *Layout, y float64) float64 {
	x := margin
	for i, s := range c.Series {
		w := 16 + textWidth(s.Name, labelSize)
		if x > margin && x+w > l.Width-margin { // the next line
			x, y = margin, y+20
		}
		l.Rects = append(l.Rects, Rect{X: x, Y: y, W: 12, H: 12, Fill: c.color(i), Class: "key", Category: -1, Series: i})
		l.Texts = append(l.Texts, Text{X: x + 16, Y: y + 10, S: fit(s.Name, l.Width-2*margin-16, labelSize), Size: labelSize, Class: "legend"})
		x += w + 18
	}
	return y + 22
}

// color is the fill of series i.
func (c *Chart) color(i int) string {
	if c.Series[i].Muted {
		return muted
	}
	return palette[i%len(palette)]
}

// mirror turns a left-to-right layout into its right-to-left image.
func (l *Layout) mirror() {
	l.RTL = true
	for i := range l.Rects {
		r := &l.Rects[i]
		r.X = l.Width - r.X - r.W
	}
	for i := range l.Texts {
		t := &l.Texts[i]
		t.X = l.Width - t.X
		t.Anchor = Right - t.Anchor // Left ↔ Right, Middle stays
	}
	for i := range l.Lines {
		ln := &l.Lines[i]
		ln.X1, ln.X2 = l.Width-ln.X1, l.Width-ln.X2
	}
}

// textWidth estimates the width of s at size: there is no font to measure
// with, so each glyph is given a width by its kind, taken on the wide side
// of common sans-serif faces (DejaVu Sans, which is wider than most):
// spaces and punctuation narrow, capitals and Cyrillic letters wide.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += glyphWidth(r)
	}
	return w * size
}

// glyphWidth is the estimated width of r in ems.
func glyphWidth(r rune) float64 {
	switch {
	case r == ' ' || r == '.' || r == ',' || r == ':' || r == ';' || r == '\'' || r == '|' || r == '!' || r == 'i' || r == 'l' || r == 'j':
		return 0.34
	case r == 'm' || r == 'w' || r == 'M' || r == 'W' || r == '—' || r == '…':
		return 0.9
	case r >= '0' && r <= '9', r >= 0x06F0 && r <= 0x06F9:
		return 0.64
	case r >= 0x0600 && r <= 0x06FF: // Arabic script: joined letters run narrower
		return 0.52
	case r == 'ш' || r == 'щ' || r == 'ж' || r == 'ю' || r == 'ы' || r == 'Ш' || r == 'Щ' || r == 'Ж' || r == 'Ю' || r == 'Ы' || r == 'м' || r == 'М':
		return 0.88
	case unicode.IsUpper(r):
		return 0.72
	case r >= 0x0400 && r <= 0x04FF:
		return 0.64
	}
	return 0.6
}

// wrap breaks s into lines of at most w units at size, between words; a
// word longer than a line is shortened with an ellipsis.
func wrap(s string, w, size float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && textWidth(line+" "+word, size) <= w {
			line += " " + word
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = fit(word, w, size)
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fit shortens s with an ellipsis to at most w units at size.
func fit(s string, w, size float64) string {
	if textWidth(s, size) <= w {
		return s
	}
	used := glyphWidth('…') * size
	r := []rune(s)
	n := 0
	for n < len(r) && used+glyphWidth(r[n])*size <= w {
		used += glyphWidth(r[n]) * size
		n++
	}
	return strings.TrimRight(string(r[:max(n, 1)]), " ") + "…"
}
