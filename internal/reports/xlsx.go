package reports

import (
	"io"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/tabular"
)

// WriteXLSX writes r's figures as a workbook in locale's language, one
// sheet per table, every count whole and a number: the summary, the
// request funnel, the items, the three tables by region (with their
// totals), the gifts and the hours.
func (s *Service) WriteXLSX(w io.Writer, r Report, locale i18n.Locale) error {
	l := s.d.Catalog.Localizer(locale)
	f := r.Figures
	sheets := []tabular.Sheet{{Name: l.T("report.sheet.summary"), Header: []string{l.T("report.head.figure"), l.T("report.head.value")},
		Rows: [][]any{
			{l.T("report.campaign"), f.Name.In(locale)},
			{l.T("report.requests"), f.Requests},
			{l.T("report.reached"), f.Reached},
			{l.T("report.delivered"), f.Delivered},
			{l.T("report.as_of_label"), f.AsOf.Format("2006-01-02 15:04 UTC")},
		}}}
	funnel := tabular.Sheet{Name: l.T("report.sheet.funnel"), Header: []string{l.T("report.head.step"), l.T("report.head.requests")}}
	for _, st := range f.Funnel {
		funnel.Rows = append(funnel.Rows, []any{l.T("requeststatus." + st.Status), st.Requests})
	}
	items := tabular.Sheet{Name: l.T("report.items"), Header: []string{l.T("report.head.code"), l.T("report.head.item"),
		l.T("report.head.target"), l.T("report.head.units_reached"), l.T("report.head.units_delivered"), l.T("report.head.children")}}
	for _, it := range f.Items {
		items.Rows = append(items.Rows, []any{it.Code, it.In(locale), it.Target, it.Reached, it.Delivered, it.Children})
	}
	sheets = append(sheets, funnel, items)
	for _, t := range f.Tables(l, false) {
		sh := tabular.Sheet{Name: t.Title, Header: append(append([]string{t.RowHead}, t.Cols...), l.T("report.total"))}
		for i := range t.Grid.Rows() + 1 {
			row := []any{l.T("report.total")}
			if i < len(t.Rows) {
				row[0] = t.Rows[i]
			}
			for j := range t.Grid.Cols() + 1 {
				row = append(row, t.Grid.Value(i, j))
			}
			sh.Rows = append(sh.Rows, row)
		}
		sheets = append(sheets, sh)
	}
	if f.Gifts != nil && len(f.Gifts.Money) > 0 {
		g := tabular.Sheet{Name: l.T("report.gifts"), Header: []string{l.T("report.head.currency"), l.T("report.head.given"),
			l.T("report.head.pledged"), l.T("report.head.fulfilled")}}
		for _, m := range f.Gifts.Money {
			g.Rows = append(g.Rows, []any{m.Currency, m.Major(m.Given), m.Major(m.Pledged), m.Major(m.Fulfilled)})
		}
		sheets = append(sheets, g)
	}
	if f.Hours != nil && len(f.Hours.BySkill) > 0 {
		h := tabular.Sheet{Name: l.T("report.hours"), Header: []string{l.T("report.head.skill"), l.T("report.head.hours")}}
		for _, x := range f.Hours.BySkill {
			h.Rows = append(h.Rows, []any{x.Skill, x.Hours})
		}
		sheets = append(sheets, h)
	}
	return tabular.WriteSheets(w, sheets, locale.Dir() == "rtl")
}
