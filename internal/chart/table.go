package chart

import (
	"html/template"
	"strings"

	"github.com/jolproject/jol/internal/i18n"
)

// Table is a chart's numbers as a table: a row per category, a column per
// series (and one for the targets, when the chart has them), every cell
// already written in the locale.
type Table struct {
	ID      string
	Caption string
	Head    []string
	Rows    []TableRow
}

// TableRow is one category's row.
type TableRow struct {
	Category string
	Cells    []string
}

// Table gives c's numbers for locale loc, the same numbers the chart draws.
func (c *Chart) Table(loc i18n.Locale) Table {
	f := formatter{loc: loc, c: c}
	t := Table{ID: c.ID, Caption: c.Title, Head: []string{c.CategoryHead}}
	for _, s := range c.Series {
		name := s.Name
		if c.Unit != "" && c.Unit != "%" && len(c.Series) == 1 {
			name += " (" + c.Unit + ")"
		}
		t.Head = append(t.Head, name)
	}
	if len(c.Targets) > 0 {
		t.Head = append(t.Head, c.TargetLabel)
	}
	for i, cat := range c.Categories {
		row := TableRow{Category: cat}
		for _, s := range c.Series {
			row.Cells = append(row.Cells, f.value(s.Values[i]))
		}
		if len(c.Targets) > 0 {
			cell := "—"
			if c.Targets[i] > 0 {
				cell = f.value(c.Targets[i])
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// HTML writes t as an HTML table whose caption is the chart's title; the
// table names the chart it belongs to in data-chart.
func (t Table) HTML() template.HTML {
	var b strings.Builder
	b.WriteString(`<table class="chart-data" data-chart="` + esc(t.ID) + `"><caption>` + esc(t.Caption) + `</caption><thead><tr>`)
	for _, h := range t.Head {
		b.WriteString(`<th scope="col">` + esc(h) + `</th>`)
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, r := range t.Rows {
		b.WriteString(`<tr><th scope="row">` + esc(r.Category) + `</th>`)
		for _, c := range r.Cells {
			b.WriteString(`<td class="num">` + esc(c) + `</td>`)
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table>`)
	return template.HTML(b.String()) // every text is escaped above
}
