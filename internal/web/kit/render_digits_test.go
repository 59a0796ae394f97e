package kit

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/i18n"
)

// table is a page of n rows of numbers, links and form values.
const table = `{{define "content"}}<table>{{range .Rows}}<tr><th><a href="/people/{{.}}">Record {{.}}</a></th>` +
	`<td>+7 701 123 45 67</td><td>••••{{.}}</td><td><input name="n" value="{{.}}"></td><td><code>KZ-75</code></td></tr>{{end}}</table>{{end}}`

type tableView struct {
	Page
	Rows []int
}

// tablePage parses the page and fills its view of n rows in locale l.
func tablePage(t testing.TB, l i18n.Locale, rows int) (*Templates, *tableView) {
	t.Helper()
	tpl, err := (&Kit{}).Parse(room(map[string]string{"pages/table.html": table}))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	v := &tableView{Page: Page{L: cat.Localizer(l), Title: "People 12"}}
	for i := range rows {
		v.Rows = append(v.Rows, 1000+i)
	}
	return tpl, v
}

func renderTable(t testing.TB, l i18n.Locale, rows int) string {
	tpl, v := tablePage(t, l, rows)
	w := httptest.NewRecorder()
	tpl.Render(w, 200, "table", v)
	return w.Body.String()
}

func TestRenderWritesPersianDigitsOnPersianPages(t *testing.T) {
	fa := renderTable(t, i18n.FA, 2)
	for _, want := range []string{`<a href="/people/1001">Record ۱۰۰۱</a>`, `<td>+۷ ۷۰۱ ۱۲۳ ۴۵ ۶۷</td>`, `<td>••••۱۰۰۰</td>`,
		`value="1000"`, `<code>KZ-75</code>`, `<title>People ۱۲`} {
		if !strings.Contains(fa, want) {
			t.Errorf("Persian page lacks %q", want)
		}
	}
	if en := renderTable(t, i18n.EN, 2); !strings.Contains(en, `<a href="/people/1001">Record 1001</a>`) {
		t.Error("an English page's digits changed")
	}
}

// BenchmarkRenderBigPage renders a page of 1,000 table rows (about 200 KB)
// in English and in Persian; the difference is what writing Persian
// digits costs (docs/benchmarks.md).
func BenchmarkRenderBigPage(b *testing.B) {
	for _, l := range []i18n.Locale{i18n.EN, i18n.FA} {
		b.Run(string(l), func(b *testing.B) {
			tpl, v := tablePage(b, l, 1000)
			b.SetBytes(int64(len(renderTable(b, l, 1000))))
			for b.Loop() {
				tpl.Render(httptest.NewRecorder(), 200, "table", v)
			}
		})
	}
}
