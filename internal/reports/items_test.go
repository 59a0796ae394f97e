package reports_test

import (
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/reports"
)

// The published items show no count the tables hide: the children of an
// item are its column of the table by item as shown, and the units
// (which equal the requests when each asked for one) are left out; a
// campaign recorded by hand shows its units, a small one hidden.
func TestItemRowsHideWhatTablesHide(t *testing.T) {
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	l := cat.Localizer(i18n.EN)
	label := func(s string) reports.Label { return reports.Label{Code: s, Names: map[string]string{"en": s}} }
	f := reports.Figures{Regions: []reports.Label{label("Karaganda"), label("Almaty")}, Outcomes: []string{"delivered", "in_progress"},
		Items:  []reports.Item{{Label: label("kit"), Target: 10, Reached: 23, Delivered: 15, Children: 23}},
		ByItem: [][]int64{{3}, {20}}, ByOutcome: [][]int64{{3, 0}, {12, 8}}}
	tables := f.Tables(l, true)
	head, rows := f.ItemRows(l, tables)
	var byItem reports.Table
	for _, tb := range tables {
		if tb.ID == "by_item" {
			byItem = tb
		}
	}
	if len(head) != 3 || len(rows) != 1 || rows[0][2] != byItem.Cell(l, byItem.Grid.Rows(), 0) || slices.Contains(rows[0], "15") {
		t.Errorf("published items %q %q; the table's total %q", head, rows, byItem.Cell(l, byItem.Grid.Rows(), 0))
	}
	f = reports.Figures{Recorded: true, Items: []reports.Item{{Label: label("kit"), Target: 10, Delivered: 3, Children: 3}}}
	head, rows = f.ItemRows(l, f.Tables(l, true))
	if len(head) != 4 || !slices.Equal(rows[0], []string{"kit", "10", reports.Hidden, reports.Hidden}) {
		t.Errorf("recorded items %q %q", head, rows)
	}
}
