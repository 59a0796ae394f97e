package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// drain reads r to its end: no panic, no endless loop, lines non-decreasing.
func drain(t *testing.T, r Reader, limit int) {
	defer r.Close()
	last := 0
	for range limit + 2 {
		row, err := r.Next()
		if err == io.EOF {
			return
		}
		if err != nil && !errors.Is(err, ErrBadRow) {
			return
		}
		if row.Line < last || row.Line < 1 {
			t.Fatalf("line %d after %d", row.Line, last)
		}
		last = row.Line
	}
	t.Fatalf("more records than the %d bytes of the file allow", limit)
}

func FuzzCSV(f *testing.F) {
	for _, seed := range []string{russian, persian, "a,b\n1,\"x\ny\"\n2,x\"y\n", "a;b\n\n;;\n1;2;3\n",
		"\ufeffa\tb\r\n1\t2", "a,b\n1,\"open\n", "\xff\xfea\x00,\x00b\x00", string(oleMagic), ""} {
		f.Add([]byte(seed))
	}
	f.Add(encode(f, charmap.Windows1251, russian))
	f.Add(encode(f, charmap.Windows1256, persian))
	f.Add(encode(f, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), "a\tb\n1\t2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := openBytes("list.csv", data)
		if err != nil {
			return
		}
		drain(t, r, len(data))
	})
}

// FuzzXLSX mutates a small workbook two ways: the file as a whole, which
// mostly exercises the zip checks, and its sheet's XML inside a sound zip,
// which exercises excelize's row iterator and the formula scanner.
func FuzzXLSX(f *testing.F) {
	seed := workbook(f, func(wb *excelize.File) {
		sheetRows(f, wb, "Sheet1", []any{"ФИО", "Дата", "Итог"}, []any{"Иванов", 42035, 3})
		style, _ := wb.NewStyle(&excelize.Style{NumFmt: 14})
		wb.SetCellStyle("Sheet1", "B2", "B2", style)
		wb.SetCellFormula("Sheet1", "C2", "1+2")
	})
	parts := map[string][]byte{}
	zr, err := zip.NewReader(bytes.NewReader(seed), int64(len(seed)))
	if err != nil {
		f.Fatal(err)
	}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		parts[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	sheet := "xl/worksheets/sheet1.xml"
	f.Add(seed, parts[sheet])
	f.Add(seed, []byte(`<worksheet><sheetData><row><c><f>1</f><v>1</v></c><c r="C"/></row>`+
		`<row r="9"><c r="B9" t="s"><v>99</v></c></row><x:row r="3"><x:c r="A3"><x:f/></x:c></x:row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, file, sheetXML []byte) {
		if r, err := openBytes("list.xlsx", file); err == nil {
			drain(t, r, len(file))
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, zf := range zr.File {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Store})
			if zf.Name == sheet {
				w.Write(sheetXML)
			} else {
				w.Write(parts[zf.Name])
			}
		}
		zw.Close()
		if r, err := openBytes("list.xlsx", buf.Bytes()); err == nil {
			drain(t, r, 1<<20)
		}
	})
}
