-- PostgreSQL needs the types of parameters compared with literals or passed
-- to overloaded functions, and an explicit lock for writers of the tree.

-- name: LockTree
SELECT pg_advisory_xact_lock(7478001);

-- name: List
SELECT r.id, r.code, COALESCE(p.code, ''), r.country, r.type, r.path,
       r.name_en, r.name_kk, r.name_ru, r.name_fr, r.name_fa, r.builtin
FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
WHERE r.id < $1
  AND ($2::text = '' OR r.country = $2)
ORDER BY r.id DESC
LIMIT $3;

-- name: Ancestors
SELECT r.id, r.code, COALESCE(p.code, ''), r.country, r.type, r.path,
       r.name_en, r.name_kk, r.name_ru, r.name_fr, r.name_fa, r.builtin
FROM regions r LEFT JOIN regions p ON p.id = r.parent_id
WHERE $1::text LIKE r.path || '%' AND r.path <> $1
ORDER BY length(r.path);

-- name: MovePaths
UPDATE regions
SET path = $1::text || substr(path, $2::int), country = $3
WHERE path LIKE $4;
