package letters_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/testworld"
)

// keep names a directory to keep the letters in, to look at them:
// go test ./internal/letters -run Languages -keep DIR, then pdftoppm.
var keep = flag.String("keep", "", "directory to keep the letters of the language test in")

// TestEveryLanguagesLetterReadsRight writes a campaign's letters to five
// sponsors, one per language, and reads each back with pdftotext: the
// letterhead, the subject, the sponsor, the campaign, what the sponsor's
// gifts did in the right plural forms, the cash gifts, the signatory —
// the Persian letter in logical order.
func TestEveryLanguagesLetterReadsRight(t *testing.T) {
	f := setup(t, testworld.SQLite(t))
	_, err := f.s.SaveLetterhead(f.ctx, f.coord, f.Foundation.ID, letters.Letterhead{
		Name:  "Karaganda Region Education Department",
		Lines: []string{"47 Bukhar Zhyrau Avenue, Karaganda", "+7 7212 41 00 00"}, SignatoryName: "Aigul Zhumabayeva",
		SignatoryPosition: "Head of Department"})
	must(t, err)
	ru := f.sponsor(t, "ТОО Жарық", "ru")
	kk := f.sponsor(t, "Мейірім қоры", "kk")
	fa := f.sponsor(t, "بنیاد مهر", "fa")
	f.sponsor(t, "Acme Stationery", "en")
	f.sponsor(t, "Papeterie Dupont", "fr")
	f.donate(t, ru, f.backpack, 20)
	for i, g := range []int{1, 2, 3, 4, 2} {
		f.handOver(t, string(rune('A'+i)), g, f.backpack)
	}
	f.gift(t, kk, 50_000_000, sponsors.KZT) // 500 000 tenge
	f.gift(t, fa, 25_000_000, sponsors.IRR)
	run, err := f.runLetters(t, f.ctx)
	must(t, err)
	if run.Written != 5 {
		t.Fatalf("run %+v", run)
	}
	want := map[string][]string{
		"ru": {"Karaganda Region Education Department", "Благодарственное письмо", "Уважаемый(ая) ТОО Жарық",
			"«Дорога в школу»", "«Рюкзак», 5 шт.", "5 детей, Алматы", "1–4 классы", "Aigul Zhumabayeva"},
		"kk": {"Алғыс хат", "Құрметті Мейірім қоры", "«Мектепке жол»", "500 000 теңге", "Құрметпен", "Aigul Zhumabayeva"},
		"en": {"Letter of thanks", "Dear Acme Stationery", "Road to School", "reach the children who needed it most",
			"Head of Department"},
		"fr": {"Lettre de remerciement", "Papeterie Dupont", "« En route pour l'école »", "générosité", "Head of Department"},
		"fa": {"نامه سپاس", "بنیاد مهر گرامی", "از سوی", "پویش", "راه مدرسه", "ریال", "با احترام و سپاس"},
	}
	recips, err := f.s.Recipients(f.ctx, f.coord, f.camp.ID)
	must(t, err)
	for _, r := range recips {
		l, err := f.s.Letter(f.ctx, f.coord, r.LetterID)
		must(t, err)
		if *keep != "" {
			must(t, os.WriteFile(filepath.Join(*keep, "letter-"+l.Locale+".pdf"), l.PDF, 0o644))
		}
		pages := pdfText(t, l.PDF)
		text := strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
		if w := missing(text, want[l.Locale]); w != "" {
			t.Errorf("%s letter lacks %q (in order):\n%s", l.Locale, w, text)
		}
		if strings.Contains(text, "Pupil") {
			t.Errorf("%s letter names a child:\n%s", l.Locale, text)
		}
	}
	// The Persian amount is in Persian digits.
	fas := pdfTextOf(t, f, fa.ID)
	if !strings.Contains(fas, "۲۵٬۰۰۰٬۰۰۰") {
		t.Errorf("the Persian letter lacks ۲۵٬۰۰۰٬۰۰۰ rials:\n%s", fas)
	}
}

func pdfTextOf(t *testing.T, f *fix, sponsor int64) string {
	t.Helper()
	id := f.scalar(t, "SELECT id FROM letters WHERE recipient_id = $1", sponsor)
	l, err := f.s.Letter(f.ctx, f.coord, id)
	must(t, err)
	return strings.Join(pdfText(t, l.PDF), " ")
}

func (f *fix) gift(t testing.TB, sp sponsors.Sponsor, amount int64, c sponsors.Currency) {
	t.Helper()
	_, err := f.Services.Sponsors.RecordGift(f.ctx, f.coord, sponsors.GiftInput{SponsorID: sp.ID, CampaignID: f.camp.ID,
		Amount: amount, Currency: c, GivenOn: testworld.Day(2026, 8, 1), Method: sponsors.BankTransfer})
	must(t, err)
}

// TestImpactCountsTakeTheirPluralForms: Russian one/few/many, Kazakh and
// Persian with their own, a grade range or one grade, and no child
// named.
func TestImpactCountsTakeTheirPluralForms(t *testing.T) {
	w := testworld.SQLite(t)
	cat := w.Services.Catalog
	line := func(children int64, lo, hi int) sponsors.Impact {
		return sponsors.Impact{Lines: []sponsors.ImpactLine{{Item: sponsors.Names{EN: "Backpack", RU: "Рюкзак",
			KK: "Мектеп сөмкесі", FA: "کوله\u200cپشتی"}, Units: 20, Institution: "Children Support Centre No. 3",
			Region:   sponsors.Names{EN: "Karaganda Region", RU: "Карагандинская область", FA: "کاراگاندا"},
			Children: children, GradeMin: lo, GradeMax: hi}}}
	}
	cases := []struct {
		l        i18n.Locale
		children int64
		lo, hi   int
		want     string
	}{
		{i18n.RU, 1, 1, 1, "1 ребёнок (1 класс)"},
		{i18n.RU, 3, 1, 4, "3 ребёнка (1–4 классы)"},
		{i18n.RU, 17, 1, 4, "17 детей (1–4 классы)"},
		{i18n.RU, 21, 0, 0, "21 ребёнок"},
		{i18n.EN, 1, 2, 2, "1 child in grade 2"},
		{i18n.EN, 17, 1, 4, "reached Children Support Centre No. 3 (Karaganda Region): 17 children in grades 1–4"},
		{i18n.KK, 17, 1, 4, "17 бала (1–4 сыныптар)"},
		{i18n.FA, 17, 1, 4, "۱۷ کودک در پایه\u200cهای ۱ تا ۴"},
		{i18n.FR, 17, 1, 4, "17 enfants de la 1re à la 4e année"},
	}
	for _, c := range cases {
		got := letters.ImpactText(cat.Localizer(c.l), line(c.children, c.lo, c.hi))
		if !strings.Contains(got, c.want) {
			t.Errorf("%s, %d children: %q lacks %q", c.l, c.children, got, c.want)
		}
	}
	gifts := []sponsors.Gift{{CampaignID: 7, Amount: 120050, Currency: sponsors.USD},
		{CampaignID: 7, Amount: 50_000_000, Currency: sponsors.KZT}, {CampaignID: 8, Amount: 1, Currency: sponsors.EUR}}
	if got := letters.GiftsText(cat.Localizer(i18n.EN), gifts, 7); got != "Your gifts to the campaign: 500,000 KZT, 1,200.50 USD." {
		t.Errorf("gifts: %q", got)
	}
	if got := letters.GiftsText(cat.Localizer(i18n.EN), nil, 7); got != "" {
		t.Errorf("no gifts: %q", got)
	}
	_ = access.System
}
