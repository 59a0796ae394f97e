package linkage

import (
	"slices"
)

// maxCluster bounds the records of one person's cluster in a
// deduplication; a registry rarely holds one child more than a few times.
const maxCluster = 50

// DedupResult is the outcome of deduplicating one list.
type DedupResult struct {
	Model    *Model
	Clusters [][]int // groups of two or more records of one person, each sorted
	Review   []Link  // pairs in the clerical band, not in one cluster
	Pairs    []Pair  // every pair within a cluster, then every pair of Review, with its fields
	Stats    Stats
}

// Dedup finds the records of d that belong to one person. Pairs weighing
// at least the match threshold are joined, heaviest first, into
// clusters; two clusters merge only when every pair across them weighs
// at least the review threshold, so a chain of look-alikes (A like B, B
// like C) does not join A and C when they plainly differ.
//
// The fit is robust (see ruleFit) unless the national ID anchors it (see
// anchored).
func Dedup(d *Dataset) *DedupResult {
	return dedup(d, nil)
}

// dedup is Dedup with the choice of fit forced when robust is not nil.
func dedup(d *Dataset, robust *bool) *DedupResult {
	cs := comparators(d, d)
	c := newCodec(cs)
	ix := newBlockIndex(d)
	ps, st := candidates(d, d, ix, true, cs, c)
	r := !anchored(cs, c, ps, d.Len())
	if robust != nil {
		r = *robust
	}
	m, weights := fitWith(d, d, cs, c, ps, float64(d.Len())*float64(d.Len()-1)/2, r)
	st.Patterns = len(weights)
	var edges, band []Link
	for _, part := range ps {
		for _, p := range part {
			w := weights[p.pattern]
			switch {
			case w >= m.Match:
				edges = append(edges, Link{int(p.l), int(p.r), w})
			case w >= m.Review:
				band = append(band, Link{int(p.l), int(p.r), w})
			}
		}
	}
	slices.SortStableFunc(edges, func(a, b Link) int {
		switch {
		case a.Weight > b.Weight:
			return -1
		case a.Weight < b.Weight:
			return 1
		}
		return 0
	})
	cl := newClusters(d.Len())
	lv := make([]uint8, len(cs))
	for _, e := range edges {
		a, b := cl.find(e.Left), cl.find(e.Right)
		if a == b || len(cl.members[a])+len(cl.members[b]) > maxCluster {
			continue
		}
		if cl.compatible(a, b, func(x, y int) bool {
			levels(cs, d, x, d, y, lv, nil)
			return m.weight(c, c.encode(lv), lv) >= m.Review
		}) {
			cl.union(a, b)
		}
	}
	res := &DedupResult{Model: m, Stats: st, Clusters: cl.groups()}
	for _, b := range band {
		if cl.find(b.Left) != cl.find(b.Right) {
			res.Review = append(res.Review, b)
		}
	}
	pair := func(i, j int, clustered bool) Pair {
		levels(cs, d, i, d, j, lv, nil)
		return Pair{Left: i, Right: j, Weight: m.weight(c, c.encode(lv), lv), Clustered: clustered,
			Fields: fieldLevels(cs, lv, m)}
	}
	for _, g := range res.Clusters {
		for x, i := range g {
			for _, j := range g[x+1:] {
				res.Pairs = append(res.Pairs, pair(i, j, true))
			}
		}
	}
	for _, b := range res.Review {
		res.Pairs = append(res.Pairs, pair(min(b.Left, b.Right), max(b.Left, b.Right), false))
	}
	return res
}

// clusters is a union-find over records that keeps each root's members.
type clusters struct {
	parent  []int32
	members map[int][]int // root → members, for clusters of two or more
}

func newClusters(n int) *clusters {
	p := make([]int32, n)
	for i := range p {
		p[i] = int32(i)
	}
	return &clusters{parent: p, members: map[int][]int{}}
}

func (c *clusters) find(x int) int {
	for int(c.parent[x]) != x {
		c.parent[x] = c.parent[c.parent[x]]
		x = int(c.parent[x])
	}
	return x
}

func (c *clusters) list(root int) []int {
	if m, ok := c.members[root]; ok {
		return m
	}
	return []int{root}
}

// compatible reports whether ok holds for every pair across two clusters.
func (c *clusters) compatible(a, b int, ok func(x, y int) bool) bool {
	for _, x := range c.list(a) {
		for _, y := range c.list(b) {
			if !ok(x, y) {
				return false
			}
		}
	}
	return true
}

func (c *clusters) union(a, b int) {
	merged := append(c.list(a), c.list(b)...)
	delete(c.members, a)
	delete(c.members, b)
	c.parent[b] = int32(a)
	c.members[a] = merged
}

// groups returns the clusters of two or more records, each sorted, in
// the order of their first record.
func (c *clusters) groups() [][]int {
	var out [][]int
	for _, m := range c.members {
		g := slices.Clone(m)
		slices.Sort(g)
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}
