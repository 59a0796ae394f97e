package pdfdoc

import (
	"github.com/jolproject/jol/internal/chart"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/i18n"
)

// report is a document with every kind of block, long enough for two
// pages.
func report(lang i18n.Locale, t map[string]string) Document {
	rows := [][]string{}
	for i := range 30 {
		rows = append(rows, []string{t["region"] + " " + lang.Digits(string(rune('A'+i%26))), lang.Digits("1" + strings.Repeat("2", i%4)), t["note"]})
	}
	return Document{
		Lang: lang, Title: t["title"], Created: created, Footer: t["footer"],
		Letterhead: &Letterhead{Name: t["org"], Lines: []string{t["address"]}, Note: t["note"]},
		Blocks: []Block{
			Heading{Text: t["title"], Level: 1},
			KeyValues{{Key: t["key"], Value: t["value"]}, {Key: t["amount"], Value: lang.Number(50000) + " KZT"}},
			Figure{Chart: &chart.Chart{Kind: chart.Bars, Title: t["chart"], CategoryHead: t["col1"],
				Categories: []string{t["bar1"], t["bar2"]}, Series: []chart.Series{{Name: t["col2"], Values: []float64{17, 40}}}}},
			Figure{Table: true, Chart: &chart.Chart{Kind: chart.Columns, Title: t["chart"], CategoryHead: t["col1"],
				Categories: []string{t["bar1"], t["bar2"], t["bar3"]}, Target: 120, TargetLabel: t["target"],
				Series: []chart.Series{{Name: "2026", Values: []float64{170, 40, 95}}, {Name: "2025", Values: []float64{150, 60, 80}, Muted: true}}}},
			Table{Columns: []Column{{Title: t["col1"], Width: 2}, {Title: t["col2"], Align: End}, {Title: t["col3"], Width: 2}}, Rows: rows},
			PageBreak{},
			Heading{Text: t["last"], Level: 2},
			Paragraph{Text: t["last"], Small: true},
			Signatory{Name: t["name"]},
		},
	}
}

var reportText = map[i18n.Locale]map[string]string{
	i18n.EN: {
		"title": "Campaign report", "footer": "Karaganda Region Education Department", "org": "Karaganda Region Education Department",
		"address": "47 Bukhar Zhyrau Avenue", "note": "Registered 2011", "key": "Campaign", "value": "Road to School 2026",
		"amount": "Amount", "chart": "Children reached", "bar1": "Karaganda", "bar2": "Temirtau", "bar3": "Balkhash city and district",
		"region": "Region", "target": "Target", "col1": "Region", "col2": "Children", "col3": "Remark", "last": "Thanks to all", "name": "Aigul Zhumabayeva",
	},
	i18n.FA: {
		"title": "گزارش پویش", "footer": "اداره آموزش و پرورش استان کاراگاندا", "org": "اداره آموزش و پرورش استان کاراگاندا",
		"address": "خیابان بخار ژیرائو، شماره ۴۷", "note": "ثبت ۱۳۹۰", "key": "پویش", "value": "راه مدرسه ۱۴۰۵",
		"amount": "مبلغ", "chart": "کودکان پوشش\u200cداده\u200cشده", "bar1": "کاراگاندا", "bar2": "تمیرتاو", "bar3": "شهر و بخش بالخاش",
		"region": "منطقه", "target": "هدف", "col1": "منطقه", "col2": "کودکان", "col3": "توضیح", "last": "با سپاس از همه", "name": "آیگل ژومابایوا",
	},
}

func TestEveryBlockInBothDirections(t *testing.T) {
	for lang, tr := range reportText {
		t.Run(string(lang), func(t *testing.T) {
			doc := report(lang, tr)
			if lang == i18n.FA {
				doc.PageNumber = func(page, pages int) string {
					return "صفحه " + lang.Digits(strconv.Itoa(page)) + " از " + lang.Digits(strconv.Itoa(pages))
				}
			}
			pages := extract(t, render(t, "report-"+string(lang), doc))
			if len(pages) < 3 {
				t.Fatalf("got %d pages, want the table to run onto a second page and a page break after it", len(pages))
			}
			first := pages[0]
			for _, k := range []string{"org", "address", "title", "key", "value", "amount", "chart", "bar1", "bar2", "bar3", "target", "col1", "col2", "col3"} {
				if w := inOrder(first, wordsOf(tr[k])); w != "" {
					t.Errorf("page 1 lacks %q of %s %q:\n%s", w, k, tr[k], first)
				}
			}
			if !strings.Contains(pages[1], tr["col3"]) {
				t.Errorf("the table's header is not repeated on page 2:\n%s", pages[1])
			}
			last := pages[len(pages)-1]
			if w := inOrder(last, slices.Concat(wordsOf(tr["last"]), wordsOf(tr["last"]), wordsOf(tr["name"]))); w != "" {
				t.Errorf("last page lacks %q:\n%s", w, last)
			}
			n := len(pages)
			// The default label in English ("2 / 3", which pdftotext reads
			// without spaces), a label of words in Persian.
			label := func(page, pages int) string { return strconv.Itoa(page) + "/" + strconv.Itoa(pages) }
			if doc.PageNumber != nil {
				label = doc.PageNumber
			}
			for i, p := range pages {
				if !strings.Contains(p, tr["footer"]) {
					t.Errorf("page %d lacks the footer", i+1)
				}
				if want := label(i+1, n); !strings.Contains(strings.ReplaceAll(p, " ", ""), strings.ReplaceAll(want, " ", "")) {
					t.Errorf("page %d lacks its number %q:\n%s", i+1, want, p)
				}
			}
		})
	}
}
