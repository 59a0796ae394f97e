package flow

// refSolve is an independent reference: successive shortest paths with
// Bellman-Ford, as plain as it can be written. Arcs of negative cost are
// first filled to capacity, so the residual network has no negative
// cycle; then flow is sent from the nodes with too much to those with too
// little along cheapest residual paths. It returns the least cost and
// whether any flow meets the supplies.
func refSolve(g *Graph) (cost int64, feasible bool) {
	n, m := g.NumNodes(), g.NumArcs()
	src, sink := n, n+1
	type edge struct {
		to, rev int
		room    int64
		cost    int64
	}
	adj := make([][]edge, n+2)
	link := func(u, v int, room, cost int64) {
		adj[u] = append(adj[u], edge{v, len(adj[v]), room, cost})
		adj[v] = append(adj[v], edge{u, len(adj[u]) - 1, 0, -cost})
	}
	excess := make([]int64, n)
	for v := range n {
		excess[v] = g.Supply(v)
	}
	for a := range m {
		from, to, c, w := g.Arc(a)
		if w < 0 { // full from the start: the residual is the way back
			cost += c * w
			excess[from] -= c
			excess[to] += c
			link(to, from, c, -w)
			continue
		}
		link(from, to, c, w)
	}
	var need int64
	for v, x := range excess {
		if x > 0 {
			link(src, v, x, 0)
			need += x
		} else if x < 0 {
			link(v, sink, -x, 0)
		}
	}
	const inf = int64(1) << 62
	dist := make([]int64, n+2)
	prevNode, prevEdge := make([]int, n+2), make([]int, n+2)
	for need > 0 {
		for v := range dist {
			dist[v] = inf
		}
		dist[src] = 0
		for changed := true; changed; {
			changed = false
			for u := range adj {
				if dist[u] == inf {
					continue
				}
				for i, e := range adj[u] {
					if e.room > 0 && dist[u]+e.cost < dist[e.to] {
						dist[e.to], prevNode[e.to], prevEdge[e.to] = dist[u]+e.cost, u, i
						changed = true
					}
				}
			}
		}
		if dist[sink] == inf {
			return 0, false
		}
		push := need
		for v := sink; v != src; v = prevNode[v] {
			push = min(push, adj[prevNode[v]][prevEdge[v]].room)
		}
		for v := sink; v != src; v = prevNode[v] {
			e := &adj[prevNode[v]][prevEdge[v]]
			e.room -= push
			adj[v][e.rev].room += push
		}
		cost += push * dist[sink]
		need -= push
	}
	return cost, true
}
