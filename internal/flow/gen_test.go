package flow

import "math/rand/v2"

// Random small instances of the shapes Jol solves, and of no shape at all.
// Each generator returns a graph whose supplies add up to zero.

// randTransport is a transportation problem: depots with stock, places
// with as much need as there is stock, some of the depot–place routes
// open with random capacities: closed or narrow routes make some instances
// infeasible.
func randTransport(r *rand.Rand) *Graph {
	depots, places := 1+r.IntN(5), 1+r.IntN(6)
	g := NewGraph(depots+places, depots*places)
	g.AddNodes(depots + places)
	var total int64
	for p := range places {
		need := r.Int64N(8)
		g.SetSupply(depots+p, -need)
		total += need
	}
	for d := range depots {
		share := total / int64(depots-d)
		if d == depots-1 {
			share = total
		}
		g.SetSupply(d, share)
		total -= share
	}
	for d := range depots {
		for p := range places {
			if r.IntN(3) > 0 {
				g.AddArc(d, depots+p, r.Int64N(10), r.Int64N(20))
			}
		}
	}
	return g
}

// randAssign maximises total weight: people choose among a few places of
// limited capacity, each pairing worth something; anyone may stay
// unplaced over the bypass, which costs nothing.
func randAssign(r *rand.Rand) *Graph {
	people, places := 1+r.IntN(8), 1+r.IntN(4)
	g := NewGraph(people+places+2, people*3+places+1)
	src, sink := g.AddNode(), g.AddNode()
	first := g.AddNodes(people + places)
	g.SetSupply(src, int64(people))
	g.SetSupply(sink, -int64(people))
	g.AddArc(src, sink, int64(people), 0) // the bypass
	for i := range people {
		g.AddArc(src, first+i, 1, 0)
		for range 1 + r.IntN(3) {
			g.AddArc(first+i, first+people+r.IntN(places), 1, -r.Int64N(30)+r.Int64N(5))
		}
	}
	for j := range places {
		g.AddArc(first+people+j, sink, r.Int64N(4), 0)
	}
	return g
}

// randGeneral is any network: random arcs (loops and parallel ones too)
// with costs of both signs, and random supplies; often infeasible.
func randGeneral(r *rand.Rand) *Graph {
	n := 1 + r.IntN(9)
	m := r.IntN(4 * n)
	g := NewGraph(n, m)
	g.AddNodes(n)
	for range m {
		g.AddArc(r.IntN(n), r.IntN(n), r.Int64N(12), r.Int64N(41)-15)
	}
	for range r.IntN(n + 1) {
		u, v, b := r.IntN(n), r.IntN(n), r.Int64N(9)
		g.SetSupply(u, g.Supply(u)+b)
		g.SetSupply(v, g.Supply(v)-b)
	}
	return g
}

// randInstance picks one of the shapes.
func randInstance(r *rand.Rand) *Graph {
	switch r.IntN(3) {
	case 0:
		return randTransport(r)
	case 1:
		return randAssign(r)
	default:
		return randGeneral(r)
	}
}

// randLarger is a random network of 30–80 nodes and four arcs per node,
// deep enough for long pivot cycles and big subtrees to move; half of
// them have a wide, dear ring through every node, which makes them
// feasible.
func randLarger(r *rand.Rand) *Graph {
	n := 30 + r.IntN(51)
	m := 4 * n
	g := NewGraph(n, m+n)
	g.AddNodes(n)
	for range m {
		g.AddArc(r.IntN(n), r.IntN(n), r.Int64N(21), r.Int64N(71)-20)
	}
	if r.IntN(2) == 0 {
		for v := range n {
			g.AddArc(v, (v+1)%n, 1000, 60)
		}
	}
	for range n / 3 {
		u, v, b := r.IntN(n), r.IntN(n), r.Int64N(15)
		g.SetSupply(u, g.Supply(u)+b)
		g.SetSupply(v, g.Supply(v)-b)
	}
	return g
}
