package pdfdoc

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/i18n"
)

// TestOddTextIsDrawnNotRefused: characters the fonts lack, invalid UTF-8,
// tabs, a word longer than the line and empty blocks do not stop a
// letter; the words around them still come out.
func TestOddTextIsDrawnNotRefused(t *testing.T) {
	long := strings.Repeat("x", 300)
	doc := Document{Lang: i18n.EN, Blocks: []Block{
		Paragraph{Text: "before 中文 😀 \xff\tafter"},
		Paragraph{Text: long},
		Paragraph{},
		Table{},
		Table{Columns: []Column{{Title: "only"}}, Rows: [][]string{{"a", "extra cell"}, {}}},
		Chart{Title: "empty"},
		Chart{Bars: []Bar{{Label: "zero", Value: 0}, {Label: "negative", Value: -3}}},
		KeyValues{},
		Paragraph{Text: "end"},
	}}
	text := extract(t, render(t, "odd", doc))[0]
	if w := inOrder(text, []string{"before", "\ufffd\ufffd \ufffd \ufffd", "after", "xxxxxxxxxx", "only", "empty", "zero", "negative", "end"}); w != "" {
		t.Errorf("%q missing or out of order in:\n%s", w, text)
	}
	if !strings.Contains(text, "-3") {
		t.Errorf("the negative bar's value is not written:\n%s", text)
	}
	if got := strings.Count(text, "x"); got != len(long) {
		t.Errorf("the long word came out with %d of its %d letters", got, len(long))
	}
}
