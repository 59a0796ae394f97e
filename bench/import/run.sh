#!/usr/bin/env bash
# Import benchmark: a generated list of ROWS children (1,000,000 by default)
# imported end to end by `jol import people` into a new SQLite database
# (and into PostgreSQL when JOL_BENCH_POSTGRES holds a connection string to
# an empty database), next to the native reference: the sqlite3 tool
# loading the rows the first import wrote into the same migrated schema,
# set-based in one transaction (bench/import/native.sh), and the ratio of
# the two. `sqlite3 .import` of the file into a bare table is printed too,
# as the floor of reading the file. Prints wall time, rows per second and
# peak memory of each, and the load average before each run (the machine
# may be shared).
#
#   bench/import/run.sh [ROWS] [WORKDIR]
set -euo pipefail
rows=${1:-1000000}
work=${2:-$(mktemp -d)}
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
CGO_ENABLED=0 go build -o "$work/jol" ./cmd/jol
go run ./bench/peoplecsv -rows "$rows" > "$work/people.csv"
echo "file: $(du -h "$work/people.csv" | cut -f1), $rows rows"

# The 300 schools the file names, under one foundation (organisation 1).
schools() {
	echo "INSERT INTO organisations (id, name, type, path, created_at, updated_at) VALUES (1, 'Foundation', 'foundation', '/1/', '$1', '$1');"
	for i in $(seq 1 300); do
		echo "INSERT INTO organisations (id, name, type, parent_id, path, created_at, updated_at) VALUES ($((i + 1)), 'School No. $i', 'school', 1, '/1/$((i + 1))/', '$1', '$1');"
	done
}

measure() { # label, command...
	local label=$1
	shift
	echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	/usr/bin/time -o "$work/time.txt" -f '%e %M' "$@" > "$work/out.txt" 2> "$work/err.txt"
	read -r secs kib < "$work/time.txt"
	printf '%-46s %8.2f s %9.0f rows/s %6d MB\n' "$label" "$secs" "$(echo "$rows / $secs" | bc -l)" $((kib / 1024))
}

rm -f "$work/jol.db"*
"$work/jol" migrate --db "$work/jol.db" > /dev/null
schools "$(date -u +%Y-%m-%dT%H:%M:%SZ)" | sqlite3 "$work/jol.db"
measure "jol import people (SQLite, first import)" \
	"$work/jol" import people --bulk --db "$work/jol.db" --org 1 --errors "$work/rejected.csv" "$work/people.csv"
cat "$work/out.txt"
first=$secs
bench/import/native.sh "$work/jol" "$work/jol.db" "$work"
printf 'ratio to the native reference: %.2f\n' "$(echo "$(cat "$work/native-secs.txt") / $first" | bc -l)"
measure "jol import people (SQLite, again)" \
	"$work/jol" import people --bulk --db "$work/jol.db" --org 1 --errors "$work/rejected.csv" "$work/people.csv"
cat "$work/out.txt"

rm -f "$work/bare.db"
cols=$(head -1 "$work/people.csv" | sed 's/,/ TEXT, /g; s/$/ TEXT/')
sqlite3 "$work/bare.db" "CREATE TABLE people ($cols);"
measure "reference: sqlite3 .import into a bare table" \
	sqlite3 "$work/bare.db" -cmd ".mode csv" ".import --skip 1 $work/people.csv people"

if [ -n "${JOL_BENCH_POSTGRES:-}" ]; then
	"$work/jol" migrate --db "$JOL_BENCH_POSTGRES" > /dev/null
	schools "$(date -u +%Y-%m-%dT%H:%M:%SZ)" | sed 's/INSERT INTO organisations (id,/INSERT INTO organisations OVERRIDING SYSTEM VALUE (id,/; s/(id, name/(id, name/' |
		sed 's/organisations OVERRIDING SYSTEM VALUE (\([^)]*\))/organisations (\1) OVERRIDING SYSTEM VALUE/' | psql -q "$JOL_BENCH_POSTGRES"
	psql -q "$JOL_BENCH_POSTGRES" -c "SELECT setval(pg_get_serial_sequence('organisations', 'id'), 301)" > /dev/null
	measure "jol import people (PostgreSQL, first import)" \
		"$work/jol" import people --bulk --db "$JOL_BENCH_POSTGRES" --org 1 --errors "$work/rejected-pg.csv" "$work/people.csv"
	cat "$work/out.txt"
	measure "jol import people (PostgreSQL, again)" \
		"$work/jol" import people --bulk --db "$JOL_BENCH_POSTGRES" --org 1 --errors "$work/rejected-pg.csv" "$work/people.csv"
	cat "$work/out.txt"
fi
