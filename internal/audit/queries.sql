-- name: InsertChange
INSERT INTO audit_log (at, actor_id, actor, action, entity, entity_id, org_path, before, after)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- name: ListChanges
SELECT id, at, actor_id, actor, action, entity, entity_id, org_path, before, after
FROM audit_log
WHERE id < $1
  AND org_path LIKE $2
  AND ($3 = '' OR entity = $3)
  AND ($4 = '' OR entity_id = $4)
  AND ($5 = 0 OR actor_id = $5)
  AND ($6 = '' OR action = $6)
ORDER BY id DESC
LIMIT $7;

-- name: InsertAccess
INSERT INTO access_log (at, user_id, user_name, subject_kind, subject_id, org_path, via)
VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: ListAccesses
SELECT id, at, user_id, user_name, subject_kind, subject_id, org_path, via
FROM access_log
WHERE id < $1
  AND org_path LIKE $2
  AND ($3 = '' OR subject_kind = $3)
  AND ($4 = '' OR subject_id = $4)
  AND ($5 = 0 OR user_id = $5)
ORDER BY id DESC
LIMIT $6;
