package suppress

import "slices"

// Linked tables. Tables published side by side with the same rows and the
// same row totals — children reached by region and category, and by
// region and item, when every child holds one category and asks for one
// item — share their margins: a reader who finds a region's total hidden
// in one table reads it in the other, and a hidden count whose only cycle
// runs through a region's total is only safe if the same change of that
// total is possible in every table that shows it.
//
// So the margins (the row totals and the grand total, the edges of the
// column of row totals) are protected together. In every table, a hidden
// cell or column total is closed into a cycle that keeps off the margins,
// when there is one: moving its counts by 1 changes nothing the other
// tables show. A hidden margin is paired with a second margin, the same
// one in every table, and each table gets a cycle through exactly these
// two margins and counts of its own. Both margins meet in the column of
// row totals, whose equation (the row totals add up to the grand total)
// is the same in every table, so a change of +1 in the first fixes the
// change of the second the same way everywhere; the rest of each cycle is
// the table's own. Every hidden count that is not zero can therefore move
// by 1 either way in all the tables at once, as in one table alone.

// ProtectLinked protects tables that share their margins: every table has
// the same number of rows and the same row totals (so the same grand
// total). Tables whose row totals differ do not share them and are
// protected each alone, as Protect does.
func ProtectLinked(ts []Table) []Grid {
	out := make([]Grid, len(ts))
	if !sameMargins(ts) {
		for k, t := range ts {
			out[k] = Protect(t)
		}
		return out
	}
	for k, t := range ts {
		out[k] = primaries(t)
	}
	if len(ts) == 0 || out[0].Rows() == 0 || slices.ContainsFunc(out, func(g Grid) bool { return g.Cols() == 0 }) {
		return out
	}
	var pairs []pair
	for k := range out {
		g := out[k]
		offMargins := func(i, j int) bool { return j == g.Cols() }
		for _, p := range g.small() {
			if p.j == g.Cols() {
				continue // a margin: paired below
			}
			if path, ok := g.closingPath(p, offMargins); ok {
				g.hide(path)
				continue
			}
			// Only through the margins: the cycle uses two, which the
			// other tables must then change alike.
			path, ok := g.closingPath(p, nil)
			if !ok {
				g.hide(g.all())
				continue
			}
			g.hide(path)
			var ends []int
			for _, e := range append(path, p) {
				if e.j == g.Cols() {
					ends = append(ends, e.i)
				}
			}
			pairs = append(pairs, pair{a: ends[0], b: ends[len(ends)-1], in: k})
		}
	}
	paired := map[int]bool{}
	for _, p := range pairs {
		mirror(out, p)
		paired[p.a], paired[p.b] = true, true
	}
	g0 := out[0]
	for _, m := range g0.small() {
		if m.j != g0.Cols() || paired[m.i] {
			continue
		}
		p := partner(out, m.i)
		mirror(out, p)
		paired[p.a], paired[p.b] = true, true
	}
	return out
}

// pair is two margins, by their row of the extended grid (the last row
// for the grand total), protected by one cycle in every table; in is the
// table whose cycle already runs through them (-1 for none).
type pair struct{ a, b, in int }

// sameMargins reports whether ts have the same rows and row totals.
func sameMargins(ts []Table) bool {
	if len(ts) < 2 {
		return false
	}
	first := totals(ts[0])
	for _, t := range ts[1:] {
		if g := totals(t); !slices.Equal(g.RowTotals, first.RowTotals) || g.Rows() != first.Rows() {
			return false
		}
	}
	return true
}

// mirror hides both margins of p in every table, and in each but p.in a
// path between them off the margins, closing a cycle through exactly the
// two.
func mirror(gs []Grid, p pair) {
	if p.a == p.b {
		return
	}
	for k := range gs {
		g := gs[k]
		c := g.Cols()
		g.Hidden[p.a][c], g.Hidden[p.b][c] = true, true
		if k == p.in {
			continue
		}
		path, _, ok := g.path(p.a, p.b, func(i, j int) bool { return j == c })
		if !ok {
			path = g.all()
		}
		g.hide(path)
	}
}

// partner is the pair for the hidden margin at row m: the second margin
// whose cycles cost least in all the tables together, a margin already
// hidden costing nothing more.
func partner(gs []Grid, m int) pair {
	g0 := gs[0]
	best, bestCost := -1, int64(-1)
	for o := range g0.Rows() + 1 {
		cost, ok := g0.cost(o, g0.Cols())
		if o == m || !ok {
			continue
		}
		for _, g := range gs {
			c := g.Cols()
			_, w, found := g.path(m, o, func(i, j int) bool { return j == c })
			if !found {
				ok = false
				break
			}
			cost += w
		}
		if ok && (best < 0 || cost < bestCost) {
			best, bestCost = o, cost
		}
	}
	if best < 0 {
		// Only one margin is not zero, which cannot be when one is (a
		// row total and the grand total are then both not zero): hide
		// everything rather than trust that.
		for _, g := range gs {
			g.hide(g.all())
		}
		return pair{a: m, b: m, in: -1}
	}
	return pair{a: m, b: best, in: -1}
}
