-- Conversations (state.go) and the links of chats to staff accounts
-- (code.go).

-- name: Load
SELECT locale, COALESCE(user_id, 0), linked_at, flow, step, version, data, COALESCE(link_id, 0)
FROM bot_conversations WHERE chat_id = $1;

-- name: Save
INSERT INTO bot_conversations (chat_id, locale, user_id, linked_at, flow, step, version, data, link_id, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
ON CONFLICT (chat_id) DO UPDATE SET locale = excluded.locale, user_id = excluded.user_id,
    linked_at = excluded.linked_at, flow = excluded.flow, step = excluded.step, version = excluded.version,
    data = excluded.data, link_id = excluded.link_id, updated_at = excluded.updated_at;

-- name: UnlinkOthers
-- A user is linked to one chat: linking chat $2 to user $1 unlinks any other.
UPDATE bot_conversations SET user_id = NULL, linked_at = NULL, updated_at = $3
WHERE user_id = $1 AND chat_id <> $2;

-- name: UnlinkUser
UPDATE bot_conversations SET user_id = NULL, linked_at = NULL, updated_at = $2
WHERE user_id = $1;

-- name: LinkedUser
-- The active user chat $1 is linked to.
SELECT c.user_id FROM bot_conversations c JOIN users u ON u.id = c.user_id
WHERE c.chat_id = $1 AND u.active;

-- name: LinkedChat
-- The chat user $1 is linked to, and since when.
SELECT chat_id, linked_at FROM bot_conversations WHERE user_id = $1;

-- name: DropExpired
DELETE FROM bot_link_codes WHERE expires_at <= $1;

-- name: PutCode
INSERT INTO bot_link_codes (user_id, selector, hash, attempts, expires_at, created_at)
VALUES ($1, $2, $3, 0, $4, $5)
ON CONFLICT (user_id) DO UPDATE SET selector = excluded.selector, hash = excluded.hash, attempts = 0,
    expires_at = excluded.expires_at, created_at = excluded.created_at;

-- name: TryCode
-- Takes one of the code's attempts: the row only while fewer than $3
-- were taken and it has not expired ($2 is now). Concurrent tries queue
-- on the row (PostgreSQL) or the database's write lock (SQLite) and each
-- sees the count the one before left, so no more than $3 are ever taken.
UPDATE bot_link_codes SET attempts = attempts + 1
WHERE selector = $1 AND expires_at > $2 AND attempts < $3
RETURNING user_id, hash;

-- name: DropCode
DELETE FROM bot_link_codes WHERE user_id = $1;

-- name: PendingCode
SELECT expires_at FROM bot_link_codes WHERE user_id = $1 AND expires_at > $2 AND attempts < $3;
