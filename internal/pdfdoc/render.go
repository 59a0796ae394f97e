package pdfdoc

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
)

// Renderer writes Documents as PDF. It holds the embedded fonts, parsed
// once, and copies of them cut down to the scripts Jol writes (see
// fontset.go): make one per process and share it. It is safe for
// concurrent use.
type Renderer struct {
	regular, bold *face
	// The faces as fpdf gets them: cut down to Latin with Cyrillic, to
	// Latin with Arabic, to all three, and whole.
	cyrillic, arabic, common, full fontSet
	shapers                        sync.Pool // of *shaper
}

// New parses the embedded fonts, cuts their copies and returns a
// Renderer.
func New() (*Renderer, error) {
	regular, err := parseFace(regularTTF, "")
	if err != nil {
		return nil, err
	}
	bold, err := parseFace(boldTTF, "B")
	if err != nil {
		return nil, err
	}
	if regular.upem != bold.upem {
		// Runs of both faces share one line wrapper, which adds their
		// advances as they come.
		return nil, fmt.Errorf("pdfdoc: fonts differ in units per em (%v, %v)", regular.upem, bold.upem)
	}
	r := &Renderer{regular: regular, bold: bold, full: fullSet(regular, bold)}
	for _, c := range []struct {
		set   *fontSet
		chars *unicode.RangeTable
	}{
		{&r.cyrillic, chars(baseChars, cyrillicChars)},
		{&r.arabic, chars(baseChars, arabicChars)},
		{&r.common, chars(baseChars, cyrillicChars, arabicChars)},
	} {
		if *c.set, err = cutSet(regular, bold, c.chars); err != nil {
			return nil, err
		}
	}
	cache := newLayoutCache()
	r.shapers.New = func() any { return newShaper(regular, bold, cache) }
	return r, nil
}

// Write writes doc as one PDF file to out.
func (r *Renderer) Write(out io.Writer, doc Document) error {
	return r.WriteAll(out, doc)
}

// WriteAll writes docs into one PDF file, for printing: each document
// starts on a new page and numbers its pages from one. The file's title,
// language and date are the first document's.
func (r *Renderer) WriteAll(out io.Writer, docs ...Document) (err error) {
	// fpdf panics on some input it does not expect; a letter run must get
	// an error for one document, not lose the process.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pdfdoc: %v", p)
		}
	}()
	if len(docs) == 0 {
		return fmt.Errorf("pdfdoc: no documents to write")
	}
	var pdf *fpdf.Fpdf
	for _, fs := range r.fontsFor(docs[0]) {
		if pdf, err = r.draw(docs, fs); !errors.Is(err, errBeyondSet) {
			break
		}
	}
	if err != nil {
		return err
	}
	if err := pdf.Output(out); err != nil {
		return fmt.Errorf("pdfdoc: write: %w", err)
	}
	return nil
}

// errBeyondSet says a document drew a character its font set lacks.
var errBeyondSet = errors.New("pdfdoc: a character outside the font set")

// draw draws docs onto the pages of a new PDF with the fonts of fs, or
// returns errBeyondSet when fs cannot draw one of their characters.
func (r *Renderer) draw(docs []Document, fs *fontSet) (*fpdf.Fpdf, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(margin, margin, margin)
	pdf.AddUTF8FontFromBytes(family, r.regular.style, fs.regular)
	pdf.AddUTF8FontFromBytes(family, r.bold.style, fs.bold)
	pdf.SetTitle(docs[0].Title, true)
	if docs[0].Lang != "" {
		pdf.SetLang(string(docs[0].Lang)) // for screen readers and search
	}
	pdf.SetCreator("Jol", true)
	pdf.SetCatalogSort(true) // the same document gives the same bytes
	if !docs[0].Created.IsZero() {
		pdf.SetCreationDate(docs[0].Created)
		pdf.SetModificationDate(docs[0].Created)
	}
	sh := r.shapers.Get().(*shaper)
	for i := range docs {
		w := &writer{pdf: pdf, sh: sh, fonts: fs, doc: &docs[i], rtl: docs[i].Lang.Dir() == "rtl"}
		w.render()
		switch {
		case w.err != nil:
			return nil, fmt.Errorf("pdfdoc: document %d: %w", i+1, w.err)
		case pdf.Error() != nil:
			return nil, fmt.Errorf("pdfdoc: document %d: %w", i+1, pdf.Error())
		case w.beyond:
			r.shapers.Put(sh)
			return nil, errBeyondSet
		}
	}
	// Not deferred: after a panic the shaper's buffers may be half written.
	r.shapers.Put(sh)
	return pdf, nil
}

// The page: A4 in millimetres, the same margin on every side, the footer
// in the bottom margin.
const (
	pageW, pageH = 210.0, 297.0
	margin       = 20.0
	contentW     = pageW - 2*margin
	bottom       = pageH - margin // content ends here
	footerLine   = pageH - 12.0   // baseline of the footer
	ptToMM       = 25.4 / 72
)

// writer draws one document onto the pages of a PDF.
type writer struct {
	pdf   *fpdf.Fpdf
	sh    *shaper
	fonts *fontSet // the faces fpdf draws with
	doc   *Document
	rtl   bool
	y     float64 // top of the next thing to draw
	pages []int   // this document's pages in the PDF
	err   error   // the first block that could not be drawn
	// beyond is set when the document drew a character its font set
	// lacks; it is drawn again with the whole faces.
	beyond bool
	font   struct {
		face *face
		size float64
	}
}

func (w *writer) render() {
	w.newPage()
	if w.doc.Letterhead != nil {
		w.letterhead(*w.doc.Letterhead)
	}
	for _, b := range w.doc.Blocks {
		b.draw(w)
	}
	w.footers()
}

// fail records the first error of a block, which WriteAll returns.
func (w *writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *writer) newPage() {
	w.pdf.AddPage()
	w.pages = append(w.pages, w.pdf.PageNo())
	w.y = margin
	w.font.face = nil // a new page has no font set yet
}

// room starts a new page unless h millimetres still fit on this one.
func (w *writer) room(h float64) {
	if w.y+h > bottom && w.y > margin {
		w.newPage()
	}
}

// footers draws the footer on each of the document's pages, now that
// their number is known.
func (w *writer) footers() {
	label := w.doc.PageNumber
	if label == nil {
		label = func(page, pages int) string {
			return w.doc.Lang.Digits(strconv.Itoa(page) + " / " + strconv.Itoa(pages))
		}
	}
	for i, p := range w.pages {
		w.pdf.SetPage(p)
		w.font.face = nil
		w.pdf.SetTextColor(90, 90, 90)
		if w.doc.Footer != "" {
			// The footer's line keeps the end quarter for the page number.
			left := margin
			if w.rtl {
				left = margin + contentW/4
			}
			w.single(w.doc.Footer, small, false, Start, left, contentW*3/4, footerLine)
		}
		if n := label(i+1, len(w.pages)); n != "" {
			w.single(n, small, false, End, margin, contentW, footerLine)
		}
		w.pdf.SetTextColor(0, 0, 0)
	}
	w.pdf.SetPage(w.pages[len(w.pages)-1])
}
