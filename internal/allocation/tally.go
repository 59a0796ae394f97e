package allocation

import (
	"cmp"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/eligibility"
)

// tally sums the plan's results by warehouse, by region (the region below
// the country) and by item and size, each in a fixed order.
func (m *model) tally(p *Plan) {
	wh := map[int64]*WarehouseTally{}
	for _, w := range m.in.Warehouses {
		wh[w.ID] = &WarehouseTally{WarehouseID: w.ID, Name: w.Name}
	}
	type itemKey struct {
		item int64
		size string
	}
	items := map[itemKey]*ItemTally{}
	item := func(id int64, size string) *ItemTally {
		k := itemKey{id, size}
		if items[k] == nil {
			items[k] = &ItemTally{ItemID: id, Size: size}
		}
		return items[k]
	}
	for _, s := range m.in.Stock {
		if w := wh[s.WarehouseID]; w != nil {
			w.Available += s.Available
		}
		item(s.ItemID, s.Size).Available += s.Available
	}
	regions := map[string]*RegionTally{}
	region := func(path string) *RegionTally {
		r := eligibility.RankRegion(path, 2)
		if regions[r] == nil {
			regions[r] = &RegionTally{Region: r}
		}
		return regions[r]
	}
	for _, l := range m.in.Lines {
		if l.role() == kept {
			region(l.Region).Kept++
		}
	}
	for _, r := range p.Results {
		rt, it := region(r.Region), item(r.ItemID, r.Size)
		rt.Lines++
		it.Lines++
		if r.Outcome != Allocated {
			rt.Waitlisted++
			it.Waitlisted++
			continue
		}
		rt.Served++
		rt.Objective += r.Priority
		it.Served++
		if w := wh[r.WarehouseID]; w != nil {
			w.Served++
			w.Cost += r.Cost
		}
	}
	for _, w := range wh {
		if w.Available > 0 || w.Served > 0 {
			p.Warehouses = append(p.Warehouses, *w)
		}
	}
	slices.SortFunc(p.Warehouses, func(a, b WarehouseTally) int { return cmp.Compare(a.WarehouseID, b.WarehouseID) })
	for _, r := range regions {
		p.Regions = append(p.Regions, *r)
	}
	slices.SortFunc(p.Regions, func(a, b RegionTally) int { return strings.Compare(a.Region, b.Region) })
	for _, it := range items {
		p.Items = append(p.Items, *it)
	}
	slices.SortFunc(p.Items, func(a, b ItemTally) int {
		return cmp.Or(cmp.Compare(a.ItemID, b.ItemID), strings.Compare(a.Size, b.Size))
	})
}
