package pdfdoc

import (
	"strings"
	"testing"
)

func TestLanguagesReadInLogicalOrder(t *testing.T) {
	for _, s := range samples() {
		t.Run(string(s.lang), func(t *testing.T) {
			pages := extract(t, render(t, "letter-"+string(s.lang), s.doc))
			if len(pages) != 1 {
				t.Fatalf("got %d pages, want 1", len(pages))
			}
			if w := inOrder(pages[0], s.words); w != "" {
				t.Errorf("%q missing or out of order in:\n%s", w, pages[0])
			}
		})
	}
}

func TestPersianParagraphWithLatinAndDigits(t *testing.T) {
	doc := Document{Lang: "fa", Blocks: []Block{Paragraph{
		Text: "شماره مرجع شما REF-2026-0042 است و مبلغ 1500000 ریال در تاریخ ۱۴۰۵/۰۶/۲۴ دریافت شد.",
	}}}
	text := extract(t, render(t, "mixed-fa", doc))[0]
	words := []string{"شماره", "مرجع", "شما", "REF-2026-0042", "است", "مبلغ", "1500000", "ریال", "تاریخ", "۱۴۰۵/۰۶/۲۴", "دریافت", "شد"}
	if w := inOrder(text, words); w != "" {
		t.Errorf("%q missing or out of order in:\n%s", w, text)
	}
	if strings.Contains(text, "2400-6202") || strings.Contains(text, "0000051") {
		t.Errorf("a left-to-right run came out reversed:\n%s", text)
	}
}

func TestPersianLetterheadKeepsAPhoneNumberAsDialled(t *testing.T) {
	doc := Document{Lang: "fa", Letterhead: &Letterhead{Name: "اداره آموزش و پرورش",
		Lines: []string{"خیابان بخار ژیراو، شماره ۴۷", "+7 7212 41 00 00"}},
		Blocks: []Block{Paragraph{Text: "با سپاس"}}}
	text := extract(t, render(t, "phone-fa", doc))[0]
	if !strings.Contains(text, "+7 7212 41 00 00") {
		t.Errorf("the phone number is not read as dialled in:\n%s", text)
	}
}
