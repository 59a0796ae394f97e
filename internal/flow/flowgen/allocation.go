package flowgen

import (
	"math/rand/v2"

	"github.com/jolproject/jol/internal/flow"
)

// AllocationSize is the size of an allocation instance.
type AllocationSize struct {
	Requests   int // approved request lines, one unit each
	Items      int // items of the catalogue, each with 1–6 sizes
	Regions    int
	Warehouses int
}

// Allocation is a campaign's allocation: approved request lines, each for
// one unit of an item in a size (a kit is one unit too) with a priority
// (1–100), stock per warehouse, item and size (about 70% of what is
// asked), warehouses allowed to serve each region (3–6 of them, at a
// distance of 1–500), and quotas on a third of the regions' items (half of
// them a fixed number, half a share of the region's need).
//
// The objective is the most priority served, then the least distance: a
// served line costs −1000 × its priority plus the distance it travels,
// and lines left unserved take the bypass at no cost.
//
// Nodes: source, sink, one quota node per region and item, one node per
// region, item and size (whose requests it gathers), one stock node per
// warehouse, item and size. Arcs: source → quota (the quota, or no limit),
// quota → region-size, one per request line (1, −1000 × priority),
// region-size → stock per allowed warehouse (no limit, distance),
// stock → sink (the stock), source → sink (the bypass).
func Allocation(size AllocationSize, seed uint64) *flow.Graph {
	r := rand.New(rand.NewPCG(seed, 0x616c6c6f63))
	sizes := make([]int, size.Items) // sizes of each item
	firstSize := make([]int, size.Items+1)
	for i := range sizes {
		sizes[i] = 1 + r.IntN(6)
		firstSize[i+1] = firstSize[i] + sizes[i]
	}
	variants := firstSize[size.Items] // item-size pairs

	// Requests: regions of uneven size, items and sizes of uneven demand.
	type line struct{ region, item, variant, priority int }
	lines := make([]line, size.Requests)
	need := make([]int64, size.Regions*size.Items)
	needVariant := make([]int64, variants)
	for k := range lines {
		g := skewed(r, size.Regions)
		i := skewed(r, size.Items)
		v := firstSize[i] + skewed(r, sizes[i])
		lines[k] = line{g, i, v, 1 + r.IntN(100)}
		need[g*size.Items+i]++
		needVariant[v]++
	}

	nodes := 2 + size.Regions*size.Items + size.Regions*variants + size.Warehouses*variants
	g := flow.NewGraph(nodes, size.Requests+nodes*4)
	src, sink := g.AddNode(), g.AddNode()
	quota := g.AddNodes(size.Regions * size.Items)  // region × item
	gather := g.AddNodes(size.Regions * variants)   // region × variant
	stock := g.AddNodes(size.Warehouses * variants) // warehouse × variant
	total := int64(size.Requests)
	g.SetSupply(src, total)
	g.SetSupply(sink, -total)
	g.AddArc(src, sink, total, 0)

	for q, n := range need {
		limit := n
		switch r.IntN(6) {
		case 0: // a fixed number
			limit = r.Int64N(n + 1)
		case 1: // a share of need
			limit = n * int64(30+r.IntN(60)) / 100
		}
		g.AddArc(src, quota+q, limit, 0)
	}
	for _, l := range lines {
		g.AddArc(quota+l.region*size.Items+l.item, gather+l.region*variants+l.variant, 1, -1000*int64(l.priority))
	}
	for reg := range size.Regions {
		for _, w := range r.Perm(size.Warehouses)[:min(size.Warehouses, 3+r.IntN(4))] {
			dist := 1 + r.Int64N(500)
			for v := range variants {
				g.AddArc(gather+reg*variants+v, stock+w*variants+v, total, dist)
			}
		}
	}
	for w := range size.Warehouses {
		for v := range variants {
			// Each warehouse holds a random part of 70% of the need.
			held := needVariant[v] * 7 / 10 * int64(1+r.IntN(3)) / int64(2*size.Warehouses)
			g.AddArc(stock+w*variants+v, sink, held, 0)
		}
	}
	return g
}

// skewed returns a number in [0, n) where small numbers come more often,
// as with big regions and popular sizes.
func skewed(r *rand.Rand, n int) int {
	x := r.Float64()
	return int(x * x * float64(n))
}
