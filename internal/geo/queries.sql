-- A parameter compared with a literal or passed to an overloaded function
-- is written CAST($n AS TEXT | INTEGER | BIGINT), so PostgreSQL knows its
-- type; on SQLite the standard cast of a value already of that type changes
-- nothing. (Never cast a time: SQLite's TIMESTAMP cast is numeric.)
-- queries_postgres.sql, where present, holds only what the engines truly do
-- differently.

-- name: LockTree
-- Serialises writers of the region tree so that a path computed from a
-- parent is never stale. SQLite already takes the write lock at BEGIN;
-- PostgreSQL takes an advisory lock (queries_postgres.sql).
SELECT 1;

-- name: ByCode
SELECT r.id, r.code, COALESCE(p.code, ''), r.country, r.type, r.path,
       r.name_en, r.name_kk, r.name_ru, r.name_fr, r.name_fa, r.builtin
FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
WHERE r.code = $1;

-- name: Roots
SELECT r.id, r.code, '', r.country, r.type, r.path,
       r.name_en, r.name_kk, r.name_ru, r.name_fr, r.name_fa, r.builtin
FROM regions r
WHERE r.parent_id IS NULL
ORDER BY r.code;

-- name: Children
SELECT r.id, r.code, p.code, r.country, r.type, r.path,
       r.name_en, r.name_kk, r.name_ru, r.name_fr, r.name_fa, r.builtin
FROM regions r JOIN regions p ON p.id = r.parent_id
WHERE p.code = $1
ORDER BY r.code;

-- name: List
SELECT r.id, r.code, COALESCE(p.code, ''), r.country, r.type, r.path,
       r.name_en, r.name_kk, r.name_ru, r.name_fr, r.name_fa, r.builtin
FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
WHERE r.id < $1
  AND (CAST($2 AS TEXT) = '' OR r.country = $2)
ORDER BY r.id DESC
LIMIT $3;

-- name: Search
SELECT r.id, r.code, COALESCE(p.code, ''), r.country, r.type, r.path,
       r.name_en, r.name_kk, r.name_ru, r.name_fr, r.name_fa, r.builtin
FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
WHERE r.search LIKE $1 ESCAPE '\'
ORDER BY length(r.path), r.path
LIMIT $2;

-- name: Ancestors
SELECT r.id, r.code, COALESCE(p.code, ''), r.country, r.type, r.path,
       r.name_en, r.name_kk, r.name_ru, r.name_fr, r.name_fa, r.builtin
FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
WHERE CAST($1 AS TEXT) LIKE r.path || '%' AND r.path <> $1
ORDER BY length(r.path);

-- name: Insert
INSERT INTO regions (code, parent_id, country, type, path,
                     name_en, name_kk, name_ru, name_fr, name_fa, builtin, search)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
RETURNING id;

-- name: Update
UPDATE regions
SET parent_id = $1, country = $2, type = $3, path = $4,
    name_en = $5, name_kk = $6, name_ru = $7, name_fr = $8, name_fa = $9,
    builtin = $10, search = $11
WHERE id = $12;

-- name: MovePaths
-- Rewrites the paths (and country) of the descendants of a region that
-- moved: $1 is its new path, $2 the length of the old one plus one, $4 the
-- old path followed by '%'.
UPDATE regions
SET path = CAST($1 AS TEXT) || substr(path, CAST($2 AS INTEGER)), country = $3
WHERE path LIKE $4;
