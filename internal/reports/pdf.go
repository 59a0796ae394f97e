package reports

import (
	"github.com/jolproject/jol/internal/chart"
	"io"
	"strings"

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
	num := func(v int64, shown bool) string {
		if !shown {
			return Hidden
		}
		return l.Number(v)
	}
	doc := pdfdoc.Document{Lang: locale, Title: l.T("report.title", "Name", name), Created: r.ProducedAt,
		Letterhead: &pdfdoc.Letterhead{Name: f.Organiser}, Footer: l.T("report.footer", "Name", name)}
	add := func(b ...pdfdoc.Block) { doc.Blocks = append(doc.Blocks, b...) }
	add(pdfdoc.Heading{Text: l.T("report.title", "Name", name), Level: 1})
	if sl := f.Slogan.In(locale); sl != "" {
		add(pdfdoc.Paragraph{Text: sl, Bold: true})
	}
	requests, reached, delivered, shown := f.Headline(tables)
	kv := pdfdoc.KeyValues{
		{Key: l.T("report.period"), Value: l.T("report.period_value", "From", l.Date(f.StartsOn), "To", l.Date(f.EndsOn))},
		{Key: l.T("report.requests"), Value: num(requests, shown[0])},
		{Key: l.T("report.reached"), Value: num(reached, shown[1])},
		{Key: l.T("report.delivered"), Value: num(delivered, shown[2])},
	}
	if f.Previous != nil {
		kv = append(kv, pdfdoc.KeyValue{Key: l.T("report.previous", "Name", f.Previous.Name.In(locale)),
			Value: l.Number(f.Previous.Total)})
	}
	add(kv)
	add(pdfdoc.Paragraph{Text: l.T("report.as_of", "Date", l.DateTime(f.AsOf)), Small: true})
	for _, t := range tables {
		if fig := chartOf(t); len(fig.Chart.Categories) > 0 {
			add(fig)
		}
		add(tableOf(l, t))
	}
	add(pdfdoc.Paragraph{Text: l.T("report.suppressed", "Min", 5), Small: true})
	if len(f.Items) > 0 {
		add(pdfdoc.Heading{Text: l.T("report.items"), Level: 2})
		it := pdfdoc.Table{Columns: []pdfdoc.Column{{Title: l.T("report.head.item"), Width: 3},
			{Title: l.T("report.head.target"), Align: pdfdoc.End}, {Title: l.T("report.head.units_reached"), Align: pdfdoc.End},
			{Title: l.T("report.head.units_delivered"), Align: pdfdoc.End}}}
		for _, x := range f.Items {
			it.Rows = append(it.Rows, []string{x.In(locale), l.Number(x.Target), small(l, x.Reached), small(l, x.Delivered)})
		}
		add(it)
	}
	s.giving(l, f, add)
	if len(f.Partners) > 0 {
		add(pdfdoc.Heading{Text: l.T("report.partners"), Level: 2})
		var lines []string
		for _, p := range f.Partners {
			lines = append(lines, p.Name+" — "+l.T("campaign.role."+p.Role))
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
			kv = append(kv, pdfdoc.KeyValue{Key: l.T("report.given", "Currency", m.Currency), Value: l.Decimal(float64(m.Given)/100, 2) + " " + m.Currency})
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
