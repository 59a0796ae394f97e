package chart_test

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/chart"
	"github.com/jolproject/jol/internal/i18n"
)

// svgDoc is the part of a drawn chart the tests read.
type svgDoc struct {
	XMLName xml.Name  `xml:"svg"`
	Role    string    `xml:"role,attr"`
	Labels  string    `xml:"aria-labelledby,attr"`
	Dir     string    `xml:"direction,attr"`
	ViewBox string    `xml:"viewBox,attr"`
	Title   string    `xml:"title"`
	Desc    string    `xml:"desc"`
	Rects   []svgRect `xml:"rect"`
	Texts   []svgText `xml:"text"`
	Lines   []struct {
		Class string  `xml:"class,attr"`
		X1    float64 `xml:"x1,attr"`
	} `xml:"line"`
}

type svgRect struct {
	Class    string  `xml:"class,attr"`
	X        float64 `xml:"x,attr"`
	Y        float64 `xml:"y,attr"`
	W        float64 `xml:"width,attr"`
	H        float64 `xml:"height,attr"`
	Category string  `xml:"data-category,attr"`
	Series   string  `xml:"data-series,attr"`
	Title    string  `xml:"title"`
}

type svgText struct {
	Class  string  `xml:"class,attr"`
	X      float64 `xml:"x,attr"`
	Anchor string  `xml:"text-anchor,attr"`
	S      string  `xml:",chardata"`
}

func draw(t *testing.T, c chart.Chart, loc i18n.Locale) svgDoc {
	t.Helper()
	out, err := c.SVG(loc)
	if err != nil {
		t.Fatal(err)
	}
	var d svgDoc
	if err := xml.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("the SVG does not parse: %v\n%s", err, out)
	}
	return d
}

func (d svgDoc) bars() []svgRect {
	var out []svgRect
	for _, r := range d.Rects {
		if r.Class == "bar" {
			out = append(out, r)
		}
	}
	return out
}

func (d svgDoc) texts(class string) []svgText {
	var out []svgText
	for _, t := range d.Texts {
		if t.Class == class {
			out = append(out, t)
		}
	}
	return out
}

func regions() chart.Chart {
	return chart.Chart{ID: "reach", Title: "Children reached", CategoryHead: "Region", Unit: "children",
		Categories: []string{"Karaganda", "Astana", "Almaty"},
		Series:     []chart.Series{{Name: "Reached", Values: []float64{400, 200, 50}}},
		Targets:    []float64{500, 0, 100}, TargetLabel: "Target"}
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.25 }

func TestABarTwiceTheValueIsTwiceAsLong(t *testing.T) {
	d := draw(t, regions(), i18n.EN)
	if d.Role != "img" || d.Title != "Children reached" || d.Labels != "reach-title reach-desc" {
		t.Errorf("the chart is not announced as an image with its title: role %q, title %q, labelledby %q", d.Role, d.Title, d.Labels)
	}
	b := d.bars()
	if len(b) != 3 {
		t.Fatalf("%d bars, want 3", len(b))
	}
	if !near(b[0].W, 2*b[1].W) || !near(b[1].W, 4*b[2].W) {
		t.Errorf("bar lengths %v, %v, %v are not proportional to 400, 200, 50", b[0].W, b[1].W, b[2].W)
	}
	if b[0].X != b[1].X || b[0].Y >= b[1].Y {
		t.Error("the bars do not start on one axis, one band under the other")
	}
	if !strings.Contains(d.Desc, "Karaganda: 400") || b[0].Title != "Karaganda: 400" {
		t.Errorf("the values are not given in words: desc %q, bar title %q", d.Desc, b[0].Title)
	}
	var targets []svgRect
	for _, r := range d.Rects {
		if r.Class == "target" {
			targets = append(targets, r)
		}
	}
	if len(targets) != 2 || !near(targets[0].X+1-b[0].X, b[0].W*500/400) {
		t.Errorf("the targets are not marked at their values: %+v", targets)
	}
	cats := d.texts("category")
	if len(cats) != 3 || cats[0].S != "Karaganda" || cats[0].Anchor != "end" || cats[0].X > b[0].X {
		t.Errorf("the category labels do not stand left of the bars, right-aligned: %+v", cats)
	}
}

func TestPersianMirrorsTheChart(t *testing.T) {
	c := regions()
	en, fa := draw(t, c, i18n.EN), draw(t, c, i18n.FA)
	if fa.Dir != "rtl" || en.Dir != "ltr" {
		t.Errorf("direction en %q fa %q", en.Dir, fa.Dir)
	}
	width, _ := strconv.ParseFloat(strings.Fields(en.ViewBox)[2], 64)
	for i, b := range en.bars() {
		m := fa.bars()[i]
		if !near(m.W, b.W) || !near(m.X, width-b.X-b.W) {
			t.Errorf("bar %d: fa x %v w %v is not the mirror of en x %v w %v", i, m.X, m.W, b.X, b.W)
		}
	}
	cat := fa.texts("category")[0]
	bar := fa.bars()[0]
	// In an RTL text "end" is its left end: the label stands right of the
	// bar, its left end on the point.
	if cat.Anchor != "end" || cat.X < bar.X+bar.W {
		t.Errorf("the Persian label %+v does not stand right of its bar (x %v..%v)", cat, bar.X, bar.X+bar.W)
	}
	if v := fa.texts("value")[0].S; v != "۴۰۰" {
		t.Errorf("the Persian value label is %q, want Persian digits ۴۰۰", v)
	}
}

func TestColumnsGrowUpAndMirrorTheirOrder(t *testing.T) {
	c := chart.Chart{ID: "years", Kind: chart.Columns, Title: "This year and last", Categories: []string{"Kits", "Devices"},
		Series: []chart.Series{{Name: "2026", Values: []float64{300, 40}}, {Name: "2025", Values: []float64{150, 80}, Muted: true}}}
	en := draw(t, c, i18n.EN).bars()
	if len(en) != 4 {
		t.Fatalf("%d columns, want 4", len(en))
	}
	if !near(en[0].H, 2*en[1].H) || !near(en[3].H, 2*en[2].H) || !near(en[0].Y+en[0].H, en[3].Y+en[3].H) {
		t.Errorf("column heights are not proportional on one baseline: %+v", en)
	}
	if !(en[0].X < en[1].X && en[1].X < en[2].X) {
		t.Error("the series do not stand side by side within a category, categories left to right")
	}
	fa := draw(t, c, i18n.FA).bars()
	if fa[0].X <= fa[2].X || fa[0].X <= fa[1].X {
		t.Error("in Persian the first category is not on the right")
	}
}

func TestStackedAndFunnel(t *testing.T) {
	s := chart.Chart{ID: "s", Kind: chart.Stacked, Categories: []string{"Kits"},
		Series: []chart.Series{{Name: "On time", Values: []float64{30}}, {Name: "Late", Values: []float64{10}}}}
	d := draw(t, s, i18n.EN)
	b := d.bars()
	if len(b) != 2 || !near(b[1].X, b[0].X+b[0].W) || !near(b[0].W, 3*b[1].W) {
		t.Errorf("the segments are not laid end to end in proportion: %+v", b)
	}
	if v := d.texts("value"); len(v) != 1 || v[0].S != "40" {
		t.Errorf("the stack's total is not written: %+v", v)
	}
	f := chart.Chart{ID: "f", Kind: chart.Funnel, Categories: []string{"Submitted", "Approved", "Delivered"},
		Series: []chart.Series{{Name: "Requests", Values: []float64{1000, 500, 250}}}}
	d = draw(t, f, i18n.FR)
	b = d.bars()
	if !near(b[0].X+b[0].W/2, b[2].X+b[2].W/2) || !near(b[0].W, 4*b[2].W) {
		t.Errorf("the funnel's steps are not centred and proportional: %+v", b)
	}
	if v := d.texts("value"); v[0].S != "1\u202f000" || v[2].S != "250 (25%)" {
		t.Errorf("the funnel's values are %q, %q", v[0].S, v[2].S)
	}
}

func TestTableHoldsTheChartsNumbers(t *testing.T) {
	c := regions()
	tb := c.Table(i18n.FA)
	if len(tb.Head) != 3 || tb.Head[1] != "Reached (children)" || tb.Head[2] != "Target" {
		t.Errorf("head %q", tb.Head)
	}
	if tb.Rows[0].Cells[0] != "۴۰۰" || tb.Rows[1].Cells[1] != "—" || tb.Rows[2].Cells[1] != "۱۰۰" {
		t.Errorf("rows %+v", tb.Rows)
	}
	h := string(tb.HTML())
	if !strings.Contains(h, `data-chart="reach"`) || !strings.Contains(h, `<th scope="row">Karaganda</th><td class="num">۴۰۰</td>`) {
		t.Errorf("the HTML table is %s", h)
	}
}

func TestBadShapesAreRefused(t *testing.T) {
	for _, c := range []chart.Chart{
		{Categories: []string{"a"}, Series: []chart.Series{{Values: []float64{1, 2}}}},
		{Categories: []string{"a"}, Series: []chart.Series{{Values: []float64{-1}}}},
		{Categories: []string{"a"}, Series: []chart.Series{{Values: []float64{math.NaN()}}}},
		{Categories: []string{"a"}, Targets: []float64{1, 2}},
	} {
		if _, err := c.SVG(i18n.EN); err != chart.ErrShape {
			t.Errorf("%+v: err %v", c, err)
		}
	}
	empty := chart.Chart{Categories: []string{"a"}, Series: []chart.Series{{Values: []float64{0}}}}
	if !empty.Empty() {
		t.Error("a chart of zeros is not empty")
	}
	if _, err := empty.SVG(i18n.KK); err != nil {
		t.Errorf("a chart of zeros is not drawn: %v", err)
	}
}

func TestTextIsEscaped(t *testing.T) {
	c := chart.Chart{ID: "x", Title: `<b>"A&B"</b>`, Categories: []string{"<i>"}, Series: []chart.Series{{Name: "s", Values: []float64{1}}}}
	d := draw(t, c, i18n.RU)
	if d.Title != `<b>"A&B"</b>` || d.texts("category")[0].S != "<i>" {
		t.Errorf("title %q", d.Title)
	}
}

// A chart laid out for a screen puts each label over its bars, which run
// the whole width, wraps a long title, and is drawn as wide as its
// column; in Persian the labels stand over the bars from the right.
func TestScreenWidthLabelsOverBars(t *testing.T) {
	c := regions()
	c.Width = chart.ScreenWidth
	c.Title = "Children reached by region against the targets set for this campaign"
	for _, loc := range []i18n.Locale{i18n.EN, i18n.FA} {
		out, err := c.SVG(loc)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), `viewBox="0 0 360 `) || !strings.Contains(string(out), `width="100%"`) {
			t.Errorf("%s: not drawn 360 units wide, as wide as its column: %.200s", loc, out)
		}
		d := draw(t, c, loc)
		if n := len(d.texts("title")); n != 2 {
			t.Errorf("%s: the long title takes %d lines, want 2", loc, n)
		}
		b, cats := d.bars(), d.texts("category")
		for i, cat := range cats {
			// Each label starts 4 units in from where its bar starts: the
			// left end, or the right end in Persian.
			start := b[i].X + 4
			if loc == i18n.FA {
				start = b[i].X + b[i].W - 4
			}
			if !near(cat.X, start) || cat.Anchor != "start" {
				t.Errorf("%s: label %q at x %v (%s) does not start over its bar (x %v..%v)", loc, cat.S, cat.X, cat.Anchor, b[i].X, b[i].X+b[i].W)
			}
		}
		if loc == i18n.EN && (b[0].X > 10 || b[0].W < 150) {
			t.Errorf("the bars do not run the width: %+v", b[0])
		}
	}
}
