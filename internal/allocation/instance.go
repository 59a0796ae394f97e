package allocation

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Instance is everything one run decides from, as plain data: the lines
// of the campaign's requests, the stock available, the warehouses with
// the regions they serve, and the quotas. Read reads it from the
// database; tests build it by hand too. Plan orders it first, so the same
// instance gives the same plan whatever order it came in.
type Instance struct {
	CampaignID int64
	Lines      []Line
	Stock      []Stock
	Warehouses []Warehouse
	Quotas     []Quota
}

// Line is a request line with what the run needs of its request: where
// the request stands, its priority and rank, and whether the line holds
// stock already.
type Line struct {
	RequestID int64
	Line      int
	ItemID    int64
	Size      string
	Quantity  int
	// Region is the request's region path; every region subtree that
	// contains it (a route's, a quota's) applies to the line.
	Region string
	// Priority is the request's score, 0 when it has none or a negative
	// one: what a run maximises the sum of over the lines it serves.
	Priority  int64
	Requested time.Time
	// RankRegion, Rank and Of are the request's place among the ranked
	// requests of its region (Rank 0 when not ranked), for explanations.
	RankRegion string
	Rank, Of   int

	Status  string // the request's status: approved, waitlisted, allocated or delivered
	Version int    // the request's version, for the move a commit makes
	// HeldAt is the warehouse of the line's hold, 0 when it holds none.
	HeldAt int64
}

// role is what a run does with a line.
type role int

const (
	candidate role = iota // waits for stock: the run may serve it
	kept                  // holds stock already: fixed, counts against quotas
	delivered             // handed over: counts against quotas
	multiUnit             // asks for more than one unit: left out
)

func (l Line) role() role {
	switch {
	case l.HeldAt != 0:
		return kept
	case l.Status == "delivered":
		return delivered
	case l.Quantity > 1:
		return multiUnit
	}
	return candidate
}

// Stock is what a warehouse has available (on hand, not reserved) of an
// item in a size.
type Stock struct {
	WarehouseID int64
	ItemID      int64
	Size        string
	Available   int64
}

// Warehouse is an open warehouse that may serve the campaign, with the
// regions it serves. Routes nil means the default: its own region subtree
// at cost 0.
type Warehouse struct {
	ID     int64
	Name   string
	Region string // its region path
	Routes []Route
}

// Route lets a warehouse serve a region subtree at a cost.
type Route struct {
	WarehouseID int64  `json:"warehouse_id"`
	Region      string `json:"region_path"`
	RegionCode  string `json:"region_code"`
	Cost        int64  `json:"cost"`
}

// serves returns what it costs w to serve region (a path) and whether it
// may: the route with the deepest region containing it, or the default.
func (w Warehouse) serves(region string) (int64, bool) {
	if w.Routes == nil {
		return 0, strings.HasPrefix(region, w.Region)
	}
	best, cost := -1, int64(0)
	for _, r := range w.Routes {
		if strings.HasPrefix(region, r.Region) && len(r.Region) > best {
			best, cost = len(r.Region), r.Cost
		}
	}
	return cost, best >= 0
}

// Order puts the instance in the order a plan is made in: its lines in
// the order a run serves them when it can (the highest priority first,
// then the earlier request), the rest by their keys.
func (in *Instance) Order() { in.canonical() }

// canonical sorts the instance into the order a plan is made in: lines
// by priority (highest first), then the earlier request, then request id
// and line; the rest by their keys.
func (in *Instance) canonical() {
	slices.SortFunc(in.Lines, func(a, b Line) int { // request and line make every key unique
		return cmp.Or(cmp.Compare(b.Priority, a.Priority), a.Requested.Compare(b.Requested),
			cmp.Compare(a.RequestID, b.RequestID), cmp.Compare(a.Line, b.Line))
	})
	slices.SortFunc(in.Stock, func(a, b Stock) int {
		return cmp.Or(cmp.Compare(a.WarehouseID, b.WarehouseID), cmp.Compare(a.ItemID, b.ItemID),
			strings.Compare(a.Size, b.Size))
	})
	slices.SortFunc(in.Warehouses, func(a, b Warehouse) int { return cmp.Compare(a.ID, b.ID) })
	for _, w := range in.Warehouses {
		slices.SortFunc(w.Routes, func(a, b Route) int { return strings.Compare(a.Region, b.Region) })
	}
	slices.SortFunc(in.Quotas, func(a, b Quota) int {
		return cmp.Or(strings.Compare(a.Region, b.Region), cmp.Compare(a.ItemID, b.ItemID))
	})
}
