package flow

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// solveChecked solves g and checks the solution as checkSolution does.
func solveChecked(t *testing.T, g *Graph) (*Solution, error) {
	t.Helper()
	sol, err := g.Solve()
	if err != nil {
		return nil, err
	}
	if err := checkSolution(g, sol); err != nil {
		t.Fatal(err)
	}
	return sol, nil
}

// TestTreeStaysValid runs the simplex pivot by pivot on random instances
// and checks the whole tree after each one.
func TestTreeStaysValid(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pivots := 0
	for i := range 330 {
		g := randInstance(r)
		if i >= 300 {
			g = randLarger(r)
		}
		s := newSimplex(g, 1_000_000, 1_000_000)
		for step := 0; ; step++ {
			if err := s.checkTree(); err != nil {
				t.Fatalf("instance %d, after %d pivots: %v", i, step, err)
			}
			e := s.pricer.entering(s)
			if e < 0 {
				break
			}
			s.pivot(e)
			pivots++
		}
	}
	if pivots < 1000 {
		t.Fatalf("only %d pivots checked", pivots)
	}
}

// TestRandomAgainstReference compares the solver with successive shortest
// paths on a few hundred random instances of every shape.
func TestRandomAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var feasible, infeasible, larger int
	for i := range 650 {
		g := randInstance(r)
		if i >= 600 {
			g = randLarger(r)
		}
		want, ok := refSolve(g)
		sol, err := solveChecked(t, g)
		switch {
		case !ok && errors.Is(err, ErrInfeasible):
			infeasible++
		case ok && err == nil && sol.Cost == want:
			feasible++
			if i >= 600 {
				larger++
			}
		default:
			t.Fatalf("instance %d: solver %v %v, reference cost %d feasible %v", i, sol, err, want, ok)
		}
	}
	t.Logf("%d feasible (%d of them larger), %d infeasible", feasible, larger, infeasible)
	if feasible < 100 || infeasible < 50 || larger < 15 {
		t.Fatalf("only %d feasible and %d infeasible instances: the generators need a look", feasible, infeasible)
	}
}

func TestDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 100 {
		g := randInstance(r)
		a, errA := g.Solve()
		b, errB := g.Solve()
		if !errors.Is(errA, errB) {
			t.Fatalf("errors %v then %v", errA, errB)
		}
		if errA == nil && (!slices.Equal(a.Flow, b.Flow) || !slices.Equal(a.Potential, b.Potential)) {
			t.Fatalf("two solutions of one graph differ: %v and %v", a.Flow, b.Flow)
		}
	}
}
