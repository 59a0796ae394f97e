package allocation

import (
	"cmp"
	"slices"
	"time"
)

// Outcome is what a run decided for a request line.
type Outcome string

// The outcomes of a line. Every one but Allocated leaves the line
// waiting, and says why.
const (
	Allocated    Outcome = "allocated"  // served from a warehouse
	NoStock      Outcome = "no_stock"   // its item in its size ran out for its region
	QuotaReached Outcome = "quota"      // its region's quota was reached
	NoRoute      Outcome = "no_route"   // no warehouse serves its region
	MultiUnit    Outcome = "multi_unit" // it asks for more than one unit
)

// Result is the outcome of one line, with what its explanation says: the
// line's rank in its region, and the rank at which its size ran out or
// its region's quota was reached there (Cutoff: the worst rank served or
// held there, 0 when none was).
type Result struct {
	RequestID   int64   `json:"request_id"`
	Line        int     `json:"line"`
	ItemID      int64   `json:"item_id"`
	Size        string  `json:"size,omitempty"`
	Region      string  `json:"region_path"`
	Outcome     Outcome `json:"outcome"`
	WarehouseID int64   `json:"warehouse_id,omitempty"`
	Cost        int64   `json:"cost,omitempty"`
	Priority    int64   `json:"priority"`
	RankRegion  string  `json:"rank_region,omitempty"`
	Rank        int     `json:"rank,omitempty"`
	Of          int     `json:"of,omitempty"`
	Cutoff      int     `json:"cutoff,omitempty"`
	Quota       int64   `json:"quota,omitempty"`
	QuotaRegion string  `json:"quota_region,omitempty"`
}

// Plan is what a run decides: the objective (the total priority of the
// lines it serves) and the least total cost of the routes that serve
// them, its counts, each line's outcome, and the same summed by
// warehouse, region and item.
type Plan struct {
	CampaignID int64 `json:"campaign_id"`
	// Version is the campaign's allocation version the plan was made at;
	// a commit planned at an older one is refused.
	Version int `json:"version"`
	// Digest identifies the input: the same digest, the same plan.
	Digest     string           `json:"digest"`
	Objective  int64            `json:"objective"`
	Distance   int64            `json:"distance"`
	Lines      int              `json:"lines"`      // lines considered (waiting for stock)
	Served     int              `json:"served"`     // of them, served now
	Waitlisted int              `json:"waitlisted"` // of them, left waiting
	Kept       int              `json:"kept"`       // lines that hold stock from earlier runs
	Results    []Result         `json:"results,omitempty"`
	Warehouses []WarehouseTally `json:"warehouses"`
	Regions    []RegionTally    `json:"regions"`
	Items      []ItemTally      `json:"items"`
	Read       time.Duration    `json:"read_ns"`
	Solve      time.Duration    `json:"solve_ns"`
	Pivots     int              `json:"pivots"`
}

// WarehouseTally is what a plan takes from a warehouse.
type WarehouseTally struct {
	WarehouseID int64  `json:"warehouse_id"`
	Name        string `json:"name"`
	Available   int64  `json:"available"`
	Served      int    `json:"served"`
	Cost        int64  `json:"cost"`
}

// RegionTally is what a plan gives a region (the region below the
// country, where requests are ranked).
type RegionTally struct {
	Region     string `json:"region_path"`
	Lines      int    `json:"lines"`
	Served     int    `json:"served"`
	Waitlisted int    `json:"waitlisted"`
	Kept       int    `json:"kept"`
	Objective  int64  `json:"objective"`
}

// ItemTally is what a plan gives of an item in a size.
type ItemTally struct {
	ItemID     int64  `json:"item_id"`
	Size       string `json:"size,omitempty"`
	Available  int64  `json:"available"`
	Lines      int    `json:"lines"`
	Served     int    `json:"served"`
	Waitlisted int    `json:"waitlisted"`
}

// derive reads the plan off the solved network.
func (m *model) derive(s solved) *Plan {
	p := &Plan{CampaignID: m.in.CampaignID, Pivots: s.pivots}
	res := make([]Result, len(m.cand))
	for c, i := range m.cand {
		l := m.in.Lines[i]
		res[c] = Result{RequestID: l.RequestID, Line: l.Line, ItemID: l.ItemID, Size: l.Size, Region: l.Region,
			Priority: l.Priority, RankRegion: l.RankRegion, Rank: l.Rank, Of: l.Of}
	}
	m.assign(s, res)
	m.explain(s, res)
	for _, l := range m.in.Lines {
		switch l.role() {
		case kept:
			p.Kept++
		case multiUnit:
			res = append(res, Result{RequestID: l.RequestID, Line: l.Line, ItemID: l.ItemID, Size: l.Size,
				Region: l.Region, Outcome: MultiUnit, Priority: l.Priority, RankRegion: l.RankRegion, Rank: l.Rank,
				Of: l.Of})
		}
	}
	for _, r := range res {
		p.Lines++
		if r.Outcome == Allocated {
			p.Served++
			p.Objective += r.Priority
			p.Distance += r.Cost
		} else {
			p.Waitlisted++
		}
	}
	p.Results = res
	m.tally(p)
	return p
}

// assign names the warehouse of each line served. The lines a group
// serves are alike but for their order, so its units go out warehouse by
// warehouse (the cheapest first, then by id) to its served lines in
// order: the total cost is the flow's whatever the pairing.
func (m *model) assign(s solved, res []Result) {
	served := make([][]int, len(m.groups)) // per group, its served candidates in order
	for c := range m.cand {
		if a := m.lineArc[c]; a >= 0 && s.flow[a] > 0 {
			served[m.group[c]] = append(served[m.group[c]], c)
		}
	}
	for gi, gr := range m.groups {
		routes := slices.Clone(gr.routes)
		slices.SortFunc(routes, func(a, b routeArc) int {
			return cmp.Or(cmp.Compare(a.cost, b.cost),
				cmp.Compare(m.in.Stock[a.stock].WarehouseID, m.in.Stock[b.stock].WarehouseID))
		})
		next := 0
		for _, r := range routes {
			for u := int64(0); u < s.flow[r.arc] && next < len(served[gi]); u++ {
				c := served[gi][next]
				res[c].Outcome, res[c].WarehouseID, res[c].Cost = Allocated, m.in.Stock[r.stock].WarehouseID, r.cost
				next++
			}
		}
	}
}
