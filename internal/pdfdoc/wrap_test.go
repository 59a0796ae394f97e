package pdfdoc

import (
	"math"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/jolproject/jol/internal/i18n"
)

// longPersian is a paragraph many lines long, with a Latin reference and
// digits inside it.
var longPersian = strings.Repeat("امسال با یاری شما ۳۵۰۰ کودک با کوله\u200cپشتی و لوازم\u200cالتحریر تازه به مدرسه رفتند و کد پیگیری JOL-2026-17 برای گزارش نهایی ثبت شد. ", 6) +
	"سپاس از همه حامیان و داوطلبان که این راه را هموار کردند."

func TestLongPersianParagraphWrapsKeepingWordsInOrder(t *testing.T) {
	doc := Document{Lang: i18n.FA, Blocks: []Block{Paragraph{Text: longPersian}}}
	text := extract(t, render(t, "wrap-fa", doc))[0]
	lines := 0
	for l := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(l) != "" {
			lines++
		}
	}
	if lines < 6 { // five lines of text and the page number at least
		t.Errorf("the paragraph took %d lines with the footer; it should wrap:\n%s", lines, text)
	}
	flat := strings.Join(strings.Fields(text), " ")
	if w := inOrder(flat, wordsOf(longPersian)); w != "" {
		t.Errorf("%q missing or out of order in:\n%s", w, text)
	}
	if got, want := strings.Count(flat, "JOL-2026-17"), 6; got != want {
		t.Errorf("the reference appears %d times, want %d:\n%s", got, want, text)
	}
}

// TestLinesFitAndMatchFpdfWidths checks the layout against the page and
// against fpdf: every wrapped line is no wider than the space given, and
// each segment is as wide for fpdf, which places the characters, as for
// the shaper, which measured them — otherwise right-aligned Persian would
// stick out or fall short of the margin, and runs would overlap.
func TestLinesFitAndMatchFpdfWidths(t *testing.T) {
	r := renderer(t)
	sh := newShaper(r.regular, r.bold, nil)
	// fpdf measures with the fonts it embeds: the whole ones, and the
	// copies cut down to Jol's scripts.
	whole, cut := fpdf.New("P", "mm", "A4", ""), fpdf.New("P", "mm", "A4", "")
	for pdf, fs := range map[*fpdf.Fpdf]*fontSet{whole: &r.full, cut: &r.common} {
		pdf.AddUTF8FontFromBytes(family, r.regular.style, fs.regular)
		pdf.AddUTF8FontFromBytes(family, r.bold.style, fs.bold)
		pdf.AddPage()
	}
	const size, avail = 11.0, 120.0
	texts := map[string]string{"fa": longPersian, "kk": strings.Repeat(samples()[0].doc.Blocks[1].(Paragraph).Text+" ", 3),
		"fr": strings.Repeat(samples()[3].doc.Blocks[1].(Paragraph).Text+" ", 3),
		// Characters the fonts lack, a tab, invalid UTF-8.
		"en": strings.Repeat("before 中文 😀 \xff\tafter ", 12)}
	for lang, text := range texts {
		for _, bold := range []bool{false, true} {
			ls := sh.lines(text, lang, lang == "fa", bold, avail/(size*ptToMM))
			if len(ls) < 3 {
				t.Errorf("%s: %d lines, want the text wrapped", lang, len(ls))
			}
			for i, l := range ls {
				if w := l.width * size * ptToMM; w > avail+0.01 {
					t.Errorf("%s line %d is %.2f mm wide, more than %v", lang, i, w, avail)
				}
				for _, s := range l.segs {
					if !r.common.draws(s.text) {
						t.Errorf("%s: the cut fonts lack a character of %q", lang, s.text)
					}
					for _, pdf := range []*fpdf.Fpdf{whole, cut} {
						pdf.SetFont(family, s.face.style, size)
						// fpdf rounds advances to thousandths of an em.
						if got, want := pdf.GetStringWidth(s.text), s.width*size*ptToMM; math.Abs(got-want) > 0.0005*want+0.005 {
							t.Errorf("%s bold=%v cut=%v: fpdf measures %q %.3f mm, the shaper %.3f mm", lang, bold, pdf == cut, s.text, got, want)
						}
					}
				}
			}
		}
	}
}
