package pdfdoc

import "strconv"

// Chart is a simple bar chart: one bar per label, its value written at
// its end. It is the PDF side of the dashboard's charts; a caller turns
// its chart model into one (the seam is this struct, kept minimal on
// purpose). Horizontal bars grow from the labels at the start side (the
// right in Persian); vertical bars stand in reading order (from the right
// in Persian). Negative values are drawn as zero. A chart carries no
// numbers beyond its bars' values; put the figures in a Table beside it.
type Chart struct {
	Title      string
	Horizontal bool
	Bars       []Bar
}

// Bar is one bar of a Chart.
type Bar struct {
	Label string
	Value float64
	// Text is the value as written beside the bar, formatted by the
	// caller (grouping, units); empty writes Value in the document's digits.
	Text string
}

const (
	chartSize      = 9.0
	barRowH        = 7.0  // a horizontal bar's row
	columnsH       = 55.0 // the vertical bars' area
	chartLabelRows = 2    // lines of label under a vertical bar
)

func (c Chart) draw(w *writer) {
	if c.Title != "" {
		Heading{Text: c.Title, Level: 2}.draw(w)
	}
	if len(c.Bars) == 0 {
		return
	}
	var top float64
	for _, b := range c.Bars {
		top = max(top, b.Value)
	}
	w.pdf.SetFillColor(70, 110, 170)
	if c.Horizontal {
		c.horizontal(w, top)
	} else {
		c.vertical(w, top)
	}
	w.y += 4
}

func (c Chart) horizontal(w *writer, top float64) {
	labelW := contentW * keyShare
	const gap = 3.0
	valueW := 25.0
	barsW := contentW - labelW - gap - valueW
	for _, b := range c.Bars {
		ls := w.wrap(b.Label, chartSize, false, labelW)
		textH := float64(len(ls)) * lineH(chartSize)
		rowH := max(barRowH, textH+1)
		w.room(rowH)
		labelLeft := w.alignX(Start, labelW, margin, contentW)
		w.drawLines(ls, chartSize, End, labelLeft, labelW, w.y+(rowH-textH)/2)
		mid := w.y + rowH/2 // the bar's vertical centre
		length := barsW * fraction(b.Value, top)
		x := margin + labelW + gap // the bar's start edge, left to right
		if w.rtl {
			x = pageW - margin - labelW - gap - length
		}
		w.pdf.Rect(x, mid-barRowH/2+1.2, length, barRowH-2.4, "F")
		v := w.sh.oneLine(c.value(w, b), string(w.doc.Lang), w.rtl, false)
		vx := x + length + 1.5
		if w.rtl {
			vx = x - 1.5 - v.width*chartSize*ptToMM
		}
		w.drawLine(v, vx, baseline(mid-lineH(chartSize)/2, chartSize), chartSize)
		w.y += rowH
	}
}

func (c Chart) vertical(w *writer, top float64) {
	labelsH := chartLabelRows * lineH(chartSize)
	valueH := lineH(chartSize)
	w.room(valueH + columnsH + labelsH + 2)
	slot := contentW / float64(len(c.Bars))
	barW := min(slot*0.6, 22)
	axis := w.y + valueH + columnsH
	for i, b := range c.Bars {
		left := margin + float64(i)*slot
		if w.rtl {
			left = pageW - margin - float64(i+1)*slot
		}
		h := columnsH * fraction(b.Value, top)
		w.pdf.Rect(left+(slot-barW)/2, axis-h, barW, h, "F")
		v := w.sh.oneLine(c.value(w, b), string(w.doc.Lang), w.rtl, false)
		w.drawLines([]line{v}, chartSize, Center, left, slot, axis-h-valueH)
		ls := w.wrap(b.Label, chartSize, false, slot-2)
		w.drawLines(ls[:min(len(ls), chartLabelRows)], chartSize, Center, left+1, slot-2, axis+1)
	}
	w.pdf.SetDrawColor(60, 60, 60)
	w.pdf.SetLineWidth(0.3)
	w.pdf.Line(margin, axis, pageW-margin, axis)
	w.y = axis + 1 + labelsH
}

func (c Chart) value(w *writer, b Bar) string {
	if b.Text != "" {
		return b.Text
	}
	return w.doc.Lang.Digits(strconv.FormatFloat(b.Value, 'f', -1, 64))
}

func fraction(v, top float64) float64 {
	if v <= 0 || top <= 0 {
		return 0
	}
	return v / top
}
