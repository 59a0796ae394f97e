package debate

// slack is the reduced weight of edge e, whose ends lie in different
// top nodes (so no blossom dual counts).
func (m *matcher) slack(e int) weight {
	return m.dual[m.ends[e][0]].add(m.dual[m.ends[e][1]]).sub(m.w[e])
}

// other returns the end of edge e that is not x.
func (m *matcher) other(e, x int) int {
	if m.ends[e][0] == x {
		return m.ends[e][1]
	}
	return m.ends[e][0]
}

// verts returns the vertices of node b.
func (m *matcher) verts(b int) []int {
	if b < m.n {
		return m.ids[b : b+1]
	}
	return m.members[b]
}

// dualChange makes the largest dual change that keeps every slack and
// every blossom dual non-negative, and returns what bounded it: an edge
// that became tight, or an inner blossom whose dual reached zero. Both
// are -1, and nothing changes, when the matching is final: nothing
// bounds the change, or it would take y₀ below the floor.
func (m *matcher) dualChange() (edge, blossom int) {
	var d weight
	edge, blossom = -1, -1
	consider := func(s weight, e, b int) {
		if edge < 0 && blossom < 0 || s.less(d) {
			d, edge, blossom = s, e, b
		}
	}
	for v := range m.n {
		if e := m.bestFree[v]; e >= 0 && m.label[m.top[v]] == unlabelled {
			consider(m.slack(e), e, -1)
		}
	}
	for b := range 2 * m.n {
		switch {
		case !m.isTop(b):
		case m.label[b] == outer && m.bestOuter[b] >= 0:
			consider(m.slack(m.bestOuter[b]).half(), m.bestOuter[b], -1)
		case m.label[b] == inner && b >= m.n:
			consider(m.z[b].half(), -1, b)
		}
	}
	if edge < 0 && blossom < 0 || m.dual[m.root].sub(d).less(m.floor) {
		return -1, -1
	}
	for v := range m.n {
		switch m.label[m.top[v]] {
		case outer:
			m.dual[v] = m.dual[v].sub(d)
		case inner:
			m.dual[v] = m.dual[v].add(d)
		}
	}
	for b := m.n; b < 2*m.n; b++ {
		if m.isTop(b) && m.label[b] == outer {
			m.z[b] = m.z[b].add(d).add(d)
		} else if m.isTop(b) && m.label[b] == inner {
			m.z[b] = m.z[b].sub(d).sub(d)
		}
	}
	return edge, blossom
}
