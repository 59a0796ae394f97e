package allocation

import (
	"cmp"
	"slices"
	"strings"

	"github.com/jolproject/jol/internal/eligibility"
)

// tallies sum results by warehouse, by region (the region below the
// country) and by item and size.
type tallies struct {
	wh      map[int64]*WarehouseTally
	items   map[itemKey]*ItemTally
	regions map[string]*RegionTally
}

type itemKey struct {
	item int64
	size string
}

func newTallies() *tallies {
	return &tallies{wh: map[int64]*WarehouseTally{}, items: map[itemKey]*ItemTally{}, regions: map[string]*RegionTally{}}
}

func (t *tallies) warehouse(id int64) *WarehouseTally {
	if t.wh[id] == nil {
		t.wh[id] = &WarehouseTally{WarehouseID: id}
	}
	return t.wh[id]
}

func (t *tallies) item(id int64, size string) *ItemTally {
	k := itemKey{id, size}
	if t.items[k] == nil {
		t.items[k] = &ItemTally{ItemID: id, Size: size}
	}
	return t.items[k]
}

func (t *tallies) region(path string) *RegionTally {
	r := eligibility.RankRegion(path, 2)
	if t.regions[r] == nil {
		t.regions[r] = &RegionTally{Region: r}
	}
	return t.regions[r]
}

// add counts one line's outcome.
func (t *tallies) add(r Result) {
	rt, it := t.region(r.Region), t.item(r.ItemID, r.Size)
	rt.Lines++
	it.Lines++
	if r.Outcome != Allocated {
		rt.Waitlisted++
		it.Waitlisted++
		return
	}
	rt.Served++
	rt.Objective += r.Priority
	it.Served++
	w := t.warehouse(r.WarehouseID)
	w.Served++
	w.Cost += r.Cost
}

// sorted returns the sums in a fixed order: warehouses by id (those that
// neither hold nor serve anything left out), regions by path, items by
// id and size.
func (t *tallies) sorted() ([]WarehouseTally, []RegionTally, []ItemTally) {
	var ws []WarehouseTally
	for _, w := range t.wh {
		if w.Available > 0 || w.Served > 0 {
			ws = append(ws, *w)
		}
	}
	slices.SortFunc(ws, func(a, b WarehouseTally) int { return cmp.Compare(a.WarehouseID, b.WarehouseID) })
	var rs []RegionTally
	for _, r := range t.regions {
		rs = append(rs, *r)
	}
	slices.SortFunc(rs, func(a, b RegionTally) int { return strings.Compare(a.Region, b.Region) })
	var is []ItemTally
	for _, it := range t.items {
		is = append(is, *it)
	}
	slices.SortFunc(is, func(a, b ItemTally) int {
		return cmp.Or(cmp.Compare(a.ItemID, b.ItemID), strings.Compare(a.Size, b.Size))
	})
	return ws, rs, is
}

// tally sums the plan's results, with the stock each warehouse and item
// had and the lines each region holds from before.
func (m *model) tally(p *Plan) {
	t := newTallies()
	for _, w := range m.in.Warehouses {
		t.warehouse(w.ID).Name = w.Name
	}
	for _, s := range m.in.Stock {
		t.warehouse(s.WarehouseID).Available += s.Available
		t.item(s.ItemID, s.Size).Available += s.Available
	}
	for _, l := range m.in.Lines {
		if l.role() == kept {
			t.region(l.Region).Kept++
		}
	}
	for _, r := range p.Results {
		t.add(r)
	}
	p.Warehouses, p.Regions, p.Items = t.sorted()
}

// Tally sums the outcomes of a run's lines as its plan did: by warehouse
// (without names or stock), by region and by item and size.
func Tally(results []Result) ([]WarehouseTally, []RegionTally, []ItemTally) {
	t := newTallies()
	for _, r := range results {
		t.add(r)
	}
	return t.sorted()
}
