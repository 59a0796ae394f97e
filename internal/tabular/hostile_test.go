package tabular

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestHostileXLSX(t *testing.T) {
	if testing.Short() {
		t.Skip("generates hostile files")
	}
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	header := `<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>`

	t.Run("2 GB cell", func(t *testing.T) {
		sheet := pack(t, dir, "xl/worksheets/sheet1.xml", sheetXML(func(w *bufio.Writer) {
			w.WriteString(header + `<row r="2"><c r="A2" t="inlineStr"><is><t>`)
			chunk := strings.Repeat("a", 1<<20)
			repeat(w, chunk, 2<<10)
			w.WriteString(`</t></is></c></row>`)
		}))
		refuse(t, hostileBook(t, dir, sheet), KeyTooLarge)
		// the same part, declaring less than it holds
		sheet.declared = 200 << 20
		refuse(t, hostileBook(t, dir, sheet), KeyDamaged)
	})

	t.Run("100 MB cell", func(t *testing.T) {
		sheet := pack(t, dir, "xl/worksheets/sheet1.xml", sheetXML(func(w *bufio.Writer) {
			w.WriteString(header + `<row r="2"><c r="A2" t="inlineStr"><is><t>`)
			lessPacked(w, 100<<20)
			w.WriteString(`</t></is></c></row>`)
		}))
		if args := refuse(t, hostileBook(t, dir, sheet), KeyCellTooLong); args[1] != 2 {
			t.Fatalf("refused at line %v, want 2", args[1])
		}
	})

	t.Run("bomb", func(t *testing.T) {
		sheet := pack(t, dir, "xl/worksheets/sheet1.xml", sheetXML(func(w *bufio.Writer) {
			repeat(w, strings.Repeat(" ", 1<<20), 400)
		}))
		refuse(t, hostileBook(t, dir, sheet), KeyCompressed)
	})

	t.Run("14 million rows", func(t *testing.T) {
		sheet := pack(t, dir, "xl/worksheets/sheet1.xml", sheetXML(func(w *bufio.Writer) {
			w.WriteString(header)
			repeat(w, `<row><c><v>1</v></c></row>`, 14_000_000)
		}))
		refuse(t, hostileBook(t, dir, sheet), KeyTooManyRows)
	})

	t.Run("rows the row count misses", func(t *testing.T) {
		sheet := pack(t, dir, "xl/worksheets/sheet1.xml", func(w *bufio.Writer) {
			w.WriteString(`<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>`)
			w.WriteString(`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c></x:row>`)
			repeat(w, `<x:row><x:c><x:v>1</x:v></x:c></x:row>`, MaxRows)
			w.WriteString(`</x:sheetData></x:worksheet>`)
		})
		refuse(t, hostileBook(t, dir, sheet), KeyTooManyRows)
	})

	t.Run("10,000 columns", func(t *testing.T) {
		sheet := pack(t, dir, "xl/worksheets/sheet1.xml", sheetXML(func(w *bufio.Writer) {
			w.WriteString(header + `<row r="2">`)
			repeat(w, `<c><v>1</v></c>`, 10_000)
			w.WriteString(`</row>`)
		}))
		refuse(t, hostileBook(t, dir, sheet), KeyTooManyColumns)
	})

	t.Run("a cell far to the right", func(t *testing.T) {
		sheet := pack(t, dir, "xl/worksheets/sheet1.xml", sheetXML(func(w *bufio.Writer) {
			w.WriteString(header + `<row r="2"><c r="XFD2"><v>1</v></c></row>`)
		}))
		refuse(t, hostileBook(t, dir, sheet), KeyTooManyColumns)
	})

	t.Run("100 MB attribute", func(t *testing.T) {
		sheet := pack(t, dir, "xl/worksheets/sheet1.xml", sheetXML(func(w *bufio.Writer) {
			w.WriteString(header + `<row r="2" x="`)
			lessPacked(w, 100<<20)
			w.WriteString(`"/>`)
		}))
		refuse(t, hostileBook(t, dir, sheet), KeyXMLLimit)
	})

	t.Run("3 million shared strings", func(t *testing.T) {
		sheet := pack(t, dir, "xl/worksheets/sheet1.xml", sheetXML(func(w *bufio.Writer) {
			w.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)
		}))
		strs := pack(t, dir, "xl/sharedStrings.xml", func(w *bufio.Writer) {
			w.WriteString(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
			for i := range 3_000_000 {
				w.WriteString(`<si><t>` + strconv.Itoa(i) + `</t></si>`)
			}
			w.WriteString(`</sst>`)
		})
		refuse(t, hostileBook(t, dir, sheet, strs), KeyTooManyStrings)
	})

	t.Run("a long shared string", func(t *testing.T) {
		sheet := pack(t, dir, "xl/worksheets/sheet1.xml", sheetXML(func(w *bufio.Writer) {
			w.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)
		}))
		strs := pack(t, dir, "xl/sharedStrings.xml", func(w *bufio.Writer) {
			w.WriteString(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>a</t></r><r><t>`)
			repeat(w, "я", MaxCellChars)
			w.WriteString(`</t></r></si></sst>`)
		})
		refuse(t, hostileBook(t, dir, sheet, strs), KeyStringTooLong)
	})
}

func TestHostileCSV(t *testing.T) {
	if testing.Short() {
		t.Skip("generates hostile files")
	}
	dir := t.TempDir()
	file := func(write func(w *bufio.Writer)) string {
		f, err := os.CreateTemp(dir, "hostile-*.csv")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		w := bufio.NewWriter(f)
		w.WriteString("ФИО,Класс\nИванов,3А\n")
		write(w)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		return f.Name()
	}
	tests := []struct {
		name  string
		write func(w *bufio.Writer)
		want  string
		line  int
	}{
		{"100 MB line without a newline", func(w *bufio.Writer) {
			repeat(w, strings.Repeat("я", 1<<19), 100)
		}, KeyRecordTooLong, 3},
		{"a quotation mark never closed", func(w *bufio.Writer) {
			w.WriteString("Петров,3Б\n\"")
			repeat(w, "Сидоров,4А\n", 200_000)
		}, KeyRecordTooLong, 4},
		{"a cell of 40,000 characters", func(w *bufio.Writer) {
			w.WriteString("Петров,")
			repeat(w, "ә", 40_000)
		}, KeyCellTooLong, 3},
		{"10,000 columns", func(w *bufio.Writer) {
			repeat(w, "1,", 10_000)
		}, KeyTooManyColumns, 3},
		{"two million rows", func(w *bufio.Writer) {
			repeat(w, "1\n", 2_000_000)
		}, KeyTooManyRows, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := refuse(t, file(tt.write), tt.want)
			if tt.line != 0 && args[1] != tt.line {
				t.Fatalf("refused at line %v, want %d", args[1], tt.line)
			}
		})
	}
}

// TestCellAtCap reads a cell of exactly MaxCellChars characters, in a CSV
// file and in a workbook as a shared and as an inline string.
func TestCellAtCap(t *testing.T) {
	long := strings.Repeat("ә", MaxCellChars)
	r := mustOpen(t, "list.csv", []byte("ФИО,Класс\n"+long+",3А\n"))
	if rows, _ := readAll(t, r); len(rows) != 1 || rows[0].Cells[0] != long {
		t.Fatalf("CSV: %d rows", len(rows))
	}
	data := workbook(t, func(f *excelize.File) {
		sheetRows(t, f, "Sheet1", []any{"ФИО", "Класс"}, []any{long, "3А"})
	})
	r = mustOpen(t, "list.xlsx", data)
	if rows, _ := readAll(t, r); len(rows) != 1 || rows[0].Cells[0] != long {
		t.Fatalf("XLSX: %d rows", len(rows))
	}
}

// TestRowCounter counts the row tags of a sheet written in pieces of every
// size from 1 to 9 bytes, so that tags fall across every boundary.
func TestRowCounter(t *testing.T) {
	sheet := []byte(`<sheetData><row r="1"><c/></row><rowBreaks/><row>` + "<row\n/><row/><ro" + `w r="5"/></sheetData><row`)
	for size := 1; size <= 9; size++ {
		c := &rowCounter{}
		for b := sheet; len(b) > 0; b = b[min(size, len(b)):] {
			c.Write(b[:min(size, len(b))])
		}
		if c.n != 5 {
			t.Errorf("pieces of %d bytes: %d rows, want 5", size, c.n)
		}
	}
}

// TestTemporaryFilesGoAndGo reads part of a workbook whose sheet excelize
// unpacks to a temporary file, as an import cancelled halfway does, and
// checks that the file was in the folder given and that Close removed it.
func TestTemporaryFilesGoAndGo(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, "list", listHeader(10), listRows(20_000, 10), false); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	r, err := OpenIn(dir, "list.xlsx", bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for range 10 {
		if _, err := r.Next(); err != nil {
			t.Fatal(err)
		}
	}
	var files []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, filepath.Base(path))
		}
		return nil
	})
	if len(files) == 0 {
		t.Fatal("no temporary file in the folder given while reading")
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Fatalf("Close left %v (had %v)", left, files)
	}
}
