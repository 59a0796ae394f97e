package dashboard

import (
	"slices"
	"strings"
)

// funnelSteps are the statuses of the lifecycle's main road, in order: a
// request at one of them has passed every step before it.
var funnelSteps = []string{"submitted", "under_review", "verified", "approved", "allocated", "delivered"}

// outsideSteps are the statuses off the road.
var outsideSteps = []string{"rejected", "withdrawn", "waitlisted"}

// reached are the statuses whose request counts as reaching its child, as
// on the campaign's page (campaign.ProgressStatuses).
var reached = []string{"approved", "allocated", "delivered"}

// open are the statuses whose lines still wait for stock.
var open = []string{"submitted", "under_review", "verified", "approved", "waitlisted"}

// tally is what a dashboard adds up from the cells of snapshots.
type tally struct {
	status     map[string]int64
	items      map[int64]*ItemFigure
	categories map[int64]int64
	paths      map[string]int64 // children reached per region path
	// reachedAt are the units and children reached per item and region
	// path.
	reachedAt map[int64]map[string][2]int64
}

func newTally() *tally {
	return &tally{status: map[string]int64{}, items: map[int64]*ItemFigure{}, categories: map[int64]int64{}, paths: map[string]int64{},
		reachedAt: map[int64]map[string][2]int64{}}
}

// add counts the cells under the region path prefix within ("" for all).
func (t *tally) add(cells []cell, within string) {
	for _, c := range cells {
		if !strings.HasPrefix(c.RegionPath, within) {
			continue
		}
		switch c.Family {
		case familyStatus:
			t.status[c.Status] += c.Requests
			if slices.Contains(reached, c.Status) {
				t.paths[c.RegionPath] += c.Requests
			}
		case familyCategory:
			t.categories[c.KeyID] += c.Requests
		case familyItem:
			f := t.items[c.KeyID]
			if f == nil {
				f = &ItemFigure{ItemID: c.KeyID, Previous: -1}
				t.items[c.KeyID] = f
			}
			if c.Status != "rejected" && c.Status != "withdrawn" {
				f.Asked += c.Quantity
			}
			if slices.Contains(reached, c.Status) {
				f.Reached += c.Quantity
				f.Children += c.Requests
				at := t.reachedAt[c.KeyID]
				if at == nil {
					at = map[string][2]int64{}
					t.reachedAt[c.KeyID] = at
				}
				n := at[c.RegionPath]
				at[c.RegionPath] = [2]int64{n[0] + c.Quantity, n[1] + c.Requests}
			}
			if c.Status == "delivered" {
				f.Delivered += c.Quantity
			}
			if slices.Contains(open, c.Status) {
				f.Open += c.Quantity
			}
		}
	}
}

// fill writes the tally's totals and funnel into d.
func (t *tally) fill(d *Dashboard) {
	for st, n := range t.status {
		d.Requests += n
		if slices.Contains(reached, st) {
			d.Reached += n
		}
	}
	d.Delivered = t.status["delivered"]
	d.Funnel, d.Outside = nil, nil
	for i, st := range funnelSteps {
		var n int64
		for _, later := range funnelSteps[i:] {
			n += t.status[later]
		}
		if i == 0 {
			n = d.Requests
		}
		d.Funnel = append(d.Funnel, Step{Status: st, Requests: n})
	}
	for _, st := range outsideSteps {
		d.Outside = append(d.Outside, Step{Status: st, Requests: t.status[st]})
	}
}

// under sums the children reached under region path prefix.
func (t *tally) under(prefix string) int64 {
	var n int64
	for p, c := range t.paths {
		if strings.HasPrefix(p, prefix) {
			n += c
		}
	}
	return n
}

// itemUnder sums the units and children reached of item under region
// path prefix.
func (t *tally) itemUnder(item int64, prefix string) (units, children int64) {
	for p, n := range t.reachedAt[item] {
		if strings.HasPrefix(p, prefix) {
			units += n[0]
			children += n[1]
		}
	}
	return units, children
}

// firstLevels are the distinct region paths one level below root among
// the paths reached, in order.
func (t *tally) firstLevels(root string) []string {
	seen := map[string]bool{}
	for p := range t.paths {
		rest := strings.TrimPrefix(p, root)
		if rest == p && root != "" {
			continue
		}
		seg, _, ok := strings.Cut(strings.TrimPrefix(rest, "/"), "/")
		if !ok || seg == "" {
			continue
		}
		seen[strings.TrimSuffix(root, "/")+"/"+seg+"/"] = true
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
