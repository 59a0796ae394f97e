-- A parameter compared with a literal or passed to an overloaded function
-- is written CAST($n AS TEXT | INTEGER | BIGINT), so PostgreSQL knows its
-- type; on SQLite the standard cast of a value already of that type changes
-- nothing. (Never cast a time: SQLite's TIMESTAMP cast is numeric.)
-- queries_postgres.sql, where present, holds only what the engines truly do
-- differently.

-- name: LockTree
-- Serialises writers of the organisation tree so that a path computed from
-- a parent is never stale. SQLite already takes the write lock at BEGIN;
-- PostgreSQL takes an advisory lock (queries_postgres.sql).
SELECT 1;

-- name: Region
SELECT id, path FROM regions WHERE code = $1;

-- name: ByID
SELECT o.id, o.name, o.type, COALESCE(o.parent_id, 0), COALESCE(r.code, ''), COALESCE(r.path, ''),
       o.path, o.locale, o.active, o.created_at, o.updated_at
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE o.id = $1;

-- name: List
-- $2 and $3 are the principal's scope, $6 the region filter and $7 the
-- name filter as LIKE patterns ('%' when unset).
SELECT o.id, o.name, o.type, COALESCE(o.parent_id, 0), COALESCE(r.code, ''), COALESCE(r.path, ''),
       o.path, o.locale, o.active, o.created_at, o.updated_at
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE o.id < $1
  AND o.path LIKE $2
  AND COALESCE(r.path, '') LIKE $3
  AND (CAST($4 AS TEXT) = '' OR o.type = $4)
  AND (CAST($5 AS BIGINT) = 0 OR o.parent_id = $5)
  AND COALESCE(r.path, '') LIKE $6
  AND o.search LIKE $7 ESCAPE '\'
ORDER BY o.id DESC
LIMIT $8 OFFSET $9;

-- name: Ancestors
-- The organisations whose path is a prefix of $1, within the principal's
-- scope ($3, $4), root first.
SELECT o.id, o.name, o.type, COALESCE(o.parent_id, 0), COALESCE(r.code, ''), COALESCE(r.path, ''),
       o.path, o.locale, o.active, o.created_at, o.updated_at
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE CAST($1 AS TEXT) LIKE o.path || '%' AND o.path <> '' AND o.id <> $2
  AND o.path LIKE $3
  AND COALESCE(r.path, '') LIKE $4
ORDER BY length(o.path);

-- name: Insert
INSERT INTO organisations (name, type, parent_id, region_id, locale, active, created_at, updated_at, search)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id;

-- name: SetPath
UPDATE organisations SET path = $1 WHERE id = $2;

-- name: Update
UPDATE organisations
SET name = $1, type = $2, parent_id = $3, region_id = $4, path = $5,
    locale = $6, active = $7, updated_at = $8, search = $9
WHERE id = $10;

-- name: MoveSubtree
-- Rewrites the paths of the descendants of an organisation that moved: $1
-- is its new path, $2 the length of the old one plus one, $3 the old path
-- followed by '%'.
UPDATE organisations
SET path = CAST($1 AS TEXT) || substr(path, CAST($2 AS INTEGER))
WHERE path LIKE $3;

-- name: Count
-- How many organisations lie in the principal's scope ($1 and $2).
SELECT count(*)
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE o.path LIKE $1 AND COALESCE(r.path, '') LIKE $2;
