package pdfdoc

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// keep names a directory to keep the test PDFs in, to look at them:
// go test ./internal/pdfdoc -run Languages -keep DIR, then pdftoppm.
var keep = flag.String("keep", "", "directory to keep the rendered test PDFs in")

// needTool returns the path of a poppler tool, skipping the test when it
// is missing unless JOL_REQUIRE_PDFTOOLS is set.
func needTool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("JOL_REQUIRE_PDFTOOLS") != "" {
			t.Fatalf("%s is required (JOL_REQUIRE_PDFTOOLS is set) but missing: %v", name, err)
		}
		t.Skipf("%s not installed (poppler-utils); set JOL_REQUIRE_PDFTOOLS=1 to require it", name)
	}
	return path
}

var (
	testRendererOnce sync.Once
	testRenderer     *Renderer
	testRendererErr  error
)

// renderer is one Renderer shared by the tests, as the product shares one.
func renderer(t testing.TB) *Renderer {
	t.Helper()
	testRendererOnce.Do(func() { testRenderer, testRendererErr = New() })
	if testRendererErr != nil {
		t.Fatal(testRendererErr)
	}
	return testRenderer
}

// render writes docs into one PDF and returns its bytes, kept under
// -keep as name.pdf.
func render(t *testing.T, name string, docs ...Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := renderer(t).WriteAll(&buf, docs...); err != nil {
		t.Fatal(err)
	}
	if *keep != "" {
		if err := os.WriteFile(filepath.Join(*keep, name+".pdf"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// bidiControls are the embedding marks pdftotext puts around runs of
// right-to-left text and the numbers inside it.
var bidiControls = strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "")

// extract returns the text pdftotext reads from pdf, one string per
// page, normalised with NFKC so that Arabic presentation forms read as
// the letters they show, and without the bidi embedding marks.
func extract(t *testing.T, pdf []byte) []string {
	t.Helper()
	pages := strings.Split(bidiControls.Replace(norm.NFKC.String(pdftotext(t, pdf))), "\f")
	return pages[:len(pages)-1] // the text ends with a form feed
}

// pdftotext returns the text of pdf as pdftotext reads it.
func pdftotext(t *testing.T, pdf []byte) string {
	t.Helper()
	tool := needTool(t, "pdftotext")
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// inOrder reports the first of words that text does not contain after
// the words before it, or "" when all are there in order.
func inOrder(text string, words []string) string {
	for _, w := range words {
		i := strings.Index(text, w)
		if i < 0 {
			return w
		}
		text = text[i+len(w):]
	}
	return ""
}

// wordsOf splits s into words without their punctuation. pdftotext
// places the punctuation next to a number or between two right-to-left
// words in its own embedding, sometimes on the other side of a space, so
// the tests compare words in order.
func wordsOf(s string) []string {
	var words []string
	for _, f := range strings.Fields(s) {
		if f = strings.Trim(f, ".,:;!?،؛"); f != "" {
			words = append(words, f)
		}
	}
	return words
}
