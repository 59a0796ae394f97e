package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestManyLettersFromSharedFontsReadRight writes a run of letters in the
// five languages in turn, each to a file of its own, from one Renderer on
// two goroutines — the cut fonts parsed once and shared — and reads every
// letter back: its own sponsor and reference number, and its sample's
// words in order. Then the same letters in one file, page by page.
func TestManyLettersFromSharedFontsReadRight(t *testing.T) {
	const n = 40
	r := renderer(t)
	docs := letters(n)
	pdfs := make([][]byte, n)
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Go(func() {
			for i := g; i < n; i += 2 {
				var buf bytes.Buffer
				if err := r.Write(&buf, docs[i]); err != nil {
					t.Error(err)
					return
				}
				pdfs[i] = buf.Bytes()
			}
		})
	}
	wg.Wait()
	base := samples()
	want := func(i int) []string {
		s := base[i%len(base)]
		ref := s.lang.Digits(fmt.Sprintf("JOL-2026-%05d", i+1))
		return append([]string{sponsorName(s.lang), ref}, s.words[len(s.words)-6:]...)
	}
	for i, pdf := range pdfs {
		if pdf == nil {
			t.Fatalf("letter %d was not written", i+1)
		}
		pages := extract(t, pdf)
		if len(pages) != 1 {
			t.Errorf("letter %d (%s): %d pages", i+1, docs[i].Lang, len(pages))
			continue
		}
		if w := inOrder(pages[0], want(i)); w != "" {
			t.Errorf("letter %d (%s): %q missing or out of order in:\n%s", i+1, docs[i].Lang, w, pages[0])
		}
	}
	pages := extract(t, render(t, "many-letters", docs...))
	if len(pages) != n {
		t.Fatalf("%d letters in one file took %d pages", n, len(pages))
	}
	for i, p := range pages {
		if w := inOrder(p, want(i)); w != "" {
			t.Errorf("page %d (%s): %q missing or out of order in:\n%s", i+1, docs[i].Lang, w, p)
		}
	}
}

// TestJolsLanguagesUseTheCutFonts: a letter in any of the five languages
// is drawn with the narrowest cut fonts for its script, which is what
// keeps a letter run fast; a file of letters in both scripts, with the
// cut fonts of all Jol's scripts.
func TestJolsLanguagesUseTheCutFonts(t *testing.T) {
	r := renderer(t)
	for _, d := range letters(5) {
		fs := r.fontsFor(d)[0]
		if fs == &r.common || fs == &r.full {
			t.Errorf("%s: drawn first with more than its script", d.Lang)
		}
		if _, err := r.draw([]Document{d}, fs); err != nil {
			t.Errorf("%s: %v", d.Lang, err)
		}
	}
	mixed := letters(5)
	if _, err := r.draw(mixed, r.fontsFor(mixed[0])[0]); !errors.Is(err, errBeyondSet) {
		t.Errorf("Kazakh then Persian drawn with the Cyrillic fonts: %v", err)
	}
	if got, want := render(t, "mixed", mixed...), output(t, r, mixed, &r.common); !bytes.Equal(got, want) {
		t.Error("Kazakh then Persian are not drawn with the fonts of all Jol's scripts")
	}
}

// output is the file docs make drawn with the fonts of fs.
func output(t *testing.T, r *Renderer, docs []Document, fs *fontSet) []byte {
	t.Helper()
	pdf, err := r.draw(docs, fs)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCharacterBeyondTheCutFontsIsDrawnWithTheWholeFonts: a name in
// Georgian, which DejaVu Sans has but the cut fonts leave out, makes the
// whole file — here a Persian letter and the one naming it — be drawn
// with the whole fonts, and reads back.
func TestCharacterBeyondTheCutFontsIsDrawnWithTheWholeFonts(t *testing.T) {
	r := renderer(t)
	const georgian = "ნინო ბერიძე"
	for _, c := range georgian {
		if c != ' ' && r.regular.drawable(c) != c {
			t.Fatalf("the font lacks %q: pick another script", c)
		}
	}
	docs := letters(5)[3:] // French, Persian
	docs[0].Blocks = append(docs[0].Blocks, Paragraph{Text: "Merci, " + georgian + " !"})
	if _, err := r.draw(docs, &r.common); !errors.Is(err, errBeyondSet) {
		t.Fatalf("drawn with the cut fonts: %v", err)
	}
	got := render(t, "beyond-cut", docs...)
	if !bytes.Equal(got, output(t, r, docs, &r.full)) {
		t.Error("the file is not the one drawn with the whole fonts")
	}
	pages := extract(t, got)
	if len(pages) != 2 || !strings.Contains(pages[0], georgian) || inOrder(pages[1], samples()[4].words) != "" {
		t.Errorf("the two letters do not read back:\n%s", strings.Join(pages, "\n\f\n"))
	}
}

// TestCutFontsLookLikeTheWholeOnes rasterises each language's letter
// drawn with the cut fonts for its script, with those of all Jol's
// scripts and with the whole ones: the pages are the same pixel for
// pixel, so no glyph went missing in the cut.
func TestCutFontsLookLikeTheWholeOnes(t *testing.T) {
	r := renderer(t)
	for _, s := range samples() {
		docs := []Document{s.doc}
		want := rasterise(t, output(t, r, docs, &r.full))
		for _, fs := range []*fontSet{r.fontsFor(s.doc)[0], &r.common} {
			if !bytes.Equal(rasterise(t, output(t, r, docs, fs)), want) {
				t.Errorf("%s: the letter looks different drawn with the cut fonts", s.lang)
			}
		}
	}
}

// rasterise returns the first page of pdf as pdftoppm draws it, a PNG.
func rasterise(t *testing.T, pdf []byte) []byte {
	t.Helper()
	tool := needTool(t, "pdftoppm")
	dir := t.TempDir()
	file := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(tool, "-png", "-gray", "-r", "100", "-singlefile", file, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	png, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	return png
}
