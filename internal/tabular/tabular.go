// Package tabular streams the lists that schools and centres send: CSV files
// and XLSX workbooks exported from Excel in Kazakh, Russian or Persian. A
// reader holds one record at a time, never the whole file, so a list of a
// million rows reads in constant memory. It also writes the reports of
// rejected rows back as CSV or XLSX.
//
// Both formats follow the same rules: the header is the first record with a
// non-empty cell; records whose cells are all empty are skipped; cells are
// returned as they are written (the caller trims them); trailing empty cells
// beyond the header's width are dropped, and a row may be shorter or longer
// than the header (the caller reports ragged rows).
//
// CSV: the encoding (UTF-8, UTF-16 with a byte order mark, Windows-1251 or
// Windows-1256) and the separator (',', ';' or TAB) are detected from the
// first 64 KiB, then encoding/csv streams the rest; a misplaced quote fails
// only its record. XLSX: the first visible sheet with data is read through
// excelize's row iterator, values formatted as Excel displays them, while a
// guard walks the same sheet's XML a row ahead, checking it against the caps
// before excelize decodes it and flagging the cells holding a formula.
//
// Whatever a file holds, reading it stays within a fixed memory budget: the
// caps of limits.go bound a cell, a row, the rows, a record, the shared
// strings and each part of a workbook, and a file that passes one is
// refused, with ErrLimit or ErrTooLarge, as soon as it does.
package tabular

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Row is one record of a file.
type Row struct {
	// Line is 1-based: for CSV the physical line where the record starts, for
	// XLSX the sheet's row number.
	Line int
	// Cells are the record's cells as text.
	Cells []string
	// Formulas lists, in increasing order, the indexes into Cells of the
	// cells that hold a formula (XLSX only). Their text is the value Excel
	// last computed, which the caller must not trust as typed data.
	Formulas []int
}

// Info describes what Open detected, for the import preview.
type Info struct {
	Format    string // "csv" or "xlsx"
	Encoding  string // CSV: "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1251" or "windows-1256"
	Separator rune   // CSV: ',', ';' or '\t'
	Sheet     string // XLSX: the name of the sheet read
}

// Reader streams the records of one file. It is not safe for concurrent use.
type Reader interface {
	// Header returns the header record, without a byte order mark.
	Header() []string
	// Next returns the next record, or io.EOF after the last one. After an
	// error wrapping ErrBadRow the reader goes on with the next record; any
	// other error is final.
	Next() (Row, error)
	// Info returns the detected format, encoding, separator and sheet.
	Info() Info
	// Close releases the temporary files of a workbook.
	Close() error
}

// sampleSize is how much of a CSV file the detection of its encoding and
// separator looks at.
const sampleSize = 64 << 10

// The signatures of a zip entry and of an OLE2 compound file.
const (
	zipMagic = "PK\x03\x04"
	oleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
)

// Open detects the format of the size bytes of r by their content and
// returns a reader positioned after the header. name is used only to refuse a
// file called .xlsx that is not a workbook. r must stay readable until the
// reader is closed. A workbook's temporary files go to os.TempDir().
func Open(name string, r io.ReaderAt, size int64) (Reader, error) {
	return OpenIn("", name, r, size)
}

// OpenIn is Open with a workbook's temporary files in a folder of their own
// under dir (os.TempDir() when empty), which Close removes, whatever
// happened: they hold the list's data.
func OpenIn(dir, name string, r io.ReaderAt, size int64) (Reader, error) {
	if size <= 0 {
		return nil, failEmpty()
	}
	head := make([]byte, min(size, 512))
	if n, err := r.ReadAt(head, 0); n < len(head) {
		return nil, fmt.Errorf("tabular: read: %w", err)
	}
	text := strings.ToLower(string(bytes.TrimLeft(head, "\xef\xbb\xbf \t\r\n")))
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case strings.HasPrefix(string(head), oleMagic):
		return nil, failOldExcel()
	case strings.HasPrefix(string(head), zipMagic):
		return openXLSX(r, size, dir)
	case ext == ".xlsx" || ext == ".xlsm" || strings.HasPrefix(string(head), "PK\x05\x06") ||
		strings.HasPrefix(string(head), "%PDF") || strings.HasPrefix(text, "<?xml") ||
		strings.HasPrefix(text, "<html") || strings.HasPrefix(text, "<!doctype"):
		return nil, failFormat(nil)
	}
	return openCSV(r, size)
}

// trimRow drops the empty cells after the header's width.
func trimRow(cells []string, width int) []string {
	n := len(cells)
	for n > width && cells[n-1] == "" {
		n--
	}
	return cells[:n]
}

// blank reports whether every cell is empty.
func blank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}
