-- PostgreSQL's versions of queries whose SQLite form it cannot run or
-- that it runs better otherwise.

-- name: SearchFirstName
-- As in queries.sql, with strpos for instr: the expression of the index
-- persons_first_name (migration 0009).
SELECT p.* FROM person_rows p
WHERE p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4
  AND substr(p.name_key, strpos(p.name_key, ' ') + 1) >= $5
  AND substr(p.name_key, strpos(p.name_key, ' ') + 1) < $6 AND p.merged_into IS NULL
ORDER BY substr(p.name_key, strpos(p.name_key, ' ') + 1), p.id
LIMIT $7;

-- name: NextPersonIDs
SELECT nextval(pg_get_serial_sequence('persons', 'id')) FROM generate_series(1, $1);

-- name: NextHouseholdIDs
SELECT nextval(pg_get_serial_sequence('households', 'id')) FROM generate_series(1, $1);

-- name: ImportHints
-- A table an import is filling has no statistics yet, or old ones, and the
-- planner would read all of persons to match a batch's names; a batch's
-- reads are all probes of an index, so the transaction says so.
SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
       set_config('enable_mergejoin', 'off', true);
