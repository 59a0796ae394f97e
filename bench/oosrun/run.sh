#!/usr/bin/env bash
# Out-of-school run benchmark: generated lists of N × M children
# (100,000 × 96,000 by default) imported through the population-list and
# enrolment-list targets into a new SQLite database, the run done once,
# and the flagged children scored against the truth (school age 6–17).
# Prints the load average before, the times and peak memory, and the
# out-of-school precision, recall and F1.
#
#   bench/oosrun/run.sh [N] [M] [WORKDIR]
set -euo pipefail
n=${1:-100000}
m=${2:-96000}
work=${3:-$(mktemp -d)}
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
go build -o "$work/oosrun" ./bench/oosrun
go run ./bench/linkgen gen -n "$n" -m "$m" -seed 1 -out "$work"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f 'whole: %e s, peak %M KiB' "$work/oosrun" -dir "$work"
go run ./bench/linkgen score --truth "$work/truth.csv" --pairs "$work/oos_pairs.csv" \
	--unmatched-left "$work/oos_flagged.csv" --left "$work/left.csv" | grep 'out of school'
