// Package flow solves minimum-cost flow problems exactly: given nodes
// with supplies and arcs with capacities and costs per unit, it finds the
// flow that meets every supply within the capacities at the least total
// cost. Jol allocates a campaign's stock to requests and matches mentees
// to mentors with it.
//
// Build a Graph with AddNode or AddNodes, AddArc (which returns the arc's
// number, the index of its flow in the Solution) and SetSupply, then call
// Solve. Quantities and costs are int64; costs may be negative.
//
// # Serving as many or as few as is best
//
// Solve meets every supply exactly. To maximise the total worth of what is
// served instead, with any number served, give each way of serving a cost
// of minus its worth and add a bypass arc of cost zero from the source to
// the sink, as wide as the source's supply: what is not worth serving
// flows over the bypass, and the least cost is minus the most worth. See
// the example.
//
// # Determinism
//
// The solver uses no maps, randomness or goroutines: the same graph, built
// in the same order, always gives the same flow. Callers that build a
// graph from a map must sort first.
//
// # Algorithm
//
// Solve runs the primal network simplex method with a strongly feasible
// spanning tree and block search pricing over parallel slices; see
// simplex.go and docs/architecture.md. Its tests compare it with LEMON's
// network simplex through testdata/lemon_oracle.cc.
package flow
