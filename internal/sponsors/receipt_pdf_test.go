package sponsors_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/sponsors"
	"github.com/jolproject/jol/internal/testworld"
	"golang.org/x/text/unicode/norm"
)

// A cash gift's receipt is a PDF in the sponsor's language: the
// organisation, the number, the sponsor, the amount written as the
// language writes it (Persian digits and the rial's name in Persian), the
// method, the purpose and the signatory, in reading order.
func TestReceiptPDFIsInTheSponsorsLanguage(t *testing.T) {
	tool := pdftotext(t)
	w := testworld.SQLite(t)
	f := setup(t, w)
	cat, err := i18n.New()
	must(t, err)
	cases := []struct {
		lang, name, purpose string
		amount              int64
		currency            sponsors.Currency
		method              sponsors.Method
		words               []string
		sign                string // a word of the signatory's line
	}{
		{"ru", "ТОО «Казахмыс»", "Школьные рюкзаки", 15000050, sponsors.KZT, sponsors.BankTransfer,
			[]string{"Квитанция", "2026/1", "Казахмыс", "Сумма", "150 000,50", "KZT", "Банковский", "Школьные", "рюкзаки"}, "имени"},
		{"kk", "Айгүл Серікқызы", "Оқулықтар", 500000, sponsors.USD, sponsors.Cash,
			[]string{"Түбіртек", "Айгүл", "Сомасы", "5 000,00", "USD", "Оқулықтар"}, "атынан"},
		{"fa", "بنیاد نیکوکاری امید", "کیف مدرسه", 250000000, sponsors.IRR, sponsors.Card,
			[]string{"رسید", "بنیاد", "نیکوکاری", "امید", "مبلغ", "۲۵۰٬۰۰۰٬۰۰۰", "ریال", "کیف", "مدرسه"}, "طرف"},
		{"fr", "Fondation Lumière", "Cartables", 120000, sponsors.EUR, sponsors.Card,
			[]string{"Reçu", "Lumière", "Montant", "1 200,00", "EUR", "Cartables"}, "Pour"},
	}
	for _, c := range cases {
		sp := f.sponsor(t, c.name, sponsors.Input{Language: c.lang})
		g, err := f.s.RecordGift(f.ctx, f.coord, sponsors.GiftInput{SponsorID: sp.ID, Amount: c.amount,
			Currency: c.currency, GivenOn: day(2026, 8, 3), Method: c.method, Purpose: c.purpose})
		must(t, err)
		r, pdf, err := f.s.ReceiptPDF(f.ctx, f.coord, g.ReceiptID, cat)
		must(t, err)
		if r.Signer == "" || r.Locale != c.lang {
			t.Fatalf("%s: signer %q, locale %q", c.lang, r.Signer, r.Locale)
		}
		text := extractPDF(t, tool, pdf, c.lang)
		words := append([]string{f.Foundation.Name}, c.words...)
		words = append(words, r.Signer, c.sign)
		if miss := inOrder(text, words); miss != "" {
			t.Errorf("%s: %q missing or out of order in\n%s", c.lang, miss, text)
		}
	}
}

// A gift in kind's receipt lists the items of the donation, named in the
// sponsor's language, with their quantities.
func TestDonationReceiptPDFListsTheItems(t *testing.T) {
	tool := pdftotext(t)
	w := testworld.SQLite(t)
	f := setup(t, w)
	cat, err := i18n.New()
	must(t, err)
	sp := f.sponsor(t, "Ромашка", sponsors.Input{Language: "ru"})
	d := f.donate(t, sp, f.backpack, 240)
	rc, err := f.s.IssueDonationReceipt(f.ctx, f.coord, sp.ID, d.ID)
	must(t, err)
	_, pdf, err := f.s.ReceiptPDF(f.ctx, f.coord, rc.ID, cat)
	must(t, err)
	text := extractPDF(t, tool, pdf, "ru")
	if miss := inOrder(text, []string{"Квитанция", "натуральной", "Ромашка", "Наименование", "Рюкзак", "Количество", "240"}); miss != "" {
		t.Errorf("%q missing or out of order in\n%s", miss, text)
	}
}

// pdftotext returns the tool's path, skipping the test when poppler is
// missing unless JOL_REQUIRE_PDFTOOLS is set.
func pdftotext(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("JOL_REQUIRE_PDFTOOLS") != "" {
			t.Fatalf("pdftotext is required: %v", err)
		}
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	return path
}

// bidiMarks are the embedding marks pdftotext puts around right-to-left
// runs and the numbers inside them.
var bidiMarks = strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "")

// extractPDF is the text of pdf in logical order, with Arabic
// presentation forms read as letters and no-break spaces as spaces
// (NFKC); the file is kept under
// JOL_KEEP_RECEIPTS, to look at.
func extractPDF(t *testing.T, tool string, pdf []byte, name string) string {
	t.Helper()
	dir := t.TempDir()
	if keep := os.Getenv("JOL_KEEP_RECEIPTS"); keep != "" {
		dir = keep
	}
	file := filepath.Join(dir, "receipt-"+name+".pdf")
	must(t, os.WriteFile(file, pdf, 0o644))
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return bidiMarks.Replace(norm.NFKC.String(string(out)))
}

// inOrder is the first of words that text does not hold after the words
// before it, or "".
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

// A receipt is headed with the letterhead its organisation saved for its
// letters (name and lines) and signed by the letterhead's signatory, on
// both engines; the API's receipt carries that letterhead too.
func TestReceiptPDFHasTheOrganisationsLetterhead(t *testing.T) {
	tool := pdftotext(t)
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		cat, err := i18n.New()
		must(t, err)
		_, err = w.Services.Letters.SaveLetterhead(f.ctx, f.coord, f.Foundation.ID, letters.Letterhead{
			Name: "Управление образования города Алматы", Lines: []string{"пр. Абая, 10", "+7 727 000 00 00"},
			SignatoryName: "Айгерим Жумабаева", SignatoryPosition: "Руководитель управления"})
		must(t, err)
		sp := f.sponsor(t, "ТОО «Береке»", sponsors.Input{Language: "ru"})
		g, err := f.s.RecordGift(f.ctx, f.coord, sponsors.GiftInput{SponsorID: sp.ID, Amount: 5000000,
			Currency: sponsors.KZT, GivenOn: day(2026, 8, 3), Method: sponsors.BankTransfer})
		must(t, err)
		r, pdf, err := f.s.ReceiptPDF(f.ctx, f.coord, g.ReceiptID, cat)
		must(t, err)
		if r.Letterhead == nil || r.Letterhead.SignatoryName != "Айгерим Жумабаева" {
			t.Fatalf("the receipt's letterhead: %+v", r.Letterhead)
		}
		text := extractPDF(t, tool, pdf, "ru-head-"+string(w.DB.Engine))
		if miss := inOrder(text, []string{"Управление образования города Алматы", "Абая", "+7 727 000 00 00",
			"Квитанция", "Береке", "Айгерим Жумабаева", "Руководитель управления"}); miss != "" {
			t.Errorf("%q missing or out of order in\n%s", miss, text)
		}
		// The person who recorded the gift no longer signs in the
		// organisation's name.
		if r.Signer != "" && strings.Contains(text, r.Signer) {
			t.Errorf("the recorder %q signs beside the letterhead's signatory:\n%s", r.Signer, text)
		}
	})
}
