-- PostgreSQL needs the types of parameters compared with literals.

-- name: ListUsers
SELECT u.id, u.email, u.name, u.role, u.org_id, COALESCE(o.name, ''), COALESCE(o.path, ''), COALESCE(o.locale, ''),
       u.region_id, COALESCE(r.code, ''), COALESCE(r.path, ''), u.locale, u.password_hash,
       u.active, u.created_at, u.updated_at, u.last_login_at
FROM users u
LEFT JOIN organisations o ON o.id = u.org_id
LEFT JOIN regions r ON r.id = u.region_id
WHERE u.id < $1
  AND COALESCE(o.path, '') LIKE $2
  AND COALESCE(r.path, '') LIKE $3
  AND ($4::text = '' OR u.role = $4)
  AND ($5::text = '' OR lower(u.name) LIKE $5 OR u.email LIKE $5)
ORDER BY u.id DESC
LIMIT $6;

-- name: ListTokens
SELECT t.id, t.user_id, u.email, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at
FROM api_tokens t JOIN users u ON u.id = t.user_id
WHERE ($1::bigint = 0 OR t.user_id = $1)
ORDER BY t.id DESC;
