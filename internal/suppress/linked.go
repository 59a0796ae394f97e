package suppress

import "slices"

// Linked tables. Tables published side by side with the same rows often
// share their margins: children reached by region and category, and by
// region and item, when every child holds one category and asks for one
// item, have the same row totals; and the delivered and in-progress
// columns of requests by region and outcome add up to those totals too. A
// reader who finds a region's total hidden in one table reads it in
// another, and a hidden count whose only cycle changes a shared margin is
// only safe if every table can change that margin alike.
//
// So the group is protected as one system. Each table is a network (see
// network): its counts are links between nodes that are equations, and
// the shared margins — the row totals and the grand total — cut it in two,
// with the same equation across the cut everywhere (the row totals add up
// to the grand total). A hidden count that is not a shared margin is
// closed into a cycle that keeps off the margins, when there is one:
// moving its counts by 1 changes nothing the other tables show. A hidden
// shared margin is paired with a second one, the same in every table, and
// each table gets a cycle through exactly these two and counts of its
// own; the cut's equation fixes the second's change from the first's the
// same way everywhere, and the rest of each cycle is the table's own. So
// every hidden count that is not zero can move by 1 either way in all the
// tables at once, as in one table alone.

// Linked is one table of a group protected together.
type Linked struct {
	Table Table
	// Split, when not 0, says that the group's margins are the sums of the
	// table's first Split columns, row by row and in all, rather than its
	// row totals and grand total (a table by outcome whose first columns
	// are the children reached).
	Split int
}

// ProtectLinked protects tables that all have the same row totals (so the
// same grand total) as one system: ProtectGroup with no table split.
func ProtectLinked(ts []Table) []Grid {
	ms := make([]Linked, len(ts))
	for k, t := range ts {
		ms[k] = Linked{Table: t}
	}
	return ProtectGroup(ms)
}

// ProtectGroup protects the tables of ms, whose margins (see Linked.Split)
// are the same numbers, as one system; see the comment above. When they
// are not the same, or a table is empty, each is protected alone.
func ProtectGroup(ms []Linked) []Grid {
	out := make([]Grid, len(ms))
	if len(ms) < 2 || !sameMargins(ms) {
		for k, m := range ms {
			out[k] = Protect(m.Table)
		}
		return out
	}
	nws := make([]*network, len(ms))
	for k, m := range ms {
		if out[k] = primaries(m.Table); m.Split > 0 {
			nws[k] = splitNetwork(out[k], m.Split)
		} else {
			nws[k] = gridNetwork(out[k])
		}
	}
	for id := range nws[0].shared {
		if hiddenMargin(nws, id) {
			mirror(nws, pair{a: id, b: id, in: -1})
		}
	}
	var pairs []pair
	for k, nw := range nws {
		for _, p := range nw.small() {
			l := nw.links[p]
			if path, _, ok := nw.path(l.u, l.v, func(x int) bool { return x == p || nw.offMargins(x) }); ok {
				nw.hide(path)
				continue
			}
			// Only through the margins: the cycle's two margins must then
			// change alike in every table.
			path, _, ok := nw.path(l.u, l.v, func(x int) bool { return x == p })
			var ids []int
			for _, x := range path {
				if m := nw.links[x].margin; m >= 0 {
					ids = append(ids, m)
				}
			}
			if !ok || len(ids) != 2 {
				return hideAll(nws) // cannot be for a count that is not zero
			}
			nw.hide(path)
			pairs = append(pairs, pair{a: ids[0], b: ids[1], in: k})
		}
	}
	paired := map[int]bool{}
	for _, p := range pairs {
		if !mirror(nws, p) {
			return hideAll(nws)
		}
		paired[p.a], paired[p.b] = true, true
	}
	for id := range nws[0].shared {
		if paired[id] || !hiddenMargin(nws, id) || nws[0].links[nws[0].shared[id]].value == 0 {
			continue
		}
		p, ok := partner(nws, id)
		if !ok || !mirror(nws, p) {
			return hideAll(nws)
		}
		paired[p.a], paired[p.b] = true, true
	}
	return out
}

// pair is two shared margins protected by one cycle in every table; in
// is the table whose cycle already runs through them (-1 for none).
type pair struct{ a, b, in int }

// sameMargins reports whether the tables' shared margins are the same
// numbers and every table has rows and columns.
func sameMargins(ms []Linked) bool {
	var first []int64
	for _, m := range ms {
		g := totals(m.Table)
		if g.Rows() == 0 || g.Cols() == 0 || m.Split > g.Cols() {
			return false
		}
		sums := g.RowTotals
		if m.Split > 0 {
			sums = make([]int64, g.Rows())
			for i, row := range m.Table.Cells {
				for _, v := range row[:m.Split] {
					sums[i] += v
				}
			}
		}
		if first == nil {
			first = sums
		} else if !slices.Equal(first, sums) {
			return false
		}
	}
	return true
}

// hiddenMargin reports whether shared margin id is hidden in a table
// that publishes it.
func hiddenMargin(nws []*network, id int) bool {
	return slices.ContainsFunc(nws, func(nw *network) bool {
		k := nw.shared[id]
		return nw.published(k) && nw.hidden(k)
	})
}

// mirror hides both margins of p wherever they are published, and in
// every table but p.in a cycle through exactly the two: a path between
// their ends on the cells' side and one between their far ends, both off
// the margins. It reports whether every table has the paths.
func mirror(nws []*network, p pair) bool {
	for k, nw := range nws {
		a, b := nw.shared[p.a], nw.shared[p.b]
		nw.hide([]int{a, b})
		if k == p.in || p.a == p.b {
			continue
		}
		near, _, ok1 := nw.path(nw.links[a].side, nw.links[b].side, nw.offMargins)
		far, _, ok2 := nw.path(nw.far(a), nw.far(b), nw.offMargins)
		if !ok1 || !ok2 {
			return false
		}
		nw.hide(near)
		nw.hide(far)
	}
	return true
}

// partner is the pair for hidden margin id: the second margin whose
// cycles cost least in all the tables together.
func partner(nws []*network, id int) (pair, bool) {
	best, bestCost := -1, int64(0)
	for o := range nws[0].shared {
		if o == id || nws[0].links[nws[0].shared[o]].value == 0 {
			continue
		}
		cost, ok := int64(0), true
		for _, nw := range nws {
			a, b := nw.shared[id], nw.shared[o]
			w, _ := nw.cost(b)
			_, near, ok1 := nw.path(nw.links[a].side, nw.links[b].side, nw.offMargins)
			_, far, ok2 := nw.path(nw.far(a), nw.far(b), nw.offMargins)
			if ok = ok && ok1 && ok2; !ok {
				break
			}
			cost += w + near + far
		}
		if ok && (best < 0 || cost < bestCost) {
			best, bestCost = o, cost
		}
	}
	return pair{a: id, b: best, in: -1}, best >= 0
}

// hideAll hides every count of every table: the last resort, which the
// argument above says is never needed.
func hideAll(nws []*network) []Grid {
	out := make([]Grid, len(nws))
	for k, nw := range nws {
		nw.hideAll()
		out[k] = nw.grid
	}
	return out
}
