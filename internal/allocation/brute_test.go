package allocation

import (
	"cmp"
	"slices"
	"strings"
)

// bruteForce solves an instance by trying every assignment of its
// waiting lines to a warehouse or to none, written from the rules alone
// and sharing nothing with the flow model: a line may be served by a
// warehouse whose deepest route containing the line's region allows it
// (its own region subtree at cost 0 when it has no route), with stock of
// the line's item in its size; a warehouse gives at most what it has
// available; each quota's set receives at most its limit (a fixed number,
// or the share of the lines of its set, rounded down) less what its set
// holds or was handed already. Lines holding stock and lines handed over
// are fixed; a line asking for more than one unit is never served. It
// returns the best assignment's total priority, then its order's worth
// (the c-th waiting line in order is worth n-c), then its least cost, in
// that order of importance, and the number of assignments tried.
func bruteForce(in *Instance) (priority, order, cost int64, tried int) {
	var waiting []Line
	type setCount struct{ need, held int64 }
	counts := make([]setCount, len(in.Quotas))
	for _, l := range in.Lines {
		for qi, q := range in.Quotas {
			if strings.HasPrefix(l.Region, q.Region) && (q.ItemID == 0 || q.ItemID == l.ItemID) {
				counts[qi].need++
				if l.HeldAt != 0 || l.Status == "delivered" {
					counts[qi].held++
				}
			}
		}
		if l.HeldAt == 0 && l.Status != "delivered" && l.Quantity <= 1 {
			waiting = append(waiting, l)
		}
	}
	slices.SortFunc(waiting, func(a, b Line) int {
		return cmp.Or(cmp.Compare(b.Priority, a.Priority), a.Requested.Compare(b.Requested),
			cmp.Compare(a.RequestID, b.RequestID), cmp.Compare(a.Line, b.Line))
	})
	room := make([]int64, len(in.Quotas))
	for qi, q := range in.Quotas {
		limit := q.Amount
		if q.Kind == Share {
			limit = counts[qi].need * q.Amount / 10_000
		}
		room[qi] = max(limit-counts[qi].held, 0)
	}
	left := make([]int64, len(in.Stock))
	for i, s := range in.Stock {
		left[i] = s.Available
	}
	// options[i]: the stock rows line i may take, with their cost.
	type option struct {
		stock int
		cost  int64
	}
	options := make([][]option, len(waiting))
	for i, l := range waiting {
		for _, w := range in.Warehouses {
			c, ok := routeCost(w, l.Region)
			if !ok {
				continue
			}
			for si, s := range in.Stock {
				if s.WarehouseID == w.ID && s.ItemID == l.ItemID && s.Size == l.Size && s.Available > 0 {
					options[i] = append(options[i], option{si, c})
				}
			}
		}
	}
	best := [3]int64{-1, -1, 0}
	var cur [3]int64
	var walk func(i int)
	walk = func(i int) {
		if i == len(waiting) {
			tried++
			if cur[0] > best[0] || (cur[0] == best[0] && (cur[1] > best[1] || (cur[1] == best[1] && cur[2] < best[2]))) {
				best = cur
			}
			return
		}
		walk(i + 1) // not served
		l := waiting[i]
		var sets []int
		for qi, q := range in.Quotas {
			if strings.HasPrefix(l.Region, q.Region) && (q.ItemID == 0 || q.ItemID == l.ItemID) {
				sets = append(sets, qi)
			}
		}
		for _, qi := range sets {
			if room[qi] == 0 {
				return
			}
		}
		for _, o := range options[i] {
			if left[o.stock] == 0 {
				continue
			}
			left[o.stock]--
			for _, qi := range sets {
				room[qi]--
			}
			cur[0] += l.Priority
			cur[1] += int64(len(waiting) - i)
			cur[2] += o.cost
			walk(i + 1)
			cur[0] -= l.Priority
			cur[1] -= int64(len(waiting) - i)
			cur[2] -= o.cost
			for _, qi := range sets {
				room[qi]++
			}
			left[o.stock]++
		}
	}
	walk(0)
	return best[0], best[1], best[2], tried
}

// routeCost is what it costs w to serve region, and whether it may.
func routeCost(w Warehouse, region string) (int64, bool) {
	if w.Routes == nil {
		return 0, strings.HasPrefix(region, w.Region)
	}
	depth, c := -1, int64(0)
	for _, r := range w.Routes {
		if strings.HasPrefix(region, r.Region) && len(r.Region) > depth {
			depth, c = len(r.Region), r.Cost
		}
	}
	return c, depth >= 0
}
