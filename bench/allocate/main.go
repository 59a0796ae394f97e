// Command allocate times a campaign's allocation at the size issue 10
// names — 100,000 approved requests over 12 items with sizes, 20 regions
// and 30 warehouses — on a new SQLite file (or an empty PostgreSQL
// database), and LEMON's network simplex on the same networks in the
// same run:
//
//	go run ./bench/allocate -db /some/dir/alloc.db -lemon /some/dir/lemon_oracle
//
// It seeds the database (not timed), then runs the dry run -runs times
// (reading the requests, results and stock, building the networks,
// solving them, deriving the plan, keeping the run), writes the networks
// of the last in DIMACS format and times the oracle on each, and finally
// commits the plan once (holds, request moves, messages, line outcomes)
// and checks the ledger. bench/allocate/run.sh builds the oracle and
// runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/allocation"
	"github.com/jolproject/jol/internal/flow"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/store"
)

func main() {
	dsn := flag.String("db", "", "a new SQLite file, or an empty PostgreSQL database's URL (required)")
	lemon := flag.String("lemon", "", "the LEMON oracle built from internal/flow/testdata/lemon_oracle.cc; none: skip it")
	requests := flag.Int("requests", 100_000, "approved requests, one line each")
	runs := flag.Int("runs", 3, "dry runs")
	commit := flag.Bool("commit", true, "commit the plan after the dry runs")
	seedFlag := flag.Uint64("seed", 1, "the generator's seed")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the dry runs to this file")
	commitProfile := flag.String("commitprofile", "", "write a CPU profile of the commit to this file")
	flag.Parse()
	if *dsn == "" {
		log.Fatal("give -db")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	svc, err := services.New(ctx, db, services.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("machine: %d cores, %s, %s\n", runtime.NumCPU(), load(), time.Now().UTC().Format(time.RFC3339))
	t0 := time.Now()
	campaign, err := seed(ctx, db, svc, size{requests: *requests, items: 12, regions: 20, warehouses: 30},
		rand.New(rand.NewPCG(*seedFlag, 10)))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("seeded %d requests in %.1f s\n", *requests, time.Since(t0).Seconds())

	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
	}
	var plan *allocation.Plan
	for range *runs {
		t0, cpu := time.Now(), cpuTime()
		plan, err = svc.Allocation.DryRun(ctx, access.System, campaign, "cli")
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("dry run: %.3f s, cpu %.3f s (read %.3f s, model, solve and plan %.3f s, %d pivots): objective %d, "+
			"%d of %d lines served, distance %d\n", time.Since(t0).Seconds(), (cpuTime() - cpu).Seconds(),
			plan.Read.Seconds(), plan.Solve.Seconds(), plan.Pivots, plan.Objective, plan.Served, plan.Lines, plan.Distance)
	}
	pprof.StopCPUProfile()
	if *lemon != "" {
		if err := compare(ctx, svc, campaign, *lemon); err != nil {
			log.Fatal(err)
		}
	}
	if !*commit {
		return
	}
	if *commitProfile != "" {
		f, err := os.Create(*commitProfile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
	}
	t0, cpu := time.Now(), cpuTime()
	_, run, err := svc.Allocation.Commit(ctx, access.System, campaign, allocation.CommitOptions{Version: plan.Version,
		Digest: plan.Digest, Via: "cli"})
	if err != nil {
		log.Fatal(err)
	}
	pprof.StopCPUProfile()
	fmt.Printf("commit: %.3f s, cpu %.3f s: run %d, %d lines held, objective %d\n", time.Since(t0).Seconds(),
		(cpuTime() - cpu).Seconds(), run.ID, run.Served, run.Objective)
	rep, err := svc.Stock.Verify(ctx)
	if err != nil || len(rep.Mismatches) > 0 {
		log.Fatalf("the ledger disagrees after the commit: %v %+v", err, rep.Mismatches)
	}
	fmt.Printf("ledger verified; after: %s\n", load())
}

// compare solves the networks of the campaign's plan with Go's solver
// and with the LEMON oracle, each network in turn, and prints both times
// and costs, which must agree.
func compare(ctx context.Context, svc *services.Services, campaign int64, oracle string) error {
	in, err := svc.Allocation.Instance(ctx, access.System, campaign)
	if err != nil {
		return err
	}
	_, nets, err := allocation.DecideNetworks(in)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "allocate-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var goTotal, lemonTotal float64
	for k, g := range nets.Graphs {
		if g == nil {
			continue
		}
		t0 := time.Now()
		sol, err := g.Solve()
		if err != nil {
			return err
		}
		goSolve := time.Since(t0).Seconds()
		path := filepath.Join(dir, fmt.Sprintf("aim%d.min", k))
		if err := writeDIMACS(g, path); err != nil {
			return err
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		cmd := exec.Command(oracle, "-t")
		cmd.Stdin = in
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		in.Close()
		if err != nil {
			return fmt.Errorf("lemon: %v: %s", err, stderr.String())
		}
		var lemonCost int64
		var read, solve, cpu float64
		fmt.Sscanf(string(out), "optimal %d", &lemonCost)
		fmt.Sscanf(stderr.String(), "lemon: read %f s, solve %f s, cpu %f s", &read, &solve, &cpu)
		if lemonCost != sol.Cost || sol.Cost != nets.Costs[k] {
			return fmt.Errorf("aim %d: Go %d (plan %d), LEMON %d", k, sol.Cost, nets.Costs[k], lemonCost)
		}
		fmt.Printf("aim %d: %d nodes, %d arcs, optimal cost %d: Go %.3f s, LEMON %.3f s (cpu %.3f s)\n", k,
			g.NumNodes(), g.NumArcs(), sol.Cost, goSolve, solve, cpu)
		goTotal += goSolve
		lemonTotal += solve
	}
	fmt.Printf("solving the same networks: Go %.3f s, LEMON %.3f s\n", goTotal, lemonTotal)
	return nil
}

func writeDIMACS(g *flow.Graph, path string) error {
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

// cpuTime is the processor time this process has used: on a shared
// machine it leaves out the time spent waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// load is the machine's load average.
func load() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "load unknown"
	}
	return "load " + strings.Join(strings.Fields(string(b))[:3], " ")
}
