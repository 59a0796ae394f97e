package flow

// pivot brings arc e into the tree. Together with the tree path between
// its ends, e closes a cycle; flow is sent round the cycle in the
// direction that lowers the cost, as much as the tightest arc allows, and
// that arc leaves the tree (it may be e itself, which then just moves from
// one bound to the other).
func (s *simplex) pivot(e int) {
	// Flow will go first → second along e: forward when e is empty,
	// backward when it is full. Round the cycle it goes from the join
	// (the deepest common ancestor) down the tree to first, over e, and
	// from second up the tree back to the join.
	in := &s.arcs[e]
	first, second := in.tail, in.head
	if in.state == atUpper {
		first, second = second, first
	}
	join := s.join(first, second)

	// The leaving arc is the last blocking arc met going round the cycle
	// from the join (Cunningham, 1976): that keeps the tree strongly
	// feasible and rules out cycling on degenerate pivots. Walking up from
	// first goes against the cycle, so there only a strictly tighter arc
	// replaces the one found; walking up from second goes with it, so a
	// tie wins too.
	delta := in.capac
	out, outFirst := int32(-1), false
	for u := first; u != join; u = s.parent[u] {
		if d := s.downRoom[u]; d < delta { // the cycle runs parent → u
			delta, out, outFirst = d, u, true
		}
	}
	for u := second; u != join; u = s.parent[u] {
		if d := s.upRoom[u]; d <= delta { // the cycle runs u → parent
			delta, out, outFirst = d, u, false
		}
	}

	if delta > 0 {
		in.flow += int64(in.state) * delta
		for u := first; u != join; u = s.parent[u] {
			s.downRoom[u] -= delta
			s.upRoom[u] += delta
		}
		for u := second; u != join; u = s.parent[u] {
			s.upRoom[u] -= delta
			s.downRoom[u] += delta
		}
	}

	if out < 0 { // e blocks itself: it changes bound, the tree stays
		s.setState(e, -in.state)
		return
	}
	leaving := int(s.pred[out])
	f := s.predFlow(out)
	s.arcs[leaving].flow = f
	if f == 0 {
		s.setState(leaving, atLower)
	} else {
		s.setState(leaving, atUpper)
	}
	s.setState(e, inTree)
	// The subtree below the leaving arc is cut off and hangs again from
	// the cycle's other side by e: uIn is e's end inside it.
	uIn, vIn := second, first
	if outFirst {
		uIn, vIn = first, second
	}
	s.updateTree(int32(e), uIn, vIn, out, join)
}

// join returns the deepest common ancestor of u and v. A node's subtree is
// larger than any of its descendants', so the node with the smaller
// subtree cannot be the ancestor of the other and can move up.
func (s *simplex) join(u, v int32) int32 {
	for u != v {
		if s.succNum[u] < s.succNum[v] {
			u = s.parent[u]
		} else {
			v = s.parent[v]
		}
	}
	return u
}
