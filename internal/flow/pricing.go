package flow

import "math"

// blockPricer chooses the arc to enter the tree by block search (Grigoriadis,
// "An efficient implementation of the network simplex method", 1986; also
// LEMON's default rule): it scans the arcs in blocks of about √m, going on
// round the arcs from where the last scan stopped, and takes the most
// improving arc of the first block that has one. Scanning a block costs
// little more than scanning one arc per pivot on average, and the best of
// a block is a far better pivot than the first improving arc.
type blockPricer struct {
	m     int // arcs to scan: the graph's; artificial arcs never re-enter
	block int
	next  int // where the next scan starts
}

func newBlockPricer(m int) blockPricer {
	return blockPricer{m: m, block: max(10, int(math.Sqrt(float64(m))))}
}

// entering returns an arc whose entering lowers the cost, or -1 when none
// does and the flow is optimal. Blocks end at the last arc rather than
// wrapping round, so each is a plain range for the compiler.
func (p *blockPricer) entering(s *simplex) int {
	e := p.next
	for scanned := 0; scanned < p.m; {
		end := min(e+p.block, p.m)
		best := bestInRange(s, e, end)
		scanned += end - e
		if e = end; e == p.m {
			e = 0
		}
		if best >= 0 {
			p.next = e
			return best
		}
	}
	return -1
}

// bestInRange returns the arc in [lo, hi) that lowers the cost most per
// unit, or -1.
func bestInRange(s *simplex, lo, hi int) int {
	dcost, from, to := s.dcost[lo:hi], s.from[lo:hi], s.to[lo:hi]
	from, to = from[:len(dcost)], to[:len(dcost)]
	pi := s.pi
	best, bestVal := -1, int64(0)
	for i, c := range dcost {
		if v := c - pi[from[i]] + pi[to[i]]; v < bestVal {
			best, bestVal = i, v
		}
	}
	if best < 0 {
		return -1
	}
	return lo + best
}
