package flow

import (
	"errors"
	"math"
	"slices"
	"testing"
)

// Small instances worked out by hand.
func TestTiny(t *testing.T) {
	type arc struct {
		from, to int
		capacity int64
		cost     int64
		wantFlow int64
	}
	cases := []struct {
		name     string
		supply   []int64
		arcs     []arc
		wantCost int64
	}{
		{"empty", nil, nil, 0},
		{"nodes without supply", []int64{0, 0}, []arc{{0, 1, 5, 3, 0}}, 0},
		{
			// 4 units from 0 to 3: the cheap path (cost 2) takes its 3,
			// the dear one (cost 5) the last unit.
			"two paths", []int64{4, 0, 0, -4},
			[]arc{{0, 1, 3, 1, 3}, {1, 3, 9, 1, 3}, {0, 2, 9, 4, 1}, {2, 3, 9, 1, 1}},
			3*2 + 1*5,
		},
		{
			// A cycle of cost -1 per unit fills to its narrowest arc (2)
			// though nothing has to move.
			"negative cycle", []int64{0, 0, 0},
			[]arc{{0, 1, 5, -3, 2}, {1, 2, 2, 1, 2}, {2, 0, 7, 1, 2}},
			-2,
		},
		{"negative loop", []int64{0}, []arc{{0, 0, 4, -2, 4}}, -8},
		{"positive loop", []int64{0}, []arc{{0, 0, 4, 2, 0}}, 0},
		{
			// Three people worth 5, 3 and 4 at a place with room for two,
			// or nothing over the bypass: the 5 and the 4 are placed.
			"most weight with a bypass", []int64{3, 0, 0, 0, 0, -3},
			[]arc{
				{0, 5, 3, 0, 1}, // bypass
				{0, 1, 1, 0, 1}, {0, 2, 1, 0, 0}, {0, 3, 1, 0, 1},
				{1, 4, 1, -5, 1}, {2, 4, 1, -3, 0}, {3, 4, 1, -4, 1},
				{4, 5, 2, 0, 2},
			},
			-9,
		},
		{
			// Parallel arcs: the cheaper one fills first.
			"parallel arcs", []int64{3, -3},
			[]arc{{0, 1, 2, 7, 1}, {0, 1, 2, 5, 2}},
			2*5 + 7,
		},
		{"zero capacity", []int64{1, 0, -1}, []arc{{0, 2, 0, -9, 0}, {0, 1, 1, 1, 1}, {1, 2, 1, 1, 1}}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := NewGraph(len(c.supply), len(c.arcs))
			g.AddNodes(len(c.supply))
			for v, b := range c.supply {
				g.SetSupply(v, b)
			}
			var want []int64
			for i, a := range c.arcs {
				if got := g.AddArc(a.from, a.to, a.capacity, a.cost); got != i {
					t.Fatalf("AddArc returned %d for arc %d", got, i)
				}
				want = append(want, a.wantFlow)
			}
			sol, err := solveChecked(t, g)
			if err != nil {
				t.Fatal(err)
			}
			if sol.Cost != c.wantCost || !slices.Equal(sol.Flow, want) && len(want) > 0 {
				t.Fatalf("cost %d flows %v, want %d and %v", sol.Cost, sol.Flow, c.wantCost, want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	build := func(supply []int64, capacity, cost int64) *Graph {
		g := NewGraph(0, 0)
		g.AddNodes(len(supply))
		for v, b := range supply {
			g.SetSupply(v, b)
		}
		g.AddArc(0, 1, capacity, cost)
		return g
	}
	cases := []struct {
		name string
		g    *Graph
		want error
	}{
		{"unbalanced", build([]int64{2, -1}, 5, 1), ErrUnbalanced},
		{"too narrow", build([]int64{2, -2}, 1, 1), ErrInfeasible},
		{"no way back", build([]int64{-2, 2}, 5, 1), ErrInfeasible},
		{"capacity too large", build([]int64{1, -1}, math.MaxInt64/2, 1), ErrRange},
		{"cost too large", build([]int64{1, -1}, 5, math.MaxInt64/4), ErrRange},
		{"most negative cost", build([]int64{1, -1}, 5, math.MinInt64), ErrRange},
		{"supplies overflow", build([]int64{math.MaxInt64, math.MaxInt64}, 5, 1), ErrRange},
	}
	for _, c := range cases {
		if _, err := c.g.Solve(); !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

func TestBuilderPanics(t *testing.T) {
	for name, f := range map[string]func(g *Graph){
		"arc from a missing node":  func(g *Graph) { g.AddArc(2, 0, 1, 1) },
		"arc to a negative node":   func(g *Graph) { g.AddArc(0, -1, 1, 1) },
		"negative capacity":        func(g *Graph) { g.AddArc(0, 1, -1, 1) },
		"supply of a missing node": func(g *Graph) { g.SetSupply(5, 1) },
	} {
		t.Run(name, func(t *testing.T) {
			g := NewGraph(0, 0)
			g.AddNodes(2)
			defer func() {
				if recover() == nil {
					t.Fatal("no panic")
				}
			}()
			f(g)
		})
	}
}
