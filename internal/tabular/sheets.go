package tabular

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// Sheet is one sheet of a workbook of tables: a bold header row and rows
// whose cells are strings (written as text, never a formula) or numbers
// (int, int64, float64: written as numbers, so they add up in a
// spreadsheet).
type Sheet struct {
	Name   string
	Header []string
	Rows   [][]any
}

// WriteSheets writes sheets as one workbook, in memory: for small tables
// such as a report's aggregates (WriteXLSX streams a long list). Each
// sheet's header row is frozen and its columns fitted; rtl lays every
// sheet out right to left, for Persian. Invalid or repeated sheet names
// are mended.
func WriteSheets(w io.Writer, sheets []Sheet, rtl bool) error {
	book := excelize.NewFile()
	defer book.Close()
	bold, err := book.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	used := map[string]bool{}
	for n, sh := range sheets {
		name := sheetName(sh.Name)
		for k := 2; used[name]; k++ {
			name = sheetName(fmt.Sprintf("%.28s %d", sh.Name, k))
		}
		used[name] = true
		if n == 0 {
			err = book.SetSheetName("Sheet1", name)
		} else {
			_, err = book.NewSheet(name)
		}
		if err != nil {
			return err
		}
		if err := writeSheet(book, name, sh, bold, rtl); err != nil {
			return err
		}
	}
	_, err = book.WriteTo(w)
	return err
}

func writeSheet(book *excelize.File, name string, sh Sheet, bold int, rtl bool) error {
	if err := book.SetSheetView(name, 0, &excelize.ViewOptions{RightToLeft: &rtl}); err != nil {
		return err
	}
	var text [][]string
	for r, row := range append([][]any{anyRow(sh.Header)}, sh.Rows...) {
		cells := make([]string, len(row))
		for c, v := range row {
			if s, ok := v.(string); ok {
				cells[c] = s
			} else {
				cells[c] = "0000000000"
			}
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			if err := book.SetCellValue(name, cell, v); err != nil {
				return err
			}
		}
		text = append(text, cells)
	}
	for i, width := range columnWidths(sh.Header, text[1:]) {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := book.SetColWidth(name, col, col, width); err != nil {
			return err
		}
	}
	if len(sh.Header) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(sh.Header), 1)
		if err := book.SetCellStyle(name, "A1", last, bold); err != nil {
			return err
		}
	}
	return book.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func anyRow(cells []string) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = c
	}
	return out
}
