package flow_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/flow"
	"github.com/jolproject/jol/internal/flow/flowgen"
)

// The sizes the issues name:
//
//	go test -run '^$' -bench . -benchtime 5x ./internal/flow
//
// bench/flow/run.sh times LEMON on the same instances in the same run.

// BenchmarkMentoring: 20,000 mentees × 1,000 mentors with capacities,
// 50 candidates each (1,041,000 arcs).
func BenchmarkMentoring(b *testing.B) {
	benchSolve(b, flowgen.Mentoring(20_000, 1_000, 50, 1))
}

// BenchmarkAllocation: 100,000 request lines over 12 items with sizes,
// 20 regions and 30 warehouses, with quotas; the solver alone.
func BenchmarkAllocation(b *testing.B) {
	benchSolve(b, flowgen.Allocation(flowgen.AllocationSize{
		Requests: 100_000, Items: 12, Regions: 20, Warehouses: 30,
	}, 1))
}

func benchSolve(b *testing.B, g *flow.Graph) {
	var pivots int
	cpu := cpuTime()
	for b.Loop() {
		sol, err := g.Solve()
		if err != nil {
			b.Fatal(err)
		}
		pivots = sol.Pivots
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(pivots), "pivots")
	b.ReportMetric(float64(g.NumArcs()), "arcs")
}

// cpuTime is the processor time this process has used: on a shared
// machine it does not count the time spent waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
