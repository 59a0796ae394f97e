package tabular

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// listRow returns row i of a generated list of pupils, cols cells wide.
func listRow(i, cols int) []string {
	row := []string{fmt.Sprint(i), "Иванов-" + fmt.Sprint(i%977) + ", Иван", fmt.Sprintf("%02d.%02d.20%02d", 1+i%28, 1+i%12, 10+i%9),
		"Школа-гимназия № " + fmt.Sprint(i%300), "علی رضایی", "г. Алматы; ул. Абая, " + fmt.Sprint(i%150)}
	for len(row) < cols {
		row = append(row, fmt.Sprint(i*len(row)%10007))
	}
	return row[:cols]
}

func listRows(n, cols int) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		for i := 1; i <= n; i++ {
			if !yield(listRow(i, cols)) {
				return
			}
		}
	}
}

func listHeader(cols int) []string {
	h := make([]string, cols)
	for i := range h {
		h[i] = fmt.Sprintf("Колонка %d", i+1)
	}
	return h
}

// writeList writes a generated list as CSV through w.
func writeList(t testing.TB, w io.Writer, n, cols int) {
	t.Helper()
	bw := bufio.NewWriter(w)
	if err := WriteCSV(bw, listHeader(cols), listRows(n, cols)); err != nil {
		t.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
}

// TestStreamingMemory reads a 200,000-row CSV file and a 60,000-row
// workbook whose sheet excelize unpacks to a temporary file, and checks that
// the heap in use stays small, whatever the file's size.
func TestStreamingMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("generates large files")
	}
	dir := t.TempDir()
	csvFile := create(t, filepath.Join(dir, "big.csv"))
	writeList(t, csvFile, 200_000, 19)
	t.Run("csv", func(t *testing.T) { checkMemory(t, csvFile, 200_000, 19) })
	xlsxFile := create(t, filepath.Join(dir, "big.xlsx"))
	if err := WriteXLSX(xlsxFile, "list", listHeader(10), listRows(60_000, 10), false); err != nil {
		t.Fatal(err)
	}
	t.Run("xlsx", func(t *testing.T) { checkMemory(t, xlsxFile, 60_000, 10) })
}

func create(t *testing.T, path string) *os.File {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// checkMemory reads f whole, sampling the heap in use every 5,000 rows.
func checkMemory(t *testing.T, f *os.File, n, cols int) {
	const bound = 50 << 20
	st, _ := f.Stat()
	runtime.GC()
	r, err := Open(f.Name(), f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var ms runtime.MemStats
	peak, count, last := uint64(0), 0, 0
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if count++; count%5_000 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
		if row.Line <= last || len(row.Cells) != cols {
			t.Fatalf("row %d: line %d after %d, %d cells", count, row.Line, last, len(row.Cells))
		}
		last = row.Line
	}
	t.Logf("file %d MiB, peak heap in use %d MiB", st.Size()>>20, peak>>20)
	if count != n || peak > bound {
		t.Fatalf("read %d rows with a peak heap in use of %d MiB, want %d under %d MiB", count, peak>>20, n, bound>>20)
	}
}

func BenchmarkCSVRead(b *testing.B) {
	var buf bytes.Buffer
	writeList(b, &buf, 100_000, 19)
	benchRead(b, "list.csv", buf.Bytes(), 100_000)
}

func BenchmarkXLSXRead(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, "list", listHeader(19), listRows(100_000, 19), false); err != nil {
		b.Fatal(err)
	}
	benchRead(b, "list.xlsx", buf.Bytes(), 100_000)
}

func benchRead(b *testing.B, name string, data []byte, n int) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r, err := openBytes(name, data)
		if err != nil {
			b.Fatal(err)
		}
		rows, bad := readAll(b, r)
		r.Close()
		if len(rows) != n || len(bad) > 0 || !strings.HasPrefix(rows[0].Cells[1], "Иванов") {
			b.Fatalf("read %d rows, %d errors", len(rows), len(bad))
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}
