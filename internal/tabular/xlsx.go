package tabular

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/xuri/excelize/v2"
)

// The unpacking limits of a workbook, beside the caps of limits.go. A zip
// bomb declares more than these and is refused before anything is unpacked
// (archive/zip also refuses an entry that holds more than it declares).
// Parts larger than maxXMLInMemory - in practice sheets and shared strings -
// excelize unpacks to temporary files and streams; every other part it keeps
// in memory, hence maxInMemory for them all, and it decodes the other XML
// parts it needs (workbook, styles) whole, at several times their size,
// hence maxOtherXML for each part but pictures and embedded files.
const (
	maxUnpacked    = 1 << 30
	maxXMLInMemory = 1 << 20
	maxInMemory    = 64 << 20
	maxOtherXML    = 8 << 20
)

// excelOptions caps excelize's unpacking into the folder tmp and shows
// Excel's locale-dependent short date (built-in formats 14 and 22) as ISO
// yyyy-mm-dd; explicit number and date formats are applied as Excel shows
// them.
func excelOptions(tmp string) excelize.Options {
	return excelize.Options{
		UnzipSizeLimit:    maxUnpacked,
		UnzipXMLSizeLimit: maxXMLInMemory,
		ShortDatePattern:  "yyyy-mm-dd",
		TmpDir:            tmp,
	}
}

// xlsxReader streams the first visible sheet with data through excelize's
// row iterator, beside a scanner of the same sheet's XML for formulas.
type xlsxReader struct {
	book   *excelize.File
	rows   *excelize.Rows
	guard  *sheetGuard
	tmp    string // a folder of our own for excelize's temporary files
	header []string
	line   int
	info   Info
}

func openXLSX(r io.ReaderAt, size int64, dir string) (_ *xlsxReader, err error) {
	x := &xlsxReader{info: Info{Format: "xlsx"}}
	defer func() {
		if p := recover(); p != nil {
			err = failFormat(fmt.Errorf("panic: %v", p))
		}
		if err != nil {
			x.Close()
		}
	}()
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, failFormat(err)
	}
	parts, shared, err := checkWorkbook(zr)
	if err != nil {
		return nil, err
	}
	if err := checkSharedStrings(shared); err != nil {
		return nil, err
	}
	if err := checkIntact(zr); err != nil {
		return nil, err
	}
	if x.tmp, err = os.MkdirTemp(dir, "tabular-"); err != nil {
		return nil, err
	}
	if x.book, err = openBook(r, size, x.tmp); err != nil {
		return nil, failFormat(err)
	}
	for _, sheet := range x.book.GetSheetList() {
		if visible, _ := x.book.GetSheetVisible(sheet); !visible || parts[sheet] == nil {
			continue
		}
		if x.rows, err = x.book.Rows(sheet); err != nil {
			return nil, failFormat(err)
		}
		if x.guard, err = newSheetGuard(parts[sheet]); err != nil {
			return nil, failFormat(err)
		}
		x.line = 0
		head, err := x.Next()
		if err == io.EOF {
			x.rows.Close()
			x.guard.close()
			x.rows, x.guard = nil, nil
			continue
		} else if err != nil {
			return nil, err
		}
		head.Formulas = nil
		x.header, x.info.Sheet = head.Cells, sheet
		if err := checkHeader(x.header); err != nil {
			return nil, err
		}
		return x, nil
	}
	return nil, failEmpty()
}

func (x *xlsxReader) Header() []string { return x.header }
func (x *xlsxReader) Info() Info       { return x.info }

func (x *xlsxReader) Next() (_ Row, err error) {
	defer recoverFormat(&err)
	for {
		// excelize decodes only what the guard has checked
		if err := x.guard.ahead(x.line + 1); err != nil {
			return Row{}, err
		}
		if !x.rows.Next() {
			break
		}
		x.line++
		cells, err := x.rows.Columns()
		if err != nil {
			return Row{}, failFormat(err)
		}
		if cells = trimRow(cells, len(x.header)); blank(cells) {
			continue
		}
		row := Row{Line: x.line, Cells: cells}
		row.Formulas = x.guard.at(x.line, len(cells))
		return row, nil
	}
	if err := x.rows.Error(); err != nil {
		return Row{}, failFormat(err)
	}
	return Row{}, io.EOF
}

func (x *xlsxReader) Close() error {
	err := x.guard.close()
	if x.rows != nil {
		err = errors.Join(err, x.rows.Close())
	}
	if x.book != nil {
		err = errors.Join(err, x.book.Close())
	}
	if x.tmp != "" { // also what excelize leaves behind when opening fails
		err = errors.Join(err, os.RemoveAll(x.tmp))
	}
	return err
}
