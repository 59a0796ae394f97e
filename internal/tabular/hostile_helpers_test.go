package tabular

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
)

// The hostile files below are generated in the test, streamed through
// deflate into a temporary folder: each packs to a few MB at most, so the
// test itself stays small in memory.

// packed is one deflated XML part: its name, its packed bytes in a file, its
// unpacked size and checksum, and the unpacked size its zip header declares
// (the true one unless a test lies).
type packed struct {
	name     string
	path     string
	size     uint64
	declared uint64
	crc      uint32
}

// pack deflates what write writes into a file of dir.
func pack(t testing.TB, dir, name string, write func(w *bufio.Writer)) packed {
	t.Helper()
	f, err := os.CreateTemp(dir, "part-*")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fw, _ := flate.NewWriter(f, flate.BestSpeed)
	sum := crc32.NewIEEE()
	cw := &countWriter{w: io.MultiWriter(fw, sum)}
	bw := bufio.NewWriterSize(cw, 1<<20)
	write(bw)
	if err := errors.Join(bw.Flush(), fw.Close()); err != nil {
		t.Fatal(err)
	}
	return packed{name: name, path: f.Name(), size: cw.n, declared: cw.n, crc: sum.Sum32()}
}

type countWriter struct {
	w io.Writer
	n uint64
}

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += uint64(len(p))
	return c.w.Write(p)
}

// hostileBook writes a workbook of one sheet around the parts given (the
// sheet, and the shared strings if any) and returns its path.
func hostileBook(t testing.TB, dir string, parts ...packed) string {
	t.Helper()
	small := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
	}
	f, err := os.CreateTemp(dir, "hostile-*.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		w, _ := zw.Create(name)
		io.WriteString(w, small[name])
	}
	for _, p := range parts {
		data, err := os.Open(p.path)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := data.Stat()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc,
			CompressedSize64: uint64(st.Size()), UncompressedSize64: p.declared})
		if err == nil {
			_, err = io.Copy(w, data)
		}
		data.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return f.Name()
}

// sheetXML writes a worksheet whose sheet data body writes.
func sheetXML(body func(w *bufio.Writer)) func(w *bufio.Writer) {
	return func(w *bufio.Writer) {
		w.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		body(w)
		w.WriteString(`</sheetData></worksheet>`)
	}
}

// repeat writes s n times.
func repeat(w *bufio.Writer, s string, n int) {
	for range n {
		w.WriteString(s)
	}
}

// lessPacked writes n letters that deflate packs some 50 times, less than
// MaxRatio: a letter drawn at random, then a run of the same.
func lessPacked(w *bufio.Writer, n int) {
	rng := rand.New(rand.NewPCG(1, 2))
	run := strings.Repeat("a", 200)
	for i := 0; i < n; i += 201 {
		w.WriteByte(byte('b' + rng.IntN(24)))
		w.WriteString(run)
	}
}

// readBudget is the memory a reader may use, whatever the file holds.
const readBudget = 96 << 20

// refuse opens and reads the file at path to its end and checks it is
// refused with the i18n key want, while the heap it allocates stays within
// readBudget. It returns the arguments of the error.
func refuse(t *testing.T, path, want string) []any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	var key string
	var args []any
	start := time.Now()
	peak := heapPeak(func() {
		r, err := Open(path, f, st.Size())
		if err == nil {
			for err == nil {
				_, err = r.Next()
			}
			r.Close()
		}
		key, args = keyOf(err)
		if key == "" {
			t.Errorf("read %s: %v, want a refusal", filepath.Base(path), err)
		}
	})
	t.Logf("%s: %d KiB refused in %v with %s %v; heap grew by %d MiB at most",
		filepath.Base(path), st.Size()>>10, time.Since(start).Round(time.Millisecond), key, args, peak>>20)
	if key != want || peak > readBudget {
		t.Fatalf("refused with %q, heap grew by %d MiB; want %q within %d MiB", key, peak>>20, want, readBudget>>20)
	}
	return args
}

// heapPeak runs fn and returns by how much the heap's live objects grew
// over the heap before it, at most, sampling them as fn runs.
func heapPeak(fn func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	fn()
	close(done)
	wg.Wait()
	peak = max(peak, read())
	if peak < base {
		return 0
	}
	return peak - base
}
