package chart

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/i18n"
)

// SVG draws c for locale loc as an SVG element to be put inside an HTML
// page (or saved as a file): role="img" with a <title> and <desc> named by
// aria-labelledby, each bar carrying its category, series and value in
// data- attributes and its value in words in a <title> of its own. Text
// uses the reader's sans-serif font; no script or font file is needed.
// The drawing is as wide as what holds it (width 100%, its height
// following the viewBox), so a page's style sets its size.
func (c *Chart) SVG(loc i18n.Locale) (template.HTML, error) {
	l, err := c.Layout(loc)
	if err != nil {
		return "", err
	}
	id := c.ID
	if id == "" {
		id = "chart"
	}
	f := formatter{loc: loc, c: c}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="%s" role="img" aria-labelledby="%s-title %s-desc" viewBox="0 0 %s %s" width="100%%" lang="%s" direction="%s" font-family="system-ui, sans-serif">`,
		esc(id), esc(id), esc(id), num(l.Width), num(l.Height), loc, loc.Dir())
	fmt.Fprintf(&b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, esc(id), esc(c.Title), esc(id), esc(c.describe(f)))
	for _, ln := range l.Lines {
		dash := ""
		if ln.Dashed {
			dash = ` stroke-dasharray="4 3"`
		}
		fmt.Fprintf(&b, `<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"%s/>`,
			ln.Class, num(ln.X1), num(ln.Y1), num(ln.X2), num(ln.Y2), ln.Stroke, dash)
	}
	for _, r := range l.Rects {
		fmt.Fprintf(&b, `<rect class="%s" x="%s" y="%s" width="%s" height="%s" fill="%s"`, r.Class, num(r.X), num(r.Y), num(r.W), num(r.H), r.Fill)
		if r.Category >= 0 {
			fmt.Fprintf(&b, ` data-category="%d" data-series="%d" data-value="%s"`, r.Category, r.Series, num(r.Value))
		}
		if r.Label != "" {
			fmt.Fprintf(&b, `><title>%s</title></rect>`, esc(r.Label))
		} else {
			b.WriteString(`/>`)
		}
	}
	for _, t := range l.Texts {
		weight := ""
		if t.Bold {
			weight = ` font-weight="bold"`
		}
		fmt.Fprintf(&b, `<text class="%s" x="%s" y="%s" text-anchor="%s" font-size="%s" fill="%s"%s>%s</text>`,
			t.Class, num(t.X), num(t.Y), textAnchor(t.Anchor, l.RTL), num(t.Size), inkColor, weight, esc(t.S))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()), nil // #nosec: every text is escaped above
}

// textAnchor is SVG's text-anchor for a on the page. SVG's "start" and
// "end" follow the text's direction, which is right to left in an RTL
// chart, so there "start" is the right end.
func textAnchor(a Anchor, rtl bool) string {
	switch {
	case a == Middle:
		return "middle"
	case (a == Left) != rtl:
		return "start"
	default:
		return "end"
	}
}

// describe is the chart's description: Desc, or every value in words.
func (c *Chart) describe(f formatter) string {
	if c.Desc != "" {
		return c.Desc
	}
	var parts []string
	for i, cat := range c.Categories {
		vals := make([]string, len(c.Series))
		for s := range c.Series {
			vals[s] = f.value(c.Series[s].Values[i])
			if len(c.Series) > 1 {
				vals[s] = c.Series[s].Name + " " + vals[s]
			}
		}
		parts = append(parts, cat+": "+strings.Join(vals, ", "))
	}
	return strings.Join(parts, "; ")
}

// num writes a coordinate rounded to one decimal, in ASCII digits.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// esc escapes s for XML text and attribute values.
func esc(s string) string { return template.HTMLEscapeString(s) }
