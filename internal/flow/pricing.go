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
// does and the flow is optimal.
func (p *blockPricer) entering(s *simplex) int {
	state, cost, tail, head, pi := s.state[:p.m], s.cost[:p.m], s.tail[:p.m], s.head[:p.m], s.pi
	best, bestVal := -1, int64(0)
	left := p.block
	e := p.next
	for range p.m {
		if st := state[e]; st != inTree {
			v := int64(st) * (cost[e] - pi[tail[e]] + pi[head[e]])
			if v < bestVal {
				best, bestVal = e, v
			}
		}
		e++
		if e == p.m {
			e = 0
		}
		left--
		if left == 0 {
			if best >= 0 {
				p.next = e
				return best
			}
			left = p.block
		}
	}
	p.next = e
	return best
}
