#!/usr/bin/env bash
# A campaign's allocation at the size issue 10 names — 100,000 approved
# requests over 12 items with sizes, 20 regions and 30 warehouses — on a
# new SQLite file: the dry run (reading, modelling, solving, planning)
# RUNS times, LEMON's network simplex on the same networks in the same
# run, and one commit.
#
#   bench/allocate/run.sh [WORKDIR] [RUNS]
#
# Needs g++ and liblemon-dev. WORKDIR (default: a new temporary
# directory) receives the oracle and the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${1:-$(mktemp -d)}
runs=${2:-3}
mkdir -p "$work"
rm -f "$work/allocate.db" "$work/allocate.db-wal" "$work/allocate.db-shm"

g++ -O2 -o "$work/lemon_oracle" internal/flow/testdata/lemon_oracle.cc
go build -o "$work/allocate" ./bench/allocate
"$work/allocate" -db "$work/allocate.db" -lemon "$work/lemon_oracle" -runs "$runs"
