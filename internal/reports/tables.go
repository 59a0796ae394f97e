package reports

import (
	"slices"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/suppress"
)

// Table is one of a report's tables in one language: rows by region,
// columns, and the counts with their totals, hidden as suppress decides
// when published.
type Table struct {
	ID      string
	Title   string
	RowHead string
	Rows    []string
	Cols    []string
	Grid    suppress.Grid
}

// Tables are the report's tables in l's language: published (small counts
// and their complements hidden, tables sharing their margins protected
// together) for the public page and the PDF, whole for the workbook.
func (f Figures) Tables(l *i18n.Localizer, published bool) []Table {
	if f.Recorded {
		return nil // no request was counted by region
	}
	loc := l.Locale()
	var regions []string
	for _, r := range f.Regions {
		regions = append(regions, r.In(loc))
	}
	var items, cats, outcomes []string
	for _, it := range f.Items {
		items = append(items, it.In(loc))
	}
	for _, c := range f.Categories {
		cats = append(cats, c.In(loc))
	}
	for _, o := range f.Outcomes {
		outcomes = append(outcomes, l.T("report.outcome."+o))
	}
	reachedFirst := 0
	if len(f.Outcomes) > len(reachedOutcomes) && slices.Equal(f.Outcomes[:len(reachedOutcomes)], reachedOutcomes) {
		reachedFirst = len(reachedOutcomes)
	}
	var out []Table
	var counts []suppress.Table
	var split []int
	for _, t := range []struct {
		id    string
		cols  []string
		cells [][]int64
		split int
	}{{"by_outcome", outcomes, f.ByOutcome, reachedFirst}, {"by_item", items, f.ByItem, 0}, {"by_category", cats, f.ByCategory, 0}} {
		if len(regions) > 0 && len(t.cols) > 0 {
			out = append(out, Table{ID: t.id, Title: l.T("report.table." + t.id), RowHead: l.T("report.head.region"),
				Rows: regions, Cols: t.cols})
			counts, split = append(counts, suppress.Table{Cells: t.cells}), append(split, t.split)
		}
	}
	grids := protect(counts, split, published)
	for k := range out {
		out[k].Grid = grids[k]
	}
	return out
}

// Cell is the count at (i, j) of t's extended grid as written for a
// reader in l's language: the number, or a dash when hidden.
func (t Table) Cell(l *i18n.Localizer, i, j int) string {
	if v, shown := t.Grid.Shown(i, j); shown {
		return l.Number(v)
	}
	return Hidden
}

// Hidden is what a hidden count is written as.
const Hidden = "–"

// ColTotal is t's total of column j as written, and whether it is shown.
func (t Table) ColTotal(j int) (int64, bool) { return t.Grid.Shown(t.Grid.Rows(), j) }

// Headline are the report's totals a reader may see: requests, children
// reached, requests delivered, each with whether it is shown. They are
// read from the outcome table, so a published headline hides what that
// table hides (reached is shown when both of its parts are).
func (f Figures) Headline(tables []Table) (requests, reached, delivered int64, shown [3]bool) {
	requests, reached, delivered, shown = f.Requests, f.Reached, f.Delivered, [3]bool{true, true, true}
	for _, t := range tables {
		if t.ID != "by_outcome" {
			continue
		}
		r, c := t.Grid.Rows(), t.Grid.Cols()
		var d, p bool
		requests, shown[0] = t.Grid.Shown(r, c)
		delivered, d = t.Grid.Shown(r, 0)
		reached, p = t.Grid.Shown(r, 1)
		reached += delivered
		shown[1], shown[2] = d && p, d
	}
	return requests, reached, delivered, shown
}

// KeyFigure is one of a report's key figures as written for a reader.
type KeyFigure struct{ Label, Value string }

// KeyFigures are the report's key figures in l's language as published,
// tables being f.Tables(l, true): requests, children reached and requests
// delivered, a hidden one as a dash; for results recorded by hand, the
// children reached and the units delivered.
func (f Figures) KeyFigures(l *i18n.Localizer, tables []Table) []KeyFigure {
	if f.Recorded {
		var units int64
		for _, it := range f.Items {
			units += it.Delivered
		}
		return []KeyFigure{{l.T("report.reached"), small(l, f.Reached)}, {l.T("report.head.units_delivered"), small(l, units)}}
	}
	requests, reached, delivered, shown := f.Headline(tables)
	out := []KeyFigure{}
	for i, x := range []struct {
		key string
		n   int64
	}{{"report.requests", requests}, {"report.reached", reached}, {"report.delivered", delivered}} {
		v := Hidden
		if shown[i] {
			v = l.Number(x.n)
		}
		out = append(out, KeyFigure{l.T(x.key), v})
	}
	return out
}

// ItemRows are the report's items as published, tables being
// f.Tables(l, true): the header and a row per item of its name, target
// and children reached — the column total of the table by item, hidden
// as it hides it, so that no other count recovers what the tables hide.
// Results recorded by hand, which have no tables, add the units
// delivered; a count under 5 is hidden.
func (f Figures) ItemRows(l *i18n.Localizer, tables []Table) (head []string, rows [][]string) {
	loc := l.Locale()
	head = []string{l.T("report.head.item"), l.T("report.head.target"), l.T("report.head.children")}
	if f.Recorded {
		head = []string{head[0], head[1], l.T("report.head.units_delivered"), head[2]}
	}
	var byItem *Table
	for i := range tables {
		if tables[i].ID == "by_item" {
			byItem = &tables[i]
		}
	}
	for j, it := range f.Items {
		children := small(l, it.Children)
		if byItem != nil {
			children = byItem.Cell(l, byItem.Grid.Rows(), j)
		}
		row := []string{it.In(loc), l.Number(it.Target), children}
		if f.Recorded {
			row = []string{row[0], row[1], small(l, it.Delivered), row[2]}
		}
		rows = append(rows, row)
	}
	return head, rows
}
