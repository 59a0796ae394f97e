package tabular

import (
	"io"
	"iter"

	"github.com/xuri/excelize/v2"
)

// fitRows is how many rows WriteXLSX reads ahead to fit the column widths,
// which the stream writer needs before the first row.
const fitRows = 100

// WriteXLSX writes a report as a workbook of one sheet through excelize's
// stream writer, so a long report is not held in memory: a bold header row
// frozen at the top, every cell as text (never a formula), columns fitted to
// the header and the first rows, and a right-to-left sheet when rtl is set,
// for Persian. An invalid sheet name is mended. The rows beyond a few MB
// wait in a temporary file in os.TempDir().
func WriteXLSX(w io.Writer, sheet string, header []string, rows iter.Seq[[]string], rtl bool) error {
	return WriteXLSXIn("", w, sheet, header, rows, rtl)
}

// WriteXLSXIn is WriteXLSX with its temporary file in dir (os.TempDir()
// when empty).
func WriteXLSXIn(dir string, w io.Writer, sheet string, header []string, rows iter.Seq[[]string], rtl bool) error {
	book := excelize.NewFile(excelize.Options{TmpDir: dir})
	defer book.Close()
	sheet = sheetName(sheet)
	if err := book.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if err := book.SetSheetView(sheet, 0, &excelize.ViewOptions{RightToLeft: &rtl}); err != nil {
		return err
	}
	bold, err := book.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	sw, err := book.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	next, stop := iter.Pull(rows)
	defer stop()
	var first [][]string
	for len(first) < fitRows {
		row, ok := next()
		if !ok {
			break
		}
		first = append(first, row)
	}
	for i, width := range columnWidths(header, first) {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	err = sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if err != nil {
		return err
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	line := 1
	write := func(row []string) error {
		cells := make([]any, len(row))
		for i, c := range row {
			cells[i] = c
		}
		line++
		cell, err := excelize.CoordinatesToCellName(1, line)
		if err != nil {
			return err
		}
		return sw.SetRow(cell, cells)
	}
	for _, row := range first {
		if err := write(row); err != nil {
			return err
		}
	}
	for row, ok := next(); ok; row, ok = next() {
		if err := write(row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = book.WriteTo(w)
	return err
}
