package debate

import "slices"

// dissolve removes blossom b, making its children top nodes.
func (m *matcher) dissolve(b int) {
	for _, c := range m.kids[b] {
		m.parent[c] = -1
		for _, v := range m.verts(c) {
			m.top[v] = c
		}
	}
	m.base[b] = -1
	m.spare = append(m.spare, b)
}

// reverse turns blossom b's cycle the other way round, keeping the base
// child first: child i becomes child k−i, and the matched links stay at
// odd places since k is odd.
func (m *matcher) reverse(b int) {
	slices.Reverse(m.kids[b][1:])
	ls := m.links[b]
	slices.Reverse(ls)
	for i, l := range ls {
		ls[i] = l.rev()
	}
}

// childIndex returns the place in blossom b's cycle of the child that
// holds vertex v, with the cycle turned so that the place is even: the
// path from the base child to it along the cycle is then even.
func (m *matcher) childIndex(b, v int) int {
	c := v
	for m.parent[c] != b {
		c = m.parent[c]
	}
	j := slices.Index(m.kids[b], c)
	if j%2 == 1 {
		m.reverse(b)
		j = len(m.kids[b]) - j
	}
	return j
}

// expandInner expands inner blossom b, whose dual is zero. The children
// on the even path from the one it was entered by to the base child
// stay in the tree, alternately inner and outer; the others are left
// unlabelled.
func (m *matcher) expandInner(b int) {
	m.expansions++
	l := m.from[b]
	j := m.childIndex(b, l.y)
	kids, links := m.kids[b], m.links[b]
	m.dissolve(b)
	for _, c := range kids {
		m.label[c] = unlabelled
	}
	m.label[kids[j]], m.from[kids[j]] = inner, l
	for i := j - 1; i > 0; i -= 2 {
		m.makeOuter(kids[i])
		m.label[kids[i-1]], m.from[kids[i-1]] = inner, links[i-1].rev()
	}
}

// rotate rearranges the matching inside node b so that vertex v becomes
// its base, for the edge out of b that the caller matches at v.
func (m *matcher) rotate(b, v int) {
	if b < m.n {
		return
	}
	j := m.childIndex(b, v)
	kids, links := m.kids[b], m.links[b]
	m.rotate(kids[j], v)
	// Along the even path from the base child to child j, the links at
	// even places become matched and those at odd places unmatched.
	for i := 0; i < j; i += 2 {
		l := links[i]
		m.rotate(kids[i], l.x)
		m.rotate(kids[i+1], l.y)
		m.mate[l.x], m.mate[l.y] = l.y, l.x
	}
	// Child j is now the base child: turn the cycle to start there.
	slices.Reverse(kids[:j])
	slices.Reverse(kids[j:])
	slices.Reverse(kids)
	slices.Reverse(links[:j])
	slices.Reverse(links[j:])
	slices.Reverse(links)
	m.base[b] = v
}

// augment matches outer vertex x to y and flips the matching along the
// tree path from x to its root.
func (m *matcher) augment(x, y int) {
	for {
		b := m.top[x]
		t := m.mate[m.base[b]]
		m.rotate(b, x)
		m.mate[x] = y
		if t < 0 {
			return
		}
		l := m.from[m.top[t]]
		m.rotate(m.top[t], l.y)
		m.mate[l.y] = l.x
		x, y = l.x, l.y
	}
}

// endStage expands, outermost first, the blossoms whose dual is zero:
// they no longer help, and the next stage starts from their children.
func (m *matcher) endStage() {
	var stack []int
	for b := m.n; b < 2*m.n; b++ {
		if m.isTop(b) && m.z[b].isZero() {
			stack = append(stack, b)
		}
	}
	for len(stack) > 0 {
		b := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range m.kids[b] {
			if c >= m.n && m.z[c].isZero() {
				stack = append(stack, c)
			}
		}
		m.dissolve(b)
	}
}
