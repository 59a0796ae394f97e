-- PostgreSQL needs the types of parameters compared with literals or passed
-- to overloaded functions, and an explicit lock for writers of the tree.

-- name: LockTree
SELECT pg_advisory_xact_lock(7478002);

-- name: List
SELECT o.id, o.name, o.type, COALESCE(o.parent_id, 0), COALESCE(r.code, ''), COALESCE(r.path, ''),
       o.path, o.locale, o.active, o.created_at, o.updated_at
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE o.id < $1
  AND o.path LIKE $2
  AND COALESCE(r.path, '') LIKE $3
  AND ($4::text = '' OR o.type = $4)
  AND ($5::bigint = 0 OR o.parent_id = $5)
  AND COALESCE(r.path, '') LIKE $6
  AND o.search LIKE $7 ESCAPE '\'
ORDER BY o.id DESC
LIMIT $8;

-- name: Ancestors
SELECT o.id, o.name, o.type, COALESCE(o.parent_id, 0), COALESCE(r.code, ''), COALESCE(r.path, ''),
       o.path, o.locale, o.active, o.created_at, o.updated_at
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE $1::text LIKE o.path || '%' AND o.path <> '' AND o.id <> $2
  AND o.path LIKE $3
  AND COALESCE(r.path, '') LIKE $4
ORDER BY length(o.path);

-- name: MoveSubtree
UPDATE organisations
SET path = $1::text || substr(path, $2::int)
WHERE path LIKE $3;
