package imports_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/store/storetest"
	"github.com/jolproject/jol/internal/testworld/golden"
	"github.com/xuri/excelize/v2"
)

// TestRejectedRowsReportGolden pins the report of rejected rows a school
// downloads after importing its list, as CSV and as a workbook, in
// testdata/*.golden; rewrite them with go test ./internal/imports -update.
// A workbook is compared by the cells read back, not by its zip bytes,
// which change with the library's version.
func TestRejectedRowsReportGolden(t *testing.T) {
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := newRegistry(t, db)
		_, rejected := r.run(t, "список.csv", []byte(russianList), false)
		rep, err := imports.NewReport("")
		if err != nil {
			t.Fatal(err)
		}
		defer rep.Close()
		for _, e := range rejected {
			rep.Add(e)
		}
		for _, c := range []struct {
			name   string
			locale i18n.Locale
		}{{"rejects_ru.csv", i18n.RU}, {"rejects_en.csv", i18n.EN}, {"rejects_ru.xlsx", i18n.RU}, {"rejects_fa.xlsx", i18n.FA}} {
			t.Run(c.name, func(t *testing.T) {
				var out bytes.Buffer
				if err := rep.Write(&out, c.name, cat.Localizer(c.locale)); err != nil {
					t.Fatal(err)
				}
				if bytes.HasSuffix([]byte(c.name), []byte(".csv")) {
					golden.Bytes(t, c.name, out.Bytes())
					return
				}
				golden.Table(t, c.name, sheets(t, out.Bytes()))
			})
		}
	})
}

// sheets reads a workbook back: for each sheet, a row naming it and its
// direction, then its cells.
func sheets(t *testing.T, data []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open the workbook: %v", err)
	}
	defer f.Close()
	var out [][]string
	for _, name := range f.GetSheetList() {
		view, err := f.GetSheetView(name, 0)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, []string{fmt.Sprintf("sheet %q right-to-left=%v", name, view.RightToLeft != nil && *view.RightToLeft)})
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rows...)
	}
	return out
}
