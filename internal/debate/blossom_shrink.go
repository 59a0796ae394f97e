package debate

import "slices"

// join handles a tight edge between outer vertices x and y of different
// top nodes: in one tree it closes an odd cycle, which is shrunk to a
// blossom; across two trees it completes an augmenting path, which is
// applied (true).
func (m *matcher) join(x, y int) bool {
	anc := m.meet(m.top[x], m.top[y])
	if anc < 0 {
		m.augment(x, y)
		m.augment(y, x)
		return true
	}
	m.shrink(anc, x, y)
	return false
}

// up returns the outer node above outer node b in its tree, or -1 at a
// root.
func (m *matcher) up(b int) int {
	t := m.mate[m.base[b]]
	if t < 0 {
		return -1
	}
	return m.top[m.from[m.top[t]].x]
}

// meet walks up from outer nodes a and b in turn and returns the first
// node both walks reach, or -1 if they end at different roots. Walking
// in turn keeps the cost to twice the length of the shorter path.
func (m *matcher) meet(a, b int) int {
	m.stamp++
	for a >= 0 || b >= 0 {
		if a >= 0 {
			if m.mark[a] == m.stamp {
				return a
			}
			m.mark[a] = m.stamp
			a = m.up(a)
		}
		a, b = b, a
	}
	return -1
}

// treeLink is the edge by which non-root top node c hangs from the node
// above it, taken from that node into c.
func (m *matcher) treeLink(c int) link {
	if m.label[c] == inner {
		return m.from[c]
	}
	b := m.base[c]
	return link{m.mate[b], b}
}

// climb appends the nodes from outer node b up to anc, anc excluded.
func (m *matcher) climb(path []int, b, anc int) []int {
	for b != anc {
		t := m.top[m.mate[m.base[b]]]
		path = append(path, b, t)
		b = m.top[m.from[t].x]
	}
	return path
}

// shrink makes the cycle through anc, the tree paths down to x and y,
// and the edge x–y, one outer blossom based where anc is.
func (m *matcher) shrink(anc, x, y int) {
	px := m.climb(nil, m.top[x], anc)
	py := m.climb(nil, m.top[y], anc)
	b := m.spare[len(m.spare)-1]
	m.spare = m.spare[:len(m.spare)-1]
	kids := append(m.kids[b][:0], anc)
	links := m.links[b][:0]
	for i := len(px) - 1; i >= 0; i-- {
		kids = append(kids, px[i])
		links = append(links, m.treeLink(px[i]))
	}
	links = append(links, link{x, y})
	for _, c := range py {
		kids = append(kids, c)
		links = append(links, m.treeLink(c).rev())
	}
	m.kids[b], m.links[b] = kids, links
	m.parent[b], m.base[b], m.z[b] = -1, m.base[anc], weight{}
	members := m.members[b][:0]
	for _, c := range kids {
		m.parent[c] = b
		members = append(members, m.verts(c)...)
	}
	m.members[b] = members
	for _, v := range members {
		m.top[v] = b
	}
	m.label[b] = outer
	m.mergeCand(b)
	m.shrinks++
	if slices.ContainsFunc(kids, func(c int) bool { return c >= m.n }) {
		m.nestedShrinks++
	}
	for _, c := range kids {
		if m.label[c] == inner {
			m.queue = append(m.queue, m.verts(c)...)
		}
	}
}

// mergeCand gathers the edges from new outer blossom b to other outer
// nodes from its outer children, keeping the least slack per node. The
// vertices of its formerly inner children are queued and add theirs when
// scanned.
func (m *matcher) mergeCand(b int) {
	var touched []int
	for _, c := range m.kids[b] {
		if m.label[c] != outer {
			continue
		}
		es := m.cand[c]
		if c < m.n {
			es = m.adj[c]
		}
		for _, e := range es {
			o := m.top[m.ends[e][0]]
			if o == b {
				o = m.top[m.ends[e][1]]
			}
			if o == b || m.label[o] != outer {
				continue
			}
			if f := m.bestTo[o]; f < 0 {
				touched = append(touched, o)
			} else if !m.slack(e).less(m.slack(f)) {
				continue
			}
			m.bestTo[o] = e
		}
	}
	m.cand[b], m.bestOuter[b] = m.cand[b][:0], -1
	for _, o := range touched {
		e := m.bestTo[o]
		m.bestTo[o] = -1
		m.cand[b] = append(m.cand[b], e)
		if f := m.bestOuter[b]; f < 0 || m.slack(e).less(m.slack(f)) {
			m.bestOuter[b] = e
		}
	}
}
