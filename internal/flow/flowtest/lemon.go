// Package flowtest gives the tests of packages that build flow networks
// the independent solver internal/flow's own tests compare with: LEMON's
// network simplex, through the small C++ program in
// internal/flow/testdata/lemon_oracle.cc, compiled with g++ against
// Debian's liblemon-dev. Without g++ or LEMON's headers a test that asks
// for it is skipped, unless JOL_REQUIRE_LEMON=1 (as in CI), when it fails.
package flowtest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/flow"
)

// oracle is the program, built once per test binary.
var oracle struct {
	once sync.Once
	dir  string
	bin  string
	err  string // why it could not be built
}

// Oracle returns the path of the built oracle, building it on first use;
// it skips t when it cannot be built, or fails it under
// JOL_REQUIRE_LEMON=1. Call Cleanup from TestMain to remove it.
func Oracle(t testing.TB) string {
	t.Helper()
	oracle.once.Do(build)
	if oracle.err != "" {
		if os.Getenv("JOL_REQUIRE_LEMON") == "1" {
			t.Fatalf("LEMON oracle required but %s", oracle.err)
		}
		t.Skipf("LEMON oracle unavailable: %s (install g++ and liblemon-dev)", oracle.err)
	}
	return oracle.bin
}

// Cleanup removes the oracle built by Oracle, if any.
func Cleanup() {
	if oracle.dir != "" {
		os.RemoveAll(oracle.dir)
	}
}

// Source is the path of the oracle's C++ source.
func Source() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", "lemon_oracle.cc")
}

func build() {
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
	if out, err := exec.Command("g++", "-O2", "-o", bin, Source()).CombinedOutput(); err != nil {
		oracle.err = fmt.Sprintf("g++ failed: %v\n%s", err, out)
		return
	}
	oracle.bin = bin
}

// Solve runs the oracle bin on g and returns the least cost, or
// flow.ErrInfeasible.
func Solve(t testing.TB, bin string, g *flow.Graph) (int64, error) {
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
	cost, err := Parse(string(out))
	if err != nil && !errors.Is(err, flow.ErrInfeasible) {
		t.Fatal(err)
	}
	return cost, err
}

// Parse reads the oracle's answer for one instance: "optimal COST" or
// "infeasible".
func Parse(out string) (int64, error) {
	answer := strings.Fields(out)
	switch {
	case len(answer) == 1 && answer[0] == "infeasible":
		return 0, flow.ErrInfeasible
	case len(answer) == 2 && answer[0] == "optimal":
		return strconv.ParseInt(answer[1], 10, 64)
	}
	return 0, fmt.Errorf("lemon oracle said %q", out)
}
