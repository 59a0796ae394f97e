package pdfdoc

// Table is a table with a header row. In a right-to-left document the
// columns run from the right — the first column is the rightmost — and
// each column's alignment is mirrored with it. A table longer than the
// page continues on the next with its header row repeated; a row is never
// split.
type Table struct {
	Columns []Column
	Rows    [][]string // cells in column order; missing cells are empty
}

// Column is one column of a Table.
type Column struct {
	Title string
	// Width is the column's share of the table's width, relative to the
	// others; zero counts as one.
	Width float64
	// Align places the cells; use End for numbers.
	Align Align
}

const (
	tableSize = 10.0
	cellPadX  = 1.8
	cellPadY  = 1.2
)

func (t Table) draw(w *writer) {
	if len(t.Columns) == 0 {
		return
	}
	lefts, widths := t.layout(w.rtl)
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Title
	}
	w.room(t.rowHeight(w, header, widths, true) + lineH(tableSize) + 2*cellPadY)
	t.row(w, header, lefts, widths, true)
	for _, cells := range t.Rows {
		if w.y+t.rowHeight(w, cells, widths, false) > bottom {
			w.newPage()
			t.row(w, header, lefts, widths, true)
		}
		t.row(w, cells, lefts, widths, false)
	}
	w.y += 4
}

// layout gives each column's left edge and width in millimetres.
func (t Table) layout(rtl bool) (lefts, widths []float64) {
	var total float64
	for _, c := range t.Columns {
		total += share(c.Width)
	}
	x := margin
	for _, c := range t.Columns {
		wd := contentW * share(c.Width) / total
		left := x
		if rtl {
			left = pageW - x - wd
		}
		lefts, widths = append(lefts, left), append(widths, wd)
		x += wd
	}
	return lefts, widths
}

func share(w float64) float64 {
	if w <= 0 {
		return 1
	}
	return w
}

func (t Table) rowHeight(w *writer, cells []string, widths []float64, bold bool) float64 {
	n := 1
	for i := range t.Columns {
		n = max(n, len(w.wrap(cell(cells, i), tableSize, bold, widths[i]-2*cellPadX)))
	}
	return float64(n)*lineH(tableSize) + 2*cellPadY
}

// row draws one row at the writer's position: the header shaded and
// framed, a body row ruled underneath.
func (t Table) row(w *writer, cells []string, lefts, widths []float64, header bool) {
	h := t.rowHeight(w, cells, widths, header)
	w.pdf.SetLineWidth(0.2)
	w.pdf.SetDrawColor(150, 150, 150)
	if header {
		w.pdf.SetFillColor(228, 232, 238)
		w.pdf.Rect(margin, w.y, contentW, h, "FD")
	} else {
		w.pdf.Line(margin, w.y+h, margin+contentW, w.y+h)
	}
	for i, c := range t.Columns {
		ls := w.wrap(cell(cells, i), tableSize, header, widths[i]-2*cellPadX)
		w.drawLines(ls, tableSize, c.Align, lefts[i]+cellPadX, widths[i]-2*cellPadX, w.y+cellPadY)
	}
	w.y += h
}

func cell(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}
