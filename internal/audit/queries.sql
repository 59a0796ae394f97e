-- A parameter compared with a literal or passed to an overloaded function
-- is written CAST($n AS TEXT | INTEGER | BIGINT), so PostgreSQL knows its
-- type; on SQLite the standard cast of a value already of that type changes
-- nothing. (Never cast a time: SQLite's TIMESTAMP cast is numeric.)
-- queries_postgres.sql, where present, holds only what the engines truly do
-- differently.

-- name: InsertChange
INSERT INTO audit_log (at, actor_id, actor, action, entity, entity_id, org_path, region_path, before, after)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- name: ListChanges
-- Newest first, below id $1, $9 rows after skipping $12 (a jump to a page
-- by its number); store.CountRows counts what it pages through. $10-$11
-- is the region range of the reader (access.Span of their region
-- path): for a reader without a region scope it holds every entry, ''
-- too; for one with a region scope, never an entry without a place.
SELECT id, at, actor_id, actor, action, entity, entity_id, org_path, before, after
FROM audit_log
WHERE id < $1
  AND org_path LIKE $2
  AND (CAST($3 AS TEXT) = '' OR entity = $3)
  AND (CAST($4 AS TEXT) = '' OR entity_id = $4)
  AND (CAST($5 AS BIGINT) = 0 OR actor_id = $5)
  AND (CAST($6 AS TEXT) = '' OR action = $6)
  AND at >= $7 AND at < $8
  AND region_path >= $10 AND region_path < $11
ORDER BY id DESC
LIMIT $9 OFFSET $12;

-- name: InsertAccess
INSERT INTO access_log (at, user_id, user_name, subject_kind, subject_id, org_path, via, region_path)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8);

-- name: ListAccesses
-- As ListChanges: $9-$10 the region range, $8 rows after skipping $11.
SELECT id, at, user_id, user_name, subject_kind, subject_id, org_path, via
FROM access_log
WHERE id < $1
  AND org_path LIKE $2
  AND (CAST($3 AS TEXT) = '' OR subject_kind = $3)
  AND (CAST($4 AS TEXT) = '' OR subject_id = $4)
  AND (CAST($5 AS BIGINT) = 0 OR user_id = $5)
  AND at >= $6 AND at < $7
  AND region_path >= $9 AND region_path < $10
ORDER BY id DESC
LIMIT $8 OFFSET $11;

-- name: CountAccesses
-- The entries of kind $2 by user $1 since $3: the index access_log_user.
SELECT count(*) FROM access_log WHERE user_id = $1 AND at >= $3 AND subject_kind = $2;

-- name: ChangeActors
-- The users who changed something within the scope ($1 the organisation
-- path pattern, $3-$4 the region range), by name: each is
-- found through the index audit_log_actor, so the log is not scanned.
SELECT u.id, u.name FROM users u
WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.actor_id = u.id AND a.org_path LIKE $1
              AND a.region_path >= $3 AND a.region_path < $4)
ORDER BY u.name, u.id
LIMIT $2;

-- name: AccessUsers
-- The users who opened a record within the scope (as ChangeActors), by name (through the
-- index access_log_user).
SELECT u.id, u.name FROM users u
WHERE EXISTS (SELECT 1 FROM access_log a WHERE a.user_id = u.id AND a.org_path LIKE $1
              AND a.region_path >= $3 AND a.region_path < $4)
ORDER BY u.name, u.id
LIMIT $2;
