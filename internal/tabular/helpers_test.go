package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/jolproject/jol/internal/errs"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
)

// openBytes opens data as a file called name.
func openBytes(name string, data []byte) (Reader, error) {
	return Open(name, bytes.NewReader(data), int64(len(data)))
}

func mustOpen(t testing.TB, name string, data []byte) Reader {
	t.Helper()
	r, err := openBytes(name, data)
	if err != nil {
		t.Fatalf("Open(%s): %v", name, err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// readAll reads every record, collecting the recoverable errors; a final
// error other than io.EOF fails the test.
func readAll(t testing.TB, r Reader) (rows []Row, bad []error) {
	t.Helper()
	for range 10_000_000 {
		row, err := r.Next()
		switch {
		case err == io.EOF:
			return rows, bad
		case errors.Is(err, ErrBadRow):
			bad = append(bad, err)
		case err != nil:
			t.Fatalf("Next after line %d: %v", row.Line, err)
		default:
			rows = append(rows, row)
		}
	}
	t.Fatal("Next never returned io.EOF")
	return nil, nil
}

// keyOf returns the i18n key and arguments of a domain error.
func keyOf(err error) (string, []any) {
	if e := errs.As(err); e != nil {
		return e.Key, e.Args
	}
	return "", nil
}

// encode encodes UTF-8 text with a legacy or UTF-16 encoding.
func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

// workbook builds an .xlsx in memory; build fills it, starting from the
// default "Sheet1".
func workbook(t testing.TB, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sheetRows fills a sheet row by row from A1.
func sheetRows(t testing.TB, f *excelize.File, sheet string, rows ...[]any) {
	t.Helper()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
}

// rawZip builds a zip whose entries declare the given uncompressed sizes,
// whatever they hold, as a zip bomb does.
func rawZip(t testing.TB, sizes map[string]uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, size := range sizes {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store,
			CompressedSize64: 1, UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("x"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func cellsOf(rows []Row) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = r.Cells
	}
	return out
}
