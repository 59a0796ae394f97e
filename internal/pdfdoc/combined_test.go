package pdfdoc

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/i18n"
)

func TestWriteAllStartsEachDocumentOnANewPageAndNumbersItsPages(t *testing.T) {
	all := samples()
	fa := report(i18n.FA, reportText[i18n.FA])
	fa.PageNumber = func(page, pages int) string {
		return "صفحه " + i18n.FA.Digits(strconv.Itoa(page)) + " از " + i18n.FA.Digits(strconv.Itoa(pages))
	}
	docs := []Document{all[2].doc, fa, all[0].doc}
	pages := extract(t, render(t, "combined", docs...))
	if len(pages) != 5 {
		t.Fatalf("got %d pages, want 1 + 3 + 1", len(pages))
	}
	want := []struct {
		first string // the first words of the page
		label string // the page number, spaces left out
	}{
		{"Karaganda Region Education Department", "1/1"},
		{"اداره آموزش و پرورش", "صفحه۱از۳"},
		{"منطقه", "صفحه۲از۳"},
		{"با سپاس از همه", "صفحه۳از۳"},
		{"Қарағанды облысының", "1/1"},
	}
	for i, w := range want {
		p := strings.TrimSpace(pages[i])
		if !strings.HasPrefix(p, w.first) {
			t.Errorf("page %d starts %.40q, want %q", i+1, p, w.first)
		}
		if !strings.Contains(strings.ReplaceAll(p, " ", ""), w.label) {
			t.Errorf("page %d lacks its number %q:\n%s", i+1, w.label, p)
		}
	}
}

func TestSameDocumentSameBytes(t *testing.T) {
	doc := samples()[4].doc
	a, b := render(t, "same-a", doc), render(t, "same-b", doc)
	if !bytes.Equal(a, b) {
		t.Error("one document with a creation date gave two different files")
	}
}

func TestWriteAllRefusesNothing(t *testing.T) {
	if err := renderer(t).WriteAll(&bytes.Buffer{}); err == nil {
		t.Error("no documents gave no error")
	}
}

// TestBenchmarkLettersTakeOnePageEach keeps the benchmark honest: its
// letters are the one-page letters it claims.
func TestBenchmarkLettersTakeOnePageEach(t *testing.T) {
	docs := letters(5)
	pages := extract(t, render(t, "bench-letters", docs...))
	if len(pages) != len(docs) {
		t.Errorf("%d letters took %d pages", len(docs), len(pages))
	}
}

// TestConcurrentWritesAgree: one Renderer shared by several goroutines
// (run with -race) writes the same bytes as one at a time.
func TestConcurrentWritesAgree(t *testing.T) {
	r := renderer(t)
	docs := letters(10)
	want := make([][]byte, len(docs))
	for i, d := range docs {
		var buf bytes.Buffer
		if err := r.Write(&buf, d); err != nil {
			t.Fatal(err)
		}
		want[i] = buf.Bytes()
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, d := range docs {
				var buf bytes.Buffer
				if err := r.Write(&buf, d); err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(buf.Bytes(), want[i]) {
					t.Errorf("letter %d came out different when written concurrently", i)
				}
			}
		})
	}
	wg.Wait()
}
