// Command flow writes one of the generated flow instances in DIMACS format
// and times Jol's solver on it, for bench/flow/run.sh, which times LEMON
// on the same file in the same run.
//
//	go run ./bench/flow -instance mentoring -dimacs /some/dir/mentoring.min
//
// It prints the instance's size, then one line per solve:
// "go: solve 0.512 s, cpu 0.510 s, cost -1234, pivots 56789".
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"syscall"
	"time"

	"github.com/jolproject/jol/internal/flow"
	"github.com/jolproject/jol/internal/flow/flowgen"
)

func main() {
	instance := flag.String("instance", "mentoring", "mentoring (20,000 × 1,000 × 50) or allocation (100,000 requests)")
	dimacs := flag.String("dimacs", "", "write the instance to this file in DIMACS format")
	runs := flag.Int("runs", 3, "times to solve")
	seed := flag.Uint64("seed", 1, "the generator's seed")
	flag.Parse()

	var g *flow.Graph
	switch *instance {
	case "mentoring":
		g = flowgen.Mentoring(20_000, 1_000, 50, *seed)
	case "allocation":
		g = flowgen.Allocation(flowgen.AllocationSize{Requests: 100_000, Items: 12, Regions: 20, Warehouses: 30}, *seed)
	default:
		log.Fatalf("unknown instance %q", *instance)
	}
	fmt.Printf("%s: %d nodes, %d arcs\n", *instance, g.NumNodes(), g.NumArcs())
	if *dimacs != "" {
		if err := write(g, *dimacs); err != nil {
			log.Fatal(err)
		}
	}
	for range *runs {
		cpu, start := cpuTime(), time.Now()
		sol, err := g.Solve()
		wall := time.Since(start)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("go: solve %.3f s, cpu %.3f s, cost %d, pivots %d\n",
			wall.Seconds(), (cpuTime() - cpu).Seconds(), sol.Cost, sol.Pivots)
	}
}

func write(g *flow.Graph, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := g.WriteDIMACS(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// cpuTime is the processor time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
