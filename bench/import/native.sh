#!/usr/bin/env bash
# The native reference of the import benchmark: the sqlite3 tool writes
# the rows an import produced - its persons, households, memberships and
# categories - into a new database of the same migrated schema, set-based
# (INSERT … SELECT per table) in one transaction, with the same settings
# as Jol's writer (WAL, synchronous=normal, foreign keys on, a 128 MiB page
# cache). The rows are first copied, untimed, into bare tables of another
# file, so the timed part only loads them: every index, constraint and
# trigger of the schema is maintained as during the import.
#
#   bench/import/native.sh JOL BINARY_DB WORKDIR
#
# JOL is the jol binary (for `jol migrate`), BINARY_DB the database the
# import wrote; prints one line like run.sh's measure.
set -euo pipefail
jol=$1
src=$2
work=$3
tables="households persons household_members person_categories"

rm -f "$work/rows.db" "$work/native.db"*
{
	echo "ATTACH '$work/rows.db' AS r;"
	for t in $tables; do echo "CREATE TABLE r.$t AS SELECT * FROM main.$t;"; done
} | sqlite3 "$src"

"$jol" migrate --db "$work/native.db" > /dev/null
# What the rows refer to, as it is in the source: regions, organisations,
# categories, users.
sqlite3 "$work/native.db" "ATTACH '$src' AS s;
INSERT OR IGNORE INTO regions SELECT * FROM s.regions;
INSERT OR IGNORE INTO organisations SELECT * FROM s.organisations;
INSERT OR IGNORE INTO categories SELECT * FROM s.categories;
INSERT OR IGNORE INTO users SELECT * FROM s.users;"

load=$(
	echo "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072;"
	echo "ATTACH '$work/rows.db' AS r;"
	echo "BEGIN IMMEDIATE;"
	for t in $tables; do echo "INSERT INTO main.$t SELECT * FROM r.$t;"; done
	echo "COMMIT;"
)
n=$(sqlite3 "$work/rows.db" "SELECT count(*) FROM persons")
start=$(date +%s.%N)
/usr/bin/time -o "$work/native-time.txt" -f '%M' sqlite3 "$work/native.db" "$load"
secs=$(echo "$(date +%s.%N) - $start" | bc -l)
printf '%-46s %8.2f s %9.0f persons/s %6d MB\n' "native: sqlite3, the same rows, one transaction" \
	"$secs" "$(echo "$n / $secs" | bc -l)" $(($(cat "$work/native-time.txt") / 1024))
echo "$secs" > "$work/native-secs.txt"
