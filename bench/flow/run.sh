#!/usr/bin/env bash
# Jol's min-cost flow solver beside LEMON's network simplex, on the same
# generated instances, in the same run: the mentoring instance (20,000
# mentees × 1,000 mentors, 50 candidates each) and the allocation one
# (100,000 request lines). Each instance is written in DIMACS format; the
# LEMON oracle (built with g++ -O2) and the Go solver then solve it in
# turn, RUNS times each, and the best times and their ratio are printed.
# The optimal costs must agree.
#
#   bench/flow/run.sh [WORKDIR] [RUNS]
#
# Needs g++ and liblemon-dev. WORKDIR (default: a new temporary
# directory) receives the oracle, the instances and the raw lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-$(mktemp -d)}
runs=${2:-5}
mkdir -p "$work"

g++ -O2 -o "$work/lemon_oracle" internal/flow/testdata/lemon_oracle.cc
go build -o "$work/flowbench" ./bench/flow
echo "machine: $(nproc) cores, $(uptime)"

best() { sort -g | head -1; }

for instance in mentoring allocation; do
	"$work/flowbench" -instance "$instance" -dimacs "$work/$instance.min" -runs 0
	: > "$work/$instance.lemon"
	: > "$work/$instance.go"
	for _ in $(seq "$runs"); do
		"$work/lemon_oracle" -t < "$work/$instance.min" 2>> "$work/$instance.lemon" >> "$work/$instance.lemon"
		"$work/flowbench" -instance "$instance" -runs 1 | grep '^go:' >> "$work/$instance.go"
	done
	# "lemon: read R s, solve S s, cpu C s" and "go: solve S s, cpu C s, cost K, pivots P"
	lemonCost=$(awk '$1 == "optimal" {print $2}' "$work/$instance.lemon" | sort -u)
	goCost=$(awk '{print $9}' "$work/$instance.go" | tr -d , | sort -u)
	if [ "$lemonCost" != "$goCost" ]; then
		echo "$instance: costs differ: LEMON $lemonCost, Go $goCost"; exit 1
	fi
	lemonSolve=$(awk '$1 == "lemon:" {print $6}' "$work/$instance.lemon" | best)
	lemonCPU=$(awk '$1 == "lemon:" {print $9}' "$work/$instance.lemon" | best)
	goSolve=$(awk '{print $3}' "$work/$instance.go" | best)
	goCPU=$(awk '{print $6}' "$work/$instance.go" | best)
	printf '%s: optimal cost %s, best of %d\n' "$instance" "$goCost" "$runs"
	printf '  LEMON network simplex  %6.3f s  (cpu %6.3f s)\n' "$lemonSolve" "$lemonCPU"
	printf '  Jol flow.Solve         %6.3f s  (cpu %6.3f s)\n' "$goSolve" "$goCPU"
	printf '  ratio Go/LEMON         %6.2f    (cpu %6.2f)\n' \
		"$(echo "$goSolve / $lemonSolve" | bc -l)" "$(echo "$goCPU / $lemonCPU" | bc -l)"
done
echo "after: $(uptime)"
