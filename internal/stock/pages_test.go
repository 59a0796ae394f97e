package stock_test

import (
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// The warehouse, donor and device lists go page by page, newest first,
// each row once, within the reader's scope, with their counts.
func TestListPages(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		f := setup(t, w)
		third, err := f.s.CreateWarehouse(f.ctx, f.admin, stock.WarehouseInput{Code: "KRG-2", Name: "Second warehouse",
			Kind: stock.Store, OrgID: w.Foundation.ID, RegionCode: "KZ-35", Active: true})
		must(t, err)
		ids := func(pageIDs func(store.Page) ([]int64, string)) []int64 {
			var out []int64
			pg := store.Page{Limit: 2}
			for range 5 {
				got, next := pageIDs(pg)
				out = append(out, got...)
				if next == "" {
					return out
				}
				pg = store.ParsePage(next, "2")
			}
			t.Fatal("the pages never end")
			return nil
		}
		whs := ids(func(pg store.Page) ([]int64, string) {
			list, next, err := f.s.WarehousePage(f.ctx, f.admin, pg)
			must(t, err)
			var out []int64
			for _, x := range list {
				out = append(out, x.ID)
			}
			return out, next
		})
		if len(whs) != 3 || whs[0] != third.ID || whs[1] != f.point.ID || whs[2] != f.central.ID {
			t.Fatalf("warehouses by page %v", whs)
		}
		if n, err := f.s.WarehousesCount(f.ctx, f.admin); err != nil || n.N != 3 || n.More {
			t.Fatalf("count %+v %v", n, err)
		}
		// The Support centre's keeper sees its point alone.
		list, next, err := f.s.WarehousePage(f.ctx, f.wh, store.Page{Limit: 2})
		must(t, err)
		if n, _ := f.s.WarehousesCount(f.ctx, f.wh); len(list) != 1 || list[0].ID != f.point.ID || next != "" || n.N != 1 {
			t.Fatalf("the keeper's page %+v, count %+v", list, n)
		}
		for _, name := range []string{"Second donor", "Third donor"} {
			_, err := f.s.CreateDonor(f.ctx, f.admin, stock.DonorInput{Name: name, Kind: stock.DonorPerson, OrgID: w.Foundation.ID})
			must(t, err)
		}
		donors := ids(func(pg store.Page) ([]int64, string) {
			list, next, err := f.s.DonorPage(f.ctx, f.admin, pg)
			must(t, err)
			var out []int64
			for _, x := range list {
				out = append(out, x.ID)
			}
			return out, next
		})
		if n, err := f.s.DonorsCount(f.ctx, f.admin); err != nil || len(donors) != 3 || n.N != 3 || donors[2] != f.donor.ID ||
			donors[0] < donors[1] {
			t.Fatalf("donors by page %v, count %+v %v", donors, n, err)
		}
		f.donate(t, f.point, stock.Line{ItemID: f.pc, Serials: []string{"PC-1", "PC-2", "PC-3"}})
		_, err = f.s.WriteOff(f.ctx, f.admin, stock.WriteOffInput{WarehouseID: f.point.ID, Reason: stock.Damaged,
			Lines: []stock.Line{{ItemID: f.pc, Serials: []string{"PC-2"}}}})
		must(t, err)
		for _, c := range []struct {
			state string
			want  []string
		}{{"", []string{"PC-3", "PC-2", "PC-1"}}, {stock.UnitInStock, []string{"PC-3", "PC-1"}}} {
			var got []string
			units := ids(func(pg store.Page) ([]int64, string) {
				list, next, err := f.s.UnitPage(f.ctx, f.wh, f.point.ID, c.state, pg)
				must(t, err)
				var out []int64
				for _, u := range list {
					out = append(out, u.ID)
					got = append(got, u.Serial)
				}
				return out, next
			})
			n, err := f.s.UnitsCount(f.ctx, f.wh, f.point.ID, c.state)
			if err != nil || len(units) != len(c.want) || n.N != len(c.want) || strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Fatalf("devices %q by page %v, count %+v %v", c.state, got, n, err)
			}
		}
		if _, _, err := f.s.UnitPage(f.ctx, f.wh, f.central.ID, "", store.Page{}); err == nil {
			t.Fatal("the keeper listed the devices of a warehouse outside their scope")
		}
	})
}
