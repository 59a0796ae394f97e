package tabular

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sheetGuard walks a worksheet's XML ahead of excelize's row iterator. It
// checks each row against the caps before excelize decodes it - excelize
// holds a whole cell, and a whole run of rows without numbers, in memory -
// and it notes the cells holding a formula, whose <f> elements excelize
// drops.
type sheetGuard struct {
	rc    io.ReadCloser
	dec   *xml.Decoder
	part  string
	depth int
	last  int          // the number of the last row scanned whole
	done  bool         // the end of the part was reached
	err   error        // the first cap passed; final
	queue []rowFormula // scanned rows with formulas not yet asked for
}

// rowFormula lists the formula columns (0-based) of sheet row row.
type rowFormula struct {
	row  int
	cols []int
}

func newSheetGuard(f *zip.File) (*sheetGuard, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &sheetGuard{rc: rc, dec: xml.NewDecoder(&tokenLimiter{r: rc}), part: f.Name}, nil
}

// ahead scans the sheet until it has checked the first row numbered after
// line, or the end: excelize, to return row line, reads up to the start of
// that row. It returns the cap passed, if any.
func (s *sheetGuard) ahead(line int) error {
	for len(s.queue) > 0 && s.queue[0].row < line {
		s.queue = s.queue[1:]
	}
	for s.err == nil && !s.done && s.last <= line {
		s.err = s.scanRow()
	}
	return s.err
}

// at returns the formula columns of sheet row line below width.
func (s *sheetGuard) at(line, width int) []int {
	for len(s.queue) > 0 && s.queue[0].row < line {
		s.queue = s.queue[1:]
	}
	if len(s.queue) == 0 || s.queue[0].row != line {
		return nil
	}
	cols := s.queue[0].cols
	n := 0
	for n < len(cols) && cols[n] < width {
		n++
	}
	if n == 0 {
		return nil
	}
	return cols[:n:n]
}

// scanRow reads up to the end of the next <row> element, numbering rows and
// cells the way excelize does, and counting the characters of each cell.
func (s *sheetGuard) scanRow() error {
	var (
		row, col, cells, chars, fchars int
		inRow, inCell                  bool
		leaf                           string
		formulas                       []int
	)
	for {
		tok, err := s.dec.RawToken()
		if err != nil {
			return s.fail(err, row, inCell)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if s.depth++; s.depth > maxDepth {
				return failFormat(fmt.Errorf("%s: elements nested deeper than %d", s.part, maxDepth))
			}
			leaf = t.Name.Local
			switch leaf {
			case "row":
				inRow, row, cells = true, s.last+1, 0
				if n, err := strconv.Atoi(attr(t, "r")); err == nil && n != 0 {
					if n <= s.last {
						return failFormat(fmt.Errorf("%s: row %d after row %d", s.part, n, s.last))
					}
					row = n
				}
				if row > MaxRows {
					return failLimit(KeyTooManyRows, "Limit", MaxRows)
				}
			case "c":
				inCell, chars, fchars = true, 0, 0
				col++
				if inRow {
					cells++
				}
				if c, _, err := excelize.CellNameToCoordinates(attr(t, "r")); err == nil {
					col = c
				}
				if cells > MaxColumns || col > MaxColumns {
					return failLimit(KeyTooManyColumns, "Line", row, "Limit", MaxColumns)
				}
			case "f":
				if inCell && (len(formulas) == 0 || formulas[len(formulas)-1] < col-1) {
					formulas = append(formulas, col-1)
				}
			}
			if leaf == "row" {
				col = 0
			}
		case xml.CharData:
			if !inCell {
				break
			}
			if leaf == "f" {
				fchars += utf8.RuneCount(t)
			} else {
				chars += utf8.RuneCount(t)
			}
			if chars > MaxCellChars || fchars > MaxCellChars {
				return failLimit(KeyCellTooLong, "Line", row, "Limit", MaxCellChars)
			}
		case xml.EndElement:
			s.depth--
			leaf = ""
			switch t.Name.Local {
			case "c":
				inCell = false
			case "row":
				if inRow {
					s.last = row
					if len(formulas) > 0 {
						s.queue = append(s.queue, rowFormula{row, formulas})
					}
					return nil
				}
			}
		}
	}
}

// fail turns a token too long into the cap passed. Any other failure ends
// the scan as it ends excelize's reading, which decodes the same bytes no
// more leniently: excelize reads what it can of a damaged sheet.
func (s *sheetGuard) fail(err error, row int, inCell bool) error {
	switch {
	case errors.Is(err, errToken) && inCell:
		return failLimit(KeyCellTooLong, "Line", row, "Limit", MaxCellChars)
	case errors.Is(err, errToken):
		return failLimit(KeyXMLLimit, "Part", s.part)
	case errors.Is(err, errBang):
		return failFormat(fmt.Errorf("%s: %w", s.part, err))
	}
	s.done = true
	return nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (s *sheetGuard) close() error {
	if s == nil {
		return nil
	}
	return s.rc.Close()
}
