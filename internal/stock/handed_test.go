package stock_test

import (
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// The devices handed over are listed to those who see the warehouse that
// handed them over, with the handover's document and time; a device in
// stock is not, nor is anything to a reader of another organisation.
func TestHandedPageKeepsToTheScope(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		f.donate(t, f.point, stock.Line{ItemID: f.pc, Serials: []string{"HD-1", "HD-2"}})
		r := f.request(t, "Aru", f.pc, "", 1)
		issue, err := f.s.Issue(f.ctx, f.admin, stock.IssueInput{WarehouseID: f.point.ID, RequestID: r, Line: 1,
			Serials: []string{"HD-2"}})
		must(t, err)
		pg := store.ParsePage("", "")
		list, next, err := f.s.HandedPage(f.ctx, f.wh, "", pg)
		must(t, err)
		if len(list) != 1 || list[0].Serial != "HD-2" || list[0].DocID != issue.ID || list[0].HandedAt.IsZero() ||
			list[0].WarehouseID != f.point.ID || next != "" {
			t.Fatalf("the centre's handovers: %+v, next %q", list, next)
		}
		if n, err := f.s.HandedCount(f.ctx, f.wh); err != nil || n.N != 1 {
			t.Fatalf("counted %+v, %v", n, err)
		}
		school := access.Principal{Role: access.Coordinator, OrgPath: w.School.Path}
		if list, _, err := f.s.HandedPage(f.ctx, school, "", pg); err != nil || len(list) != 0 {
			t.Fatalf("a school's coordinator sees the centre's handovers: %+v, %v", list, err)
		}
		if list, _, err := f.s.HandedPage(f.ctx, f.wh, "not a cursor", pg); err != nil || len(list) != 1 {
			t.Fatalf("a broken cursor is not the first page: %+v, %v", list, err)
		}
	})
}
