package tabular

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// formulaScanner walks a worksheet's XML in step with excelize's iterator,
// which reads cell values but drops their <f> formula elements.
type formulaScanner struct {
	rc   io.ReadCloser
	dec  *xml.Decoder
	row  int   // the row last scanned
	cols []int // its formula columns, 0-based
}

func newFormulaScanner(f *zip.File) (*formulaScanner, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &formulaScanner{rc: rc, dec: xml.NewDecoder(rc)}, nil
}

// at returns the formula columns of sheet row line below width.
func (s *formulaScanner) at(line, width int) []int {
	for s.row < line {
		s.scanRow()
	}
	n := 0
	for s.row == line && n < len(s.cols) && s.cols[n] < width {
		n++
	}
	if n == 0 {
		return nil
	}
	return s.cols[:n:n]
}

// scanRow reads up to the end of the next <row> element, numbering rows and
// cells the way excelize does; at the end of the sheet the row goes to
// infinity.
func (s *formulaScanner) scanRow() {
	s.cols, s.row = nil, s.row+1
	col, inRow := 0, false
	for {
		tok, err := s.dec.RawToken()
		if err != nil {
			s.row = math.MaxInt
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				inRow, col = true, 0
				if n, err := strconv.Atoi(attr(t, "r")); err == nil && n != 0 {
					s.row = n
				}
			case "c":
				col++
				if c, _, err := excelize.CellNameToCoordinates(attr(t, "r")); err == nil {
					col = c
				}
			case "f":
				if inRow && (len(s.cols) == 0 || s.cols[len(s.cols)-1] < col-1) {
					s.cols = append(s.cols, col-1)
				}
			}
		case xml.EndElement:
			if inRow && t.Name.Local == "row" {
				return
			}
		}
	}
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (s *formulaScanner) close() error {
	if s == nil {
		return nil
	}
	return s.rc.Close()
}
