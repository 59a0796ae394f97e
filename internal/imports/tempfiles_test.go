package imports_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/tabular"
)

// TestImportsLeaveNoTemporaryFiles uploads and runs a workbook large
// enough for excelize to unpack its sheet to a temporary file, and one
// whose row 500 is wider than the cap, so that the run fails, and checks that the
// temporary folder is empty after each.
func TestImportsLeaveNoTemporaryFiles(t *testing.T) {
	eachEngine(t, func(t *testing.T, w *web) {
		w.svc.TempDir = t.TempDir()
		header := strings.Split(strings.SplitN(russianList, "\n", 2)[0], ";")
		book := func(n int, wide int) []byte {
			var b bytes.Buffer
			rows := func(yield func([]string) bool) {
				for i := 1; i <= n; i++ {
					// a long patronymic makes the sheet larger than excelize keeps in memory
					row := []string{fmt.Sprintf("Иванов-%d", i), "Иван", strings.Repeat("ұлы", 200), "12.02.2013", "М", "", "Алматы", "7"}
					if i == wide {
						row = append(row, make([]string, tabular.MaxColumns)...)
						row[len(row)-1] = "x"
					}
					if !yield(row) {
						return
					}
				}
			}
			if err := tabular.WriteXLSX(&b, "list", header, rows, false); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}
		empty := func(when string) {
			t.Helper()
			if left, _ := os.ReadDir(w.svc.TempDir); len(left) > 0 {
				t.Fatalf("%s: temporary files left behind: %v", when, left)
			}
		}
		good := w.save(t, "list.xlsx", book(2_000, 0))
		empty("after the upload")
		bad := w.save(t, "bad.xlsx", book(2_000, 500))
		var done, failed = must(w.svc.Start(ctx, w.operator, good.ID, nil, true)), must(w.svc.Start(ctx, w.operator, bad.ID, nil, true))
		w.work(t, func() {
			done, failed = w.wait(t, done), w.wait(t, failed)
		})
		if done.Status != jobs.Done || done.Result.Read != 2_000 {
			t.Fatalf("the run: %s %s, %s", done.Status, done.ErrorKey, done.Result.Line())
		}
		if failed.ErrorKey != tabular.KeyTooManyColumns || fmt.Sprint(failed.ErrorArgs[1]) != "501" {
			t.Fatalf("the run of a row too wide: %s %s %v", failed.Status, failed.ErrorKey, failed.ErrorArgs)
		}
		empty("after the runs")
	})
}
