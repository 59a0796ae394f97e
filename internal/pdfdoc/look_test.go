package pdfdoc

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/jolproject/jol/internal/i18n"
)

// TestPersianIsDrawnJoined: the Persian letter's text is drawn with the
// joining forms and the lam-alef ligature (Arabic Presentation Forms in
// what pdftotext reads before normalising), not as isolated letters.
func TestPersianIsDrawnJoined(t *testing.T) {
	raw := pdftotext(t, render(t, "joined-fa", samples()[4].doc))
	forms := 0
	for _, r := range raw {
		if unicode.In(r, unicode.Arabic) && (r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF) {
			forms++
		}
	}
	if forms < 100 {
		t.Errorf("only %d joining forms in the Persian letter:\n%s", forms, raw)
	}
	if !strings.ContainsRune(raw, '\uFEFB') && !strings.ContainsRune(raw, '\uFEFC') {
		t.Errorf("no lam-alef ligature for سلام:\n%s", raw)
	}
}

// TestInkSitsOnTheReadingSide renders a short paragraph with pdftoppm and
// finds its ink: at the left margin in English, at the right margin in
// Persian.
func TestInkSitsOnTheReadingSide(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Locale
		text string
	}{{i18n.EN, "A short line."}, {i18n.FA, "یک سطر کوتاه."}} {
		doc := Document{Lang: c.lang, Blocks: []Block{Paragraph{Text: c.text}}, PageNumber: func(int, int) string { return "" }}
		left, right := inkSpan(t, render(t, "ink-"+string(c.lang), doc))
		atLeft, atRight := near(left, margin), near(right, pageW-margin)
		if rtl := c.lang == i18n.FA; atLeft == rtl || atRight != rtl {
			t.Errorf("%s: ink from %.1f to %.1f mm; want it against the %s margin", c.lang, left, right, map[bool]string{false: "left", true: "right"}[rtl])
		}
	}
}

func near(a, b float64) bool { return a > b-1.5 && a < b+1.5 }

// inkSpan rasterises the first page of pdf with pdftoppm and returns the
// leftmost and rightmost dark columns, in millimetres.
func inkSpan(t *testing.T, pdf []byte) (left, right float64) {
	t.Helper()
	tool := needTool(t, "pdftoppm")
	dir := t.TempDir()
	file := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	const dpi = 150
	if out, err := exec.Command(tool, "-png", "-gray", "-r", "150", "-singlefile", file, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	first, last := -1, -1
	b := img.Bounds()
	for x := b.Min.X; x < b.Max.X; x++ {
		if dark(img, x) {
			if first < 0 {
				first = x
			}
			last = x
		}
	}
	if first < 0 {
		t.Fatal("the page is blank")
	}
	px := 25.4 / dpi
	return float64(first) * px, float64(last+1) * px
}

func dark(img image.Image, x int) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
			return true
		}
	}
	return false
}
