package letters_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/testworld"
)

// TestManyLettersOfOneRunReadRight writes one run's letters to 30
// sponsors, six in each language, drawn on several goroutines from the
// fonts the process parsed once, and reads every letter back with
// pdftotext: its own sponsor, its language's subject and greeting, and
// the campaign's name. The combined file has the same letters in the
// same order, one a page.
func TestManyLettersOfOneRunReadRight(t *testing.T) {
	f := setup(t, testworld.SQLite(t))
	names := map[string]string{"kk": "Мейірім қоры", "ru": "ТОО Жарық", "en": "Acme Stationery",
		"fr": "Papeterie Dupont", "fa": "بنیاد مهر"}
	want := map[string][]string{
		"kk": {"Алғыс хат", "Құрметті", "«Мектепке жол»", "Құрметпен"},
		"ru": {"Благодарственное письмо", "Уважаемый(ая)", "«Дорога в школу»"},
		"en": {"Letter of thanks", "Dear", "Road to School"},
		"fr": {"Lettre de remerciement", "« En route pour l'école »", "générosité"},
		"fa": {"نامه سپاس", "گرامی", "پویش", "راه مدرسه", "با احترام و سپاس"},
	}
	langs := []string{"kk", "ru", "en", "fr", "fa"}
	const n = 30
	for i := range n {
		l := langs[i%len(langs)]
		f.sponsor(t, fmt.Sprintf("%s %02d", names[l], i), l)
	}
	run, err := f.runLetters(t, f.ctx)
	must(t, err)
	if run.Written != n || !run.Combined {
		t.Fatalf("run %+v", run)
	}
	recips, err := f.s.Recipients(f.ctx, f.coord, f.camp.ID)
	must(t, err)
	if len(recips) != n {
		t.Fatalf("%d recipients, want %d", len(recips), n)
	}
	byName := map[string]string{} // the text of each sponsor's letter
	for _, r := range recips {
		l, err := f.s.Letter(f.ctx, f.coord, r.LetterID)
		must(t, err)
		text := strings.Join(strings.Fields(strings.Join(pdfText(t, l.PDF), " ")), " ")
		byName[r.Name] = text
		if l.Locale != r.Language {
			t.Errorf("%s: letter in %q, sponsor speaks %q", r.Name, l.Locale, r.Language)
		}
		if w := missing(text, want[l.Locale]); w != "" {
			t.Errorf("%s letter to %s lacks %q (in order):\n%s", l.Locale, r.Name, w, text)
		}
		if !strings.Contains(text, r.Name) {
			t.Errorf("%s letter to %s does not name its sponsor:\n%s", l.Locale, r.Name, text)
		}
	}
	_, pdf, err := f.s.Combined(f.ctx, f.coord, run.ID)
	must(t, err)
	pages := pdfText(t, pdf)
	if len(pages) != n {
		t.Fatalf("the combined file has %d pages, want %d", len(pages), n)
	}
	for i, p := range pages {
		l := langs[i%len(langs)]
		name := fmt.Sprintf("%s %02d", names[l], i)
		if got := strings.Join(strings.Fields(p), " "); got != byName[name] {
			t.Errorf("page %d is not %s's letter:\n%s\nwant:\n%s", i+1, name, got, byName[name])
		}
	}
}
