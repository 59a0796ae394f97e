-- The chats young people registered from (youth_chats) and what the bot
-- told them (youth_chat_news); see migration 0049.

-- name: YouthOf
-- The young person chat $1 registered.
SELECT youth_id FROM youth_chats WHERE chat_id = $1;

-- name: ChatOf
-- The chat young person $1 registered from.
SELECT chat_id FROM youth_chats WHERE youth_id = $1;

-- name: Remember
-- Chat $2 follows young person $1 from now on; the chat they followed
-- from before, if another, no longer does.
INSERT INTO youth_chats (youth_id, chat_id, created_at) VALUES ($1, $2, $3)
ON CONFLICT (youth_id) DO UPDATE SET chat_id = excluded.chat_id, created_at = excluded.created_at;

-- name: Chats
-- A page of the registered chats, by young person after $1.
SELECT youth_id, chat_id FROM youth_chats WHERE youth_id > $1 ORDER BY youth_id LIMIT $2;

-- name: Tell
-- Records that news $2/$3 was told young person $1; nothing when it was.
INSERT INTO youth_chat_news (youth_id, kind, ref, told_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (youth_id, kind, ref) DO NOTHING;

-- name: Told
-- Whether news $2/$3 was told young person $1.
SELECT COUNT(*) FROM youth_chat_news WHERE youth_id = $1 AND kind = $2 AND ref = $3;
