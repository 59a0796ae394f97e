-- A parameter compared with a literal or passed to an overloaded function
-- is written CAST($n AS TEXT | INTEGER | BIGINT), so PostgreSQL knows its
-- type; on SQLite the standard cast of a value already of that type changes
-- nothing. (Never cast a time: SQLite's TIMESTAMP cast is numeric.)
-- queries_postgres.sql, where present, holds only what the engines truly do
-- differently.

-- name: InsertUser
INSERT INTO users (email, name, role, org_id, region_id, locale, password_hash, active, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
RETURNING id;

-- name: SelectUser
SELECT id, email, name, role, org_id, org_name, org_path, org_locale,
       region_id, region_code, region_path, locale, password_hash,
       active, created_at, updated_at, last_login_at
FROM user_accounts
WHERE id = $1;

-- name: SelectUserByEmail
SELECT id, email, name, role, org_id, org_name, org_path, org_locale,
       region_id, region_code, region_path, locale, password_hash,
       active, created_at, updated_at, last_login_at
FROM user_accounts
WHERE email = $1;

-- name: ListUsers
SELECT id, email, name, role, org_id, org_name, org_path, org_locale,
       region_id, region_code, region_path, locale, password_hash,
       active, created_at, updated_at, last_login_at
FROM user_accounts
WHERE id < $1
  AND org_path LIKE $2
  AND region_path LIKE $3
  AND (CAST($4 AS TEXT) = '' OR role = $4)
  AND (CAST($5 AS TEXT) = '' OR lower(name) LIKE $5 OR email LIKE $5)
ORDER BY id DESC
LIMIT $6 OFFSET $7;

-- name: UsersCovering
-- The active users whose organisation and region subtrees hold a record
-- of organisation path $1 and region path $2 (a user's empty path is every
-- place on that axis), of a role listed in $3 (",admin,coordinator,"), by
-- name. The LIKE may let a role through whose name has another letter
-- where a listed one has "_"; the caller checks each user with the policy.
SELECT id, name, role, org_name, org_path, region_path FROM user_accounts
WHERE active
  AND (org_path = '' OR substr(CAST($1 AS TEXT), 1, length(org_path)) = org_path)
  AND (region_path = '' OR substr(CAST($2 AS TEXT), 1, length(region_path)) = region_path)
  AND CAST($3 AS TEXT) LIKE '%,' || role || ',%'
ORDER BY name, id
LIMIT $4;

-- name: UpdateUser
UPDATE users SET name = $2, role = $3, org_id = $4, region_id = $5, locale = $6, active = $7, updated_at = $8
WHERE id = $1;

-- name: UpdatePassword
UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1;

-- name: UpdateLocale
UPDATE users SET locale = $2, updated_at = $3 WHERE id = $1;

-- name: TouchLogin
UPDATE users SET last_login_at = $2 WHERE id = $1;

-- name: CountUsers
SELECT count(*) FROM users;

-- name: OrgScope
SELECT path, COALESCE(region_id, 0) FROM organisations WHERE id = $1;

-- name: RegionScope
SELECT id, path FROM regions WHERE code = $1;

-- name: InsertToken
INSERT INTO api_tokens (user_id, name, prefix, hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id;

-- name: ListTokens
SELECT t.id, t.user_id, u.email, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at
FROM api_tokens t JOIN users u ON u.id = t.user_id
WHERE (CAST($1 AS BIGINT) = 0 OR t.user_id = $1)
ORDER BY t.id DESC;

-- name: SelectToken
SELECT t.id, t.user_id, u.email, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at
FROM api_tokens t JOIN users u ON u.id = t.user_id
WHERE t.id = $1;

-- name: SelectTokenUser
SELECT id, user_id, revoked_at, last_used_at FROM api_tokens WHERE hash = $1;

-- name: RevokeToken
UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL;

-- name: TouchToken
UPDATE api_tokens SET last_used_at = $2 WHERE id = $1;

-- name: LockThrottle
-- Reads a key's count and locks its row for the transaction; the no-op
-- update is what takes PostgreSQL's row lock (FOR UPDATE cannot lock a
-- row that does not exist yet).
INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES ($1, 0, $2, NULL)
ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures
RETURNING failures, window_start, locked_until;

-- name: SaveThrottle
UPDATE login_throttle SET failures = $2, window_start = $3, locked_until = $4 WHERE key = $1;

-- name: FindSession
SELECT data FROM sessions WHERE token = $1 AND expiry > $2;

-- name: CommitSession
INSERT INTO sessions (token, data, expiry) VALUES ($1, $2, $3)
ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry;

-- name: DeleteSession
DELETE FROM sessions WHERE token = $1;

-- name: DeleteExpiredSessions
DELETE FROM sessions WHERE expiry <= $1;
