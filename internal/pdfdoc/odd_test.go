package pdfdoc

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/chart"
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
		Figure{},
		Figure{Chart: &chart.Chart{Title: "empty"}},
		Figure{Chart: &chart.Chart{Categories: []string{"zero", "one"}, Series: []chart.Series{{Name: "s", Values: []float64{0, 1}}}}},
		KeyValues{},
		Paragraph{Text: "end"},
	}}
	text := extract(t, render(t, "odd", doc))[0]
	if w := inOrder(text, []string{"before", "\ufffd\ufffd \ufffd \ufffd", "after", "xxxxxxxxxx", "only", "empty", "zero", "one", "end"}); w != "" {
		t.Errorf("%q missing or out of order in:\n%s", w, text)
	}
	if got := strings.Count(text, "x"); got != len(long) {
		t.Errorf("the long word came out with %d of its %d letters", got, len(long))
	}
}

// TestImpossibleChartIsAnError: a chart its package refuses (a negative
// value) fails the document with that package's error.
func TestImpossibleChartIsAnError(t *testing.T) {
	bad := &chart.Chart{Categories: []string{"a"}, Series: []chart.Series{{Name: "s", Values: []float64{-3}}}}
	doc := Document{Lang: i18n.EN, Blocks: []Block{Paragraph{Text: "before"}, Figure{Chart: bad}}}
	err := renderer(t).Write(&bytes.Buffer{}, doc)
	if !errors.Is(err, chart.ErrShape) {
		t.Errorf("got %v, want chart.ErrShape", err)
	}
}
