package tabular

import (
	"bytes"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

var (
	reportHeader = []string{"Строка", "ФИО", "نام", "Ошибка"}
	reportRows   = [][]string{
		{"2", "Иванов, Иван", "علی", "нет \"даты\""},
		{"3", "Сидорова\nАлёна", "", "=HYPERLINK(\"http://x\")"},
		{"4", "+7 (701) 123-45-67", "-2+3+cmd|' /C calc'!A0", "@SUM(1)"},
	}
)

func TestWriteCSVRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, reportHeader, slices.Values(reportRows)); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeffСтрока,")) || !bytes.Contains(buf.Bytes(), []byte("\r\n")) {
		t.Fatalf("not UTF-8 with a BOM, commas and CRLF: %q", buf.Bytes()[:20])
	}
	r := mustOpen(t, "report.csv", buf.Bytes())
	rows, bad := readAll(t, r)
	want := slices.Clone(reportRows)
	want[1] = []string{"3", "Сидорова\nАлёна", "", "'=HYPERLINK(\"http://x\")"}
	want[2] = []string{"4", "+7 (701) 123-45-67", "'-2+3+cmd|' /C calc'!A0", "'@SUM(1)"}
	if info := r.Info(); info.Encoding != "utf-8-bom" || info.Separator != ',' || len(bad) > 0 ||
		!reflect.DeepEqual(r.Header(), reportHeader) || !reflect.DeepEqual(cellsOf(rows), want) {
		t.Fatalf("%+v %q %q %v", info, r.Header(), cellsOf(rows), bad)
	}
}

func TestWriteXLSXRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, "Отклонённые: [2025/26]", reportHeader, slices.Values(reportRows), true); err != nil {
		t.Fatal(err)
	}
	r := mustOpen(t, "report.xlsx", buf.Bytes())
	rows, _ := readAll(t, r)
	if r.Info().Sheet != "Отклонённые_ _2025_26_" || !reflect.DeepEqual(r.Header(), reportHeader) ||
		!reflect.DeepEqual(cellsOf(rows), reportRows) || rows[2].Line != 4 || rows[2].Formulas != nil {
		t.Fatalf("sheet %q header %q rows %+v", r.Info().Sheet, r.Header(), rows)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := r.Info().Sheet
	view, _ := f.GetSheetView(sheet, 0)
	style, _ := f.GetCellStyle(sheet, "A1")
	font, _ := f.GetStyle(style)
	width, _ := f.GetColWidth(sheet, "B")
	if view.RightToLeft == nil || !*view.RightToLeft || font.Font == nil || !font.Font.Bold || width < 16 {
		t.Fatalf("view %+v, font %+v, width of B %v", view, font.Font, width)
	}
}

func TestSheetName(t *testing.T) {
	tests := map[string]string{
		"":                     "Sheet1",
		"'Отклонённые строки'": "Отклонённые строки",
		"a/b\\c?d*e:f[g]":      "a_b_c_d_e_f_g_",
		strings.Repeat("ردیف\u200cهای رد", 4): "ردیف\u200cهای ردردیف\u200cهای ردردیف\u200cهای",
	}
	for in, want := range tests {
		if got := sheetName(in); got != want || utf8.RuneCountInString(got) > 31 {
			t.Errorf("sheetName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormulaLike(t *testing.T) {
	for s, want := range map[string]bool{
		"": false, "Иванов": false, "-5": false, "+7 (701) 123-45-67": false, "1,5": false,
		"=1+2": true, "@SUM(A1)": true, "\tx": true, "+A1": true, "-2+3+cmd|' /C calc'!A0": true,
	} {
		if formulaLike(s) != want {
			t.Errorf("formulaLike(%q) = %v", s, !want)
		}
	}
	if rows := [][]string{}; WriteCSV(io.Discard, []string{"=a"}, slices.Values(rows)) != nil {
		t.Fatal("WriteCSV with no rows failed")
	}
}
