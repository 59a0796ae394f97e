package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestXLSXRows(t *testing.T) {
	data := workbook(t, func(f *excelize.File) {
		sheetRows(t, f, "Sheet1", []any{"ФИО", "Дата", "Сумма", "Итог"}, []any{"Иванов", nil, 1234.5})
		f.SetCellValue("Sheet1", "F5", "за шапкой")
		date, num := "dd.mm.yyyy", "#,##0.00"
		dateStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &date})
		numStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &num})
		builtinDate, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellValue("Sheet1", "B2", time.Date(2015, 2, 1, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle("Sheet1", "B2", "B2", dateStyle)
		f.SetCellStyle("Sheet1", "C2", "C2", numStyle)
		f.SetCellValue("Sheet1", "B5", 42035) // 2015-01-31 as Excel stores it
		f.SetCellStyle("Sheet1", "B5", "B5", builtinDate)
		f.SetCellValue("Sheet1", "D2", 2469) // the value Excel last computed
		f.SetCellFormula("Sheet1", "D2", "C2*2")
		f.SetCellFormula("Sheet1", "D3", "D2+1") // no value: a blank row
		f.SetCellValue("Sheet1", "A5", "Петров")
		f.SetCellValue("Sheet1", "E5", 7)
		f.SetCellFormula("Sheet1", "E5", "3+4")
		f.SetCellFormula("Sheet1", "G5", "1/0") // beyond the header and empty
	})
	r := mustOpen(t, "list.xlsx", data)
	if got := r.Info(); got != (Info{Format: "xlsx", Sheet: "Sheet1"}) {
		t.Fatalf("Info = %+v", got)
	}
	rows, bad := readAll(t, r)
	want := []Row{
		{Line: 2, Cells: []string{"Иванов", "01.02.2015", "1,234.50", "2469"}, Formulas: []int{3}},
		{Line: 5, Cells: []string{"Петров", "2015-01-31", "", "", "7", "за шапкой"}, Formulas: []int{4}},
	}
	if len(bad) > 0 || !reflect.DeepEqual(rows, want) {
		t.Fatalf("rows %+v (errors %v)\nwant %+v", rows, bad, want)
	}
}

func TestXLSXSheetChoice(t *testing.T) {
	data := workbook(t, func(f *excelize.File) {
		sheetRows(t, f, "Sheet1", []any{"hidden"}, []any{"x"})
		f.NewSheet("Пусто")
		f.NewSheet("Список")
		sheetRows(t, f, "Список", []any{nil}, []any{"ФИО", "Класс"}, []any{"Иванов", "3А"})
		f.SetActiveSheet(2)
		if err := f.SetSheetVisible("Sheet1", false); err != nil {
			t.Fatal(err)
		}
	})
	path := filepath.Join(t.TempDir(), "list.xlsx")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	file, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	os.Remove(path) // an unlinked upload: read through a temporary copy
	r, err := Open(path, file, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	rows, _ := readAll(t, r)
	if r.Info().Sheet != "Список" || len(rows) != 1 || rows[0].Line != 3 || rows[0].Cells[1] != "3А" {
		t.Fatalf("sheet %q rows %+v", r.Info().Sheet, rows)
	}
}

func TestXLSXFailures(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty workbook", workbook(t, func(*excelize.File) {}), ErrEmpty},
		{"duplicated header", workbook(t, func(f *excelize.File) {
			sheetRows(t, f, "Sheet1", []any{"ИИН", "Имя", "иин"})
		}), ErrDuplicateHeader},
		{"bomb", rawZip(t, map[string]uint64{"xl/workbook.xml": 1, "xl/worksheets/sheet1.xml": 3 << 30}), ErrTooLarge},
		{"memory bomb", rawZip(t, map[string]uint64{"xl/workbook.xml": 1, "xl/styles.xml": 300 << 20}), ErrTooLarge},
		{"no workbook", rawZip(t, map[string]uint64{"word/document.xml": 1}), ErrFormat},
		{"sheet shorter than declared", truncatedSheet(t), ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := openBytes("list.xlsx", tt.data)
			if key, _ := keyOf(err); !errors.Is(err, tt.want) || key == "" {
				t.Fatalf("Open = %v, want %v", err, tt.want)
			}
		})
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
}

// truncatedSheet is a sound workbook but for its sheet, which declares more
// than the size excelize keeps in memory and holds one byte.
func truncatedSheet(t *testing.T) []byte {
	good := workbook(t, func(f *excelize.File) { sheetRows(t, f, "Sheet1", []any{"a"}) })
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			w, _ := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Store,
				CompressedSize64: 1, UncompressedSize64: maxXMLInMemory + 1})
			w.Write([]byte("<"))
		} else if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	return buf.Bytes()
}

// TestLargeSharedStrings reads a workbook whose shared strings, rich text
// among them, are larger than excelize keeps in memory, so that it looks
// them up in a temporary file.
func TestLargeSharedStrings(t *testing.T) {
	const n = 40_000
	data := workbook(t, func(f *excelize.File) {
		sheetRows(t, f, "Sheet1", []any{"ФИО", "Класс"})
		for i := 2; i <= n+1; i++ {
			f.SetCellValue("Sheet1", fmt.Sprintf("A%d", i), fmt.Sprintf("Ученик номер %d из списка школы", i))
		}
		f.SetCellRichText("Sheet1", "B3", []excelize.RichTextRun{{Text: "3"}, {Text: "А", Font: &excelize.Font{Bold: true}}})
	})
	r := mustOpen(t, "list.xlsx", data)
	rows, bad := readAll(t, r)
	if len(bad) > 0 || len(rows) != n || rows[n-1].Cells[0] != fmt.Sprintf("Ученик номер %d из списка школы", n+1) ||
		len(rows[1].Cells) != 2 || rows[1].Cells[1] != "3А" {
		t.Fatalf("%d rows, %v; row 3 %q", len(rows), bad, rows[1].Cells)
	}
}
