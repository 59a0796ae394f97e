-- PostgreSQL needs the types of parameters compared with literals.

-- name: ListChanges
SELECT id, at, actor_id, actor, action, entity, entity_id, org_path, before, after
FROM audit_log
WHERE id < $1
  AND org_path LIKE $2
  AND ($3::text = '' OR entity = $3)
  AND ($4::text = '' OR entity_id = $4)
  AND ($5::bigint = 0 OR actor_id = $5)
  AND ($6::text = '' OR action = $6)
ORDER BY id DESC
LIMIT $7;

-- name: ListAccesses
SELECT id, at, user_id, user_name, subject_kind, subject_id, org_path, via
FROM access_log
WHERE id < $1
  AND org_path LIKE $2
  AND ($3::text = '' OR subject_kind = $3)
  AND ($4::text = '' OR subject_id = $4)
  AND ($5::bigint = 0 OR user_id = $5)
ORDER BY id DESC
LIMIT $6;
