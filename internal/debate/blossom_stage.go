package debate

// stage grows the alternating forest from every exposed vertex until it
// augments the matching (true) or the matching is proven final (false).
func (m *matcher) stage() bool {
	exposed := 0
	for v := range m.n {
		if m.mate[v] < 0 {
			m.root = v
			exposed++
		}
	}
	if exposed < 2 {
		return false
	}
	// While the matching of size k can grow, y₀ stays at or above
	// −(k+1)·spread/2, in doubled units −(k+1)·spread (see blossom.go).
	k := uint64(m.n-exposed) / 2
	bound, ok := m.spread.mulSmall(k + 1)
	if m.spread.negative() || !ok {
		panic("debate: matching weights out of range")
	}
	m.floor = weight{}.sub(bound)
	m.queue = m.queue[:0]
	for v := range m.n {
		m.bestFree[v] = -1
	}
	for b := range 2 * m.n {
		m.label[b] = unlabelled
	}
	for b := range 2 * m.n {
		if m.isTop(b) && m.mate[m.base[b]] < 0 {
			m.makeOuter(b)
		}
	}
	for {
		if m.scan() {
			m.endStage()
			return true
		}
		switch e, b := m.dualChange(); {
		case e >= 0 && m.label[m.top[m.ends[e][0]]] == outer && m.label[m.top[m.ends[e][1]]] == outer:
			if m.join(m.ends[e][0], m.ends[e][1]) {
				m.endStage()
				return true
			}
		case e >= 0: // from an outer vertex to an unlabelled one
			y := m.ends[e][0]
			if m.label[m.top[y]] == outer {
				y = m.ends[e][1]
			}
			m.makeInner(m.top[y], link{m.other(e, y), y})
		case b >= 0:
			m.expandInner(b)
		default:
			return false
		}
	}
}

// isTop reports whether node b is in use and in no blossom.
func (m *matcher) isTop(b int) bool { return m.parent[b] < 0 && m.base[b] >= 0 }

// makeOuter labels top node b outer and queues its vertices.
func (m *matcher) makeOuter(b int) {
	m.label[b] = outer
	m.bestOuter[b] = -1
	m.cand[b] = m.cand[b][:0]
	m.queue = append(m.queue, m.verts(b)...)
}

// makeInner labels top node b inner, reached by l, and its mate outer.
func (m *matcher) makeInner(b int, l link) {
	m.label[b], m.from[b] = inner, l
	m.makeOuter(m.top[m.mate[m.base[b]]])
}

// scan looks at the edges of the queued outer vertices: it labels
// across tight edges, shrinks or augments on tight edges between outer
// nodes, and keeps the least slacks for the dual change. It reports
// whether it augmented.
func (m *matcher) scan() bool {
	for len(m.queue) > 0 {
		x := m.queue[len(m.queue)-1]
		m.queue = m.queue[:len(m.queue)-1]
		dx := m.dual[x] // no dual changes while scanning
		for _, e := range m.adj[x] {
			y := m.other(e, x)
			bx, by := m.top[x], m.top[y]
			if bx == by {
				continue
			}
			s := dx.add(m.dual[y]).sub(m.w[e])
			if m.label[by] == outer {
				if !s.isZero() {
					m.noteOuter(bx, e, s)
				} else if m.join(x, y) {
					return true
				}
				continue
			}
			if f := m.bestFree[y]; f < 0 || s.less(m.slack(f)) {
				m.bestFree[y] = e
			}
			if s.isZero() && m.label[by] == unlabelled {
				m.makeInner(by, link{x, y})
			}
		}
	}
	return false
}

// noteOuter records edge e, of slack s, from outer node b to another.
func (m *matcher) noteOuter(b, e int, s weight) {
	if b >= m.n {
		m.cand[b] = append(m.cand[b], e)
	}
	if f := m.bestOuter[b]; f < 0 || s.less(m.slack(f)) {
		m.bestOuter[b] = e
	}
}
