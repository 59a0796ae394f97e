package pdfdoc

import (
	"strings"
	"unicode"
)

// Type sizes in points and the line height as a multiple of the size.
const (
	bodySize  = 11.0
	smallSize = 8.5
	h1Size    = 15.0
	h2Size    = 12.5
	leading   = 1.45
)

// small is the footer's and small print's size.
const small = smallSize

// lineH is the height of one line of text of the given size, in mm.
func lineH(size float64) float64 { return size * leading * ptToMM }

// baseline is where text of the given size sits in a line starting at top.
func baseline(top, size float64) float64 {
	em := size * ptToMM
	return top + (lineH(size)-em)/2 + 0.8*em
}

func (w *writer) setFont(fc *face, size float64) {
	if w.font.face == fc && w.font.size == size {
		return
	}
	w.pdf.SetFont(family, fc.style, size)
	w.pdf.SetFontSize(size) // SetFont alone skips an unchanged font, even on another page
	w.font.face, w.font.size = fc, size
}

// drawLine draws l with its left edge at x and its baseline at y.
func (w *writer) drawLine(l line, x, y, size float64) {
	for _, s := range l.segs {
		if s.text != "" {
			if !w.beyond && !w.fonts.draws(s.text) {
				w.beyond = true
			}
			w.setFont(s.face, size)
			if s.fake {
				// Bold by stroking the regular face's outline.
				w.pdf.SetDrawColor(0, 0, 0)
				w.pdf.SetLineWidth(size * 0.03 * ptToMM)
				w.pdf.SetTextRenderingMode(2)
			}
			w.pdf.Text(x, y, s.text)
			if s.fake {
				w.pdf.SetTextRenderingMode(0)
			}
		}
		x += s.width * size * ptToMM
	}
}

// alignX is the left edge of something width wide aligned a within the
// span from left, avail wide; Start and End swap sides right to left.
func (w *writer) alignX(a Align, width, left, avail float64) float64 {
	if a == Center {
		return left + (avail-width)/2
	}
	if (a == End) != w.rtl {
		return left + avail - width
	}
	return left
}

// wrap lays text out in lines at most avail millimetres wide.
func (w *writer) wrap(text string, size float64, bold bool, avail float64) []line {
	return w.sh.lines(text, string(w.doc.Lang), w.rtl, bold, avail/(size*ptToMM))
}

// drawLines draws lines from top down, without page breaks, and returns
// the height they took.
func (w *writer) drawLines(ls []line, size float64, a Align, left, avail, top float64) float64 {
	for i, l := range ls {
		lw := l.width * size * ptToMM
		w.drawLine(l, w.alignX(a, lw, left, avail), baseline(top+float64(i)*lineH(size), size), size)
	}
	return float64(len(ls)) * lineH(size)
}

// text draws wrapped text at the writer's position, breaking pages
// between lines.
func (w *writer) text(s string, size float64, bold bool, a Align, left, avail float64) {
	for _, l := range w.wrap(s, size, bold, avail) {
		w.room(lineH(size))
		w.y += w.drawLines([]line{l}, size, a, left, avail, w.y)
	}
}

// single draws s on one line with its baseline at y.
func (w *writer) single(s string, size float64, bold bool, a Align, left, avail, y float64) {
	l := w.sh.oneLine(s, string(w.doc.Lang), w.rtl, bold)
	w.drawLine(l, w.alignX(a, l.width*size*ptToMM, left, avail), y, size)
}

func (w *writer) letterhead(h Letterhead) {
	w.text(h.Name, 16, true, Start, margin, contentW)
	w.y += 1
	for _, l := range h.Lines {
		if hasLetter(l) {
			w.text(l, 9.5, false, Start, margin, contentW)
			continue
		}
		// A line with no letter in it, such as a phone number, reads
		// left to right even in a right-to-left letter, as it is dialled.
		for _, ln := range w.sh.lines(l, string(w.doc.Lang), false, false, contentW/(9.5*ptToMM)) {
			w.room(lineH(9.5))
			w.y += w.drawLines([]line{ln}, 9.5, Start, margin, contentW, w.y)
		}
	}
	if h.Note != "" {
		w.pdf.SetTextColor(90, 90, 90)
		w.text(h.Note, smallSize, false, Start, margin, contentW)
		w.pdf.SetTextColor(0, 0, 0)
	}
	w.y += 2
	w.pdf.SetDrawColor(40, 40, 40)
	w.pdf.SetLineWidth(0.4)
	w.pdf.Line(margin, w.y, pageW-margin, w.y)
	w.y += 8
}

func (h Heading) draw(w *writer) {
	size := h2Size
	if h.Level == 1 {
		size = h1Size
	}
	if w.y > margin {
		w.y += 3
	}
	// Keep a heading with at least two lines of what follows.
	w.room(lineH(size) + 2*lineH(bodySize))
	w.text(h.Text, size, true, Start, margin, contentW)
	w.y += 2
}

func (p Paragraph) draw(w *writer) {
	size := bodySize
	if p.Small {
		size = smallSize
	}
	w.text(p.Text, size, p.Bold, p.Align, margin, contentW)
	w.y += 2.5
}

func (PageBreak) draw(w *writer) { w.newPage() }

// hasLetter reports whether s has a letter of any script.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
