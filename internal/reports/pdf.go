package reports

import (
	"io"
	"strings"

	"github.com/jolproject/jol/internal/chart"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/pdfdoc"
)

// renderer is the PDF renderer given, or one built at the first report
// (it parses the fonts).
func (s *Service) renderer() (*pdfdoc.Renderer, error) {
	s.pdfOnce.Do(func() {
		if s.d.PDF == nil {
			s.d.PDF, s.pdfErr = pdfdoc.New()
		}
	})
	return s.d.PDF, s.pdfErr
}

// WritePDF writes r's report in locale's language: its figures, charts,
// published tables, partners, the sponsors named, and thanks.
func (s *Service) WritePDF(w io.Writer, r Report, locale i18n.Locale) error {
	pr, err := s.renderer()
	if err != nil {
		return err
	}
	return pr.Write(w, s.Document(r, locale))
}

// Document is r's report as a PDF document in locale's language.
func (s *Service) Document(r Report, locale i18n.Locale) pdfdoc.Document {
	l := s.d.Catalog.Localizer(locale)
	f := r.Figures
	tables := f.Tables(l, true)
	name := f.Name.In(locale)
	doc := pdfdoc.Document{Lang: locale, Title: l.T("report.title", "Name", name), Created: r.ProducedAt,
		Letterhead: &pdfdoc.Letterhead{Name: name0(locale, f.Organiser)}, Footer: l.T("report.footer", "Name", name)}
	add := func(b ...pdfdoc.Block) { doc.Blocks = append(doc.Blocks, b...) }
	add(pdfdoc.Heading{Text: l.T("report.title", "Name", name), Level: 1})
	if sl := f.Slogan.In(locale); sl != "" {
		add(pdfdoc.Paragraph{Text: sl, Bold: true})
	}
	kv := pdfdoc.KeyValues{{Key: l.T("report.period"), Value: l.T("report.period_value", "From", l.Date(f.StartsOn), "To", l.Date(f.EndsOn))}}
	for _, k := range f.KeyFigures(l, tables) {
		kv = append(kv, pdfdoc.KeyValue{Key: k.Label, Value: k.Value})
	}
	if f.Previous != nil {
		kv = append(kv, pdfdoc.KeyValue{Key: l.T("report.previous", "Name", f.Previous.Name.In(locale)),
			Value: l.Number(f.Previous.Total)})
	}
	add(kv)
	add(pdfdoc.Paragraph{Text: l.T("report.as_of", "Date", l.DateTime(f.AsOf)), Small: true})
	if f.Recorded {
		add(pdfdoc.Paragraph{Text: l.T("report.recorded", "Name", name)})
	}
	for _, t := range tables {
		if fig := chartOf(t); len(fig.Chart.Categories) > 0 {
			add(fig)
		}
		add(tableOf(l, t))
	}
	add(pdfdoc.Paragraph{Text: l.T("report.suppressed", "Min", 5), Small: true})
	if head, rows := f.ItemRows(l, tables); len(rows) > 0 {
		add(pdfdoc.Heading{Text: l.T("report.items"), Level: 2})
		it := pdfdoc.Table{Rows: rows}
		for i, h := range head {
			c := pdfdoc.Column{Title: h, Align: pdfdoc.End}
			if i == 0 {
				c = pdfdoc.Column{Title: h, Width: 2}
			}
			it.Columns = append(it.Columns, c)
		}
		add(it)
	}
	s.giving(l, f, add)
	if len(f.Partners) > 0 {
		add(pdfdoc.Heading{Text: l.T("report.partners"), Level: 2})
		var lines []string
		for _, p := range f.Partners {
			lines = append(lines, lead(locale)+name0(locale, p.Name)+" — "+l.T("campaign.role."+p.Role))
		}
		add(pdfdoc.Paragraph{Text: strings.Join(lines, "\n")})
	}
	if len(f.Sponsors) > 0 {
		add(pdfdoc.Heading{Text: l.T("report.sponsors"), Level: 2},
			pdfdoc.Paragraph{Text: strings.Join(f.Sponsors, l.T("common.list_separator"))})
	}
	add(pdfdoc.Heading{Text: l.T("report.thanks_title"), Level: 2}, pdfdoc.Paragraph{Text: l.T("report.thanks", "Name", name)})
	return doc
}

// small writes a count that is not a table's, hiding it under 5.
func small(l *i18n.Localizer, v int64) string {
	if v > 0 && v < 5 {
		return Hidden
	}
	return l.Number(v)
}

// giving adds the gifts and the volunteers' hours, when kept.
func (s *Service) giving(l *i18n.Localizer, f Figures, add func(...pdfdoc.Block)) {
	if f.Gifts != nil && (len(f.Gifts.Money) > 0 || f.Gifts.InKind > 0) {
		add(pdfdoc.Heading{Text: l.T("report.gifts"), Level: 2})
		kv := pdfdoc.KeyValues{{Key: l.T("report.sponsor_count"), Value: l.Number(int64(f.Gifts.Sponsors))}}
		for _, m := range f.Gifts.Money {
			kv = append(kv, pdfdoc.KeyValue{Key: l.T("report.given", "Currency", m.Currency), Value: l.Decimal(m.Major(m.Given), m.Digits) + " " + m.Currency})
		}
		if f.Gifts.InKind > 0 {
			kv = append(kv, pdfdoc.KeyValue{Key: l.T("report.in_kind"), Value: l.Number(f.Gifts.InKind)})
		}
		add(kv)
	}
	if f.Hours != nil && f.Hours.Approved > 0 {
		add(pdfdoc.Heading{Text: l.T("report.hours"), Level: 2}, pdfdoc.KeyValues{
			{Key: l.T("report.volunteers"), Value: l.Number(int64(f.Hours.Volunteers))},
			{Key: l.T("report.hours_approved"), Value: l.Decimal(f.Hours.Approved, 1)}})
	}
}

// chartOf draws t's column totals as horizontal bars. A hidden total is
// left out of the chart: the table under it shows it hidden.
func chartOf(t Table) pdfdoc.Figure {
	c := &chart.Chart{Kind: chart.Bars, Title: t.Title, Series: []chart.Series{{Name: t.Title}}}
	for j, name := range t.Cols {
		if v, shown := t.ColTotal(j); shown {
			c.Categories = append(c.Categories, name)
			c.Series[0].Values = append(c.Series[0].Values, float64(v))
		}
	}
	return pdfdoc.Figure{Chart: c}
}

// tableOf is t with its totals, as published.
func tableOf(l *i18n.Localizer, t Table) pdfdoc.Table {
	out := pdfdoc.Table{Columns: []pdfdoc.Column{{Title: t.RowHead, Width: 2}}}
	for _, c := range t.Cols {
		out.Columns = append(out.Columns, pdfdoc.Column{Title: c, Align: pdfdoc.End})
	}
	out.Columns = append(out.Columns, pdfdoc.Column{Title: l.T("report.total"), Align: pdfdoc.End})
	for i := range t.Grid.Rows() + 1 {
		row := []string{l.T("report.total")}
		if i < len(t.Rows) {
			row[0] = t.Rows[i]
		}
		for j := range t.Grid.Cols() + 1 {
			row = append(row, t.Cell(l, i, j))
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// name0 is a name as written in a document in locale: in a right-to-left
// one, a left-to-right mark first keeps the punctuation that opens a
// Latin or Cyrillic name («…») at its start.
func name0(locale i18n.Locale, name string) string {
	if locale.Dir() != "rtl" {
		return name
	}
	return "\u200e" + name
}

// lead opens a line of a document in locale that may start with a
// left-to-right name: a right-to-left mark keeps the line right to left.
func lead(locale i18n.Locale) string {
	if locale.Dir() != "rtl" {
		return ""
	}
	return "\u200f"
}
