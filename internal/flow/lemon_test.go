package flow

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The LEMON oracle: testdata/lemon_oracle.cc, built with g++ against
// Debian's liblemon-dev, solves the same instances with LEMON's network
// simplex. Without g++ or LEMON's headers the tests that need it skip,
// unless JOL_REQUIRE_LEMON=1 (as in CI), when they fail.

var oracle struct {
	once sync.Once
	dir  string
	bin  string
	err  string // why it could not be built
}

// lemonOracle builds the oracle once per test binary (TestMain removes
// it) and returns its path, or skips t, or fails it under
// JOL_REQUIRE_LEMON=1.
func lemonOracle(t *testing.T) string {
	t.Helper()
	oracle.once.Do(buildOracle)
	if oracle.err != "" {
		if os.Getenv("JOL_REQUIRE_LEMON") == "1" {
			t.Fatalf("LEMON oracle required but %s", oracle.err)
		}
		t.Skipf("LEMON oracle unavailable: %s (install g++ and liblemon-dev)", oracle.err)
	}
	return oracle.bin
}

func buildOracle() {
	if _, err := exec.LookPath("g++"); err != nil {
		oracle.err = "g++ is not installed"
		return
	}
	if _, err := os.Stat("/usr/include/lemon/network_simplex.h"); err != nil {
		oracle.err = "LEMON's headers are not installed"
		return
	}
	dir, err := os.MkdirTemp("", "lemon-oracle-")
	if err != nil {
		oracle.err = err.Error()
		return
	}
	oracle.dir = dir
	bin := filepath.Join(dir, "lemon_oracle")
	out, err := exec.Command("g++", "-O2", "-o", bin, filepath.Join("testdata", "lemon_oracle.cc")).CombinedOutput()
	if err != nil {
		oracle.err = fmt.Sprintf("g++ failed: %v\n%s", err, out)
		return
	}
	oracle.bin = bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if oracle.dir != "" {
		os.RemoveAll(oracle.dir)
	}
	os.Exit(code)
}

// lemonSolveAll runs the oracle once on all the graphs: for each, the
// least cost or ErrInfeasible.
func lemonSolveAll(t *testing.T, bin string, graphs []*Graph) ([]int64, []error) {
	t.Helper()
	var in bytes.Buffer
	for _, g := range graphs {
		if err := g.WriteDIMACS(&in); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("lemon oracle: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(graphs) {
		t.Fatalf("lemon oracle answered %d lines for %d instances", len(lines), len(graphs))
	}
	costs, errs := make([]int64, len(graphs)), make([]error, len(graphs))
	for i, line := range lines {
		answer := strings.Fields(line)
		switch {
		case len(answer) == 1 && answer[0] == "infeasible":
			errs[i] = ErrInfeasible
		case len(answer) == 2 && answer[0] == "optimal":
			costs[i], errs[i] = strconv.ParseInt(answer[1], 10, 64)
		default:
			t.Fatalf("lemon oracle said %q", line)
		}
	}
	return costs, errs
}

// lemonSolve runs the oracle on one graph.
func lemonSolve(t *testing.T, bin string, g *Graph) (int64, error) {
	t.Helper()
	costs, errs := lemonSolveAll(t, bin, []*Graph{g})
	return costs[0], errs[0]
}

// TestAgainstLEMON: on 300 random small instances of every shape and 30
// larger ones the solver finds the cost LEMON finds, and infeasibility
// where LEMON does.
func TestAgainstLEMON(t *testing.T) {
	bin := lemonOracle(t)
	r := rand.New(rand.NewPCG(7, 8))
	graphs := make([]*Graph, 330)
	for i := range graphs {
		if i < 300 {
			graphs[i] = randInstance(r)
		} else {
			graphs[i] = randLarger(r)
		}
	}
	costs, errs := lemonSolveAll(t, bin, graphs)
	var feasible, infeasible int
	for i, g := range graphs {
		want, wantErr := costs[i], errs[i]
		sol, err := solveChecked(t, g)
		switch {
		case errors.Is(wantErr, ErrInfeasible) && errors.Is(err, ErrInfeasible):
			infeasible++
		case wantErr == nil && err == nil && sol.Cost == want:
			feasible++
		default:
			t.Fatalf("instance %d: solver %v %v, LEMON %d %v", i, sol, err, want, wantErr)
		}
	}
	t.Logf("%d feasible, %d infeasible instances agree with LEMON", feasible, infeasible)
}
