package pdfdoc

import (
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/chart"
)

// Figure draws a chart of package chart — the model the dashboard draws
// as SVG — from the same layout, so a printed report shows the charts the
// screen shows: bars, columns, stacked bars, funnels, with their title,
// legend, values and target, in the document's language, mirrored right
// to left in Persian. The chart's width is the page's. A chart with
// nothing to show (chart.Chart.Empty) is still drawn, as bare axes; say
// so in a Paragraph instead where that reads better.
type Figure struct {
	Chart *chart.Chart
	// Table, when set, writes the chart's numbers under it as a table, as
	// the dashboard shows them beside it.
	Table bool
}

// inkColor is the colour of a chart's text, as in its SVG.
const inkColor = "#1F2328"

func (f Figure) draw(w *writer) {
	if f.Chart == nil {
		return
	}
	l, err := f.Chart.Layout(w.doc.Lang)
	if err != nil {
		w.fail(err)
		return
	}
	scale := contentW / l.Width // millimetres per layout unit
	w.room(l.Height * scale)
	top := w.y
	at := func(x, y float64) (float64, float64) { return margin + x*scale, top + y*scale }
	for _, ln := range l.Lines {
		w.pdf.SetDrawColor(rgb(ln.Stroke))
		w.pdf.SetLineWidth(0.25)
		if ln.Dashed {
			w.pdf.SetDashPattern([]float64{4 * scale, 3 * scale}, 0)
		}
		x1, y1 := at(ln.X1, ln.Y1)
		x2, y2 := at(ln.X2, ln.Y2)
		w.pdf.Line(x1, y1, x2, y2)
		if ln.Dashed {
			w.pdf.SetDashPattern(nil, 0)
		}
	}
	for _, r := range l.Rects {
		w.pdf.SetFillColor(rgb(r.Fill))
		x, y := at(r.X, r.Y)
		w.pdf.Rect(x, y, r.W*scale, r.H*scale, "F")
	}
	w.pdf.SetTextColor(rgb(inkColor))
	for _, t := range l.Texts {
		size := t.Size * scale / ptToMM
		s := w.sh.oneLine(t.S, string(w.doc.Lang), w.rtl, t.Bold)
		x, y := at(t.X, t.Y)
		switch width := s.width * size * ptToMM; t.Anchor {
		case chart.Middle:
			x -= width / 2
		case chart.Right:
			x -= width
		}
		w.drawLine(s, x, y, size)
	}
	w.pdf.SetTextColor(0, 0, 0)
	w.y = top + l.Height*scale + 3
	if f.Table {
		numbers(f.Chart.Table(w.doc.Lang)).draw(w)
	}
}

// numbers is a chart's table of numbers as a Table: the categories first,
// then a column of values per series, aligned at the end.
func numbers(t chart.Table) Table {
	var out Table
	for i, h := range t.Head {
		c := Column{Title: h, Width: 1, Align: End}
		if i == 0 {
			c.Width, c.Align = 2, Start
		}
		out.Columns = append(out.Columns, c)
	}
	for _, r := range t.Rows {
		out.Rows = append(out.Rows, append([]string{r.Category}, r.Cells...))
	}
	return out
}

// rgb reads a colour written #RRGGBB; anything else is black.
func rgb(hex string) (r, g, b int) {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		return 0, 0, 0
	}
	return int(v >> 16), int(v >> 8 & 0xff), int(v & 0xff)
}
