package pdfdoc

import (
	"fmt"
	"testing"

	"github.com/jolproject/jol/internal/i18n"
)

// letters returns n thank-you letters like the ones a campaign sends, in
// the five languages in turn, each to another sponsor.
func letters(n int) []Document {
	base := samples()
	docs := make([]Document, n)
	for i := range docs {
		s := base[i%len(base)]
		d := s.doc
		d.Footer = d.Letterhead.Name
		body := d.Blocks[1].(Paragraph).Text
		d.Blocks = []Block{
			d.Blocks[0],
			Paragraph{Text: fmt.Sprintf("%s — %d", sponsorName(s.lang), i+1)},
			Paragraph{Text: body},
			KeyValues{{Key: "№", Value: s.lang.Digits(fmt.Sprintf("JOL-2026-%05d", i+1))}, {Key: "Σ", Value: s.lang.Number(int64(50000+i)) + " KZT"}},
			Paragraph{Text: body},
			d.Blocks[2],
		}
		docs[i] = d
	}
	return docs
}

func sponsorName(l i18n.Locale) string {
	switch l {
	case i18n.FA:
		return "آقای محمد رضایی"
	case i18n.KK, i18n.RU:
		return "Ерлан Сейтқали"
	}
	return "Marie Dupont"
}

// BenchmarkLettersEach writes 1,000 one-page letters in mixed languages,
// each to a file of its own (here io.Discard), as a letter run does.
func BenchmarkLettersEach(b *testing.B) {
	r := renderer(b)
	docs := letters(1000)
	var out counter
	for b.Loop() {
		out = 0
		for _, d := range docs {
			if err := r.Write(&out, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/1000, "ms/letter")
	b.ReportMetric(float64(out)/1000/1000, "kB/letter")
}

// BenchmarkLettersCombined writes the same 1,000 letters into one file
// for printing.
func BenchmarkLettersCombined(b *testing.B) {
	r := renderer(b)
	docs := letters(1000)
	var out counter
	for b.Loop() {
		out = 0
		if err := r.WriteAll(&out, docs...); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/1000, "ms/letter")
	b.ReportMetric(float64(out)/1e6, "MB/file")
}

// counter is an io.Writer that counts the bytes written to it.
type counter int

func (c *counter) Write(p []byte) (int, error) {
	*c += counter(len(p))
	return len(p), nil
}
