-- PostgreSQL's versions of queries whose SQLite form it cannot run.

-- name: SearchFirstName
-- As in queries.sql, with strpos for instr: the expression of the index
-- persons_first_name (migration 0009).
SELECT p.* FROM person_rows p
WHERE p.org_path >= $1 AND p.org_path < $2 AND p.region_path >= $3 AND p.region_path < $4
  AND substr(p.name_key, strpos(p.name_key, ' ') + 1) >= $5
  AND substr(p.name_key, strpos(p.name_key, ' ') + 1) < $6 AND p.merged_into IS NULL
ORDER BY substr(p.name_key, strpos(p.name_key, ' ') + 1), p.id
LIMIT $7;
