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
	"testing"
)

// The LEMON oracle: testdata/lemon_oracle.cc, built with g++ against
// Debian's liblemon-dev, solves the same instances with LEMON's network
// simplex. Without g++ or LEMON's headers the tests that need it skip,
// unless JOL_REQUIRE_LEMON=1 (as in CI), when they fail.

// lemonOracle builds the oracle into a temporary directory of t.
func lemonOracle(t *testing.T) string {
	t.Helper()
	missing := func(why string) {
		if os.Getenv("JOL_REQUIRE_LEMON") == "1" {
			t.Fatalf("LEMON oracle required but %s", why)
		}
		t.Skipf("LEMON oracle unavailable: %s (install g++ and liblemon-dev)", why)
	}
	if _, err := exec.LookPath("g++"); err != nil {
		missing("g++ is not installed")
	}
	if _, err := os.Stat("/usr/include/lemon/network_simplex.h"); err != nil {
		missing("LEMON's headers are not installed")
	}
	bin := filepath.Join(t.TempDir(), "lemon_oracle")
	out, err := exec.Command("g++", "-O2", "-o", bin, filepath.Join("testdata", "lemon_oracle.cc")).CombinedOutput()
	if err != nil {
		missing(fmt.Sprintf("g++ failed: %v\n%s", err, out))
	}
	return bin
}

// lemonSolve runs the oracle on g: the least cost, or ErrInfeasible.
func lemonSolve(t *testing.T, bin string, g *Graph) (int64, error) {
	t.Helper()
	var in bytes.Buffer
	if err := g.WriteDIMACS(&in); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("lemon oracle: %v", err)
	}
	answer := strings.Fields(string(out))
	switch {
	case len(answer) == 1 && answer[0] == "infeasible":
		return 0, ErrInfeasible
	case len(answer) == 2 && answer[0] == "optimal":
		return strconv.ParseInt(answer[1], 10, 64)
	}
	t.Fatalf("lemon oracle said %q", out)
	return 0, nil
}

// TestAgainstLEMON: on a few hundred random instances of every shape the
// solver finds the cost LEMON finds, and infeasibility where LEMON does.
func TestAgainstLEMON(t *testing.T) {
	bin := lemonOracle(t)
	r := rand.New(rand.NewPCG(7, 8))
	var feasible, infeasible int
	for i := range 300 {
		g := randInstance(r)
		want, wantErr := lemonSolve(t, bin, g)
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
