package flow

import (
	"errors"
	"testing"
)

// FuzzSolve decodes bytes into a small graph and checks the solution
// (capacities, conservation, the optimality certificate) and its cost
// against successive shortest paths, infeasibility included:
//
//	go test -fuzz FuzzSolve ./internal/flow
func FuzzSolve(f *testing.F) {
	f.Add([]byte{3, 0, 1, 4, 10, 1, 2, 4, 3, 0, 2, 3})
	f.Add([]byte{4, 0, 1, 2, 200, 1, 2, 2, 250, 2, 0, 2, 240, 3, 3, 1, 0})
	f.Add([]byte{1, 0, 0, 5, 130})
	f.Add([]byte{6, 0, 5, 1, 0, 0, 1, 9, 100, 1, 5, 9, 100, 9, 0, 5, 7})
	f.Fuzz(func(t *testing.T, data []byte) {
		g := decodeGraph(data)
		want, feasible := refSolve(g)
		sol, err := g.Solve()
		switch {
		case !feasible:
			if !errors.Is(err, ErrInfeasible) {
				t.Fatalf("reference finds no flow, solver says %v %v", sol, err)
			}
		case err != nil:
			t.Fatalf("reference cost %d, solver: %v", want, err)
		default:
			if err := checkSolution(g, sol); err != nil {
				t.Fatal(err)
			}
			if sol.Cost != want {
				t.Fatalf("cost %d, reference %d", sol.Cost, want)
			}
		}
	})
}

// decodeGraph reads a graph from bytes: the node count (1–8), then arcs
// of four bytes (from, to, capacity 0–7, cost −12…12) while at least five
// bytes remain, then supplies as triples (from, to, amount 0–7), each
// moving an amount of supply from one node to another, so they balance.
func decodeGraph(data []byte) *Graph {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return int(b)
	}
	n := 1 + next()%8
	g := NewGraph(n, len(data)/4)
	g.AddNodes(n)
	for len(data) >= 5 && g.NumArcs() < 24 {
		from, to, c, w := next()%n, next()%n, next()%8, next()%25-12
		g.AddArc(from, to, int64(c), int64(w))
	}
	for len(data) > 0 {
		from, to, b := next()%n, next()%n, int64(next()%8)
		g.SetSupply(from, g.Supply(from)+b)
		g.SetSupply(to, g.Supply(to)-b)
	}
	return g
}
