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
-- A page of the young people with a chat, after $1.
SELECT youth_id FROM youth_chats WHERE youth_id > $1 ORDER BY youth_id LIMIT $2;

-- name: Tell
-- Records that news $2/$3 was told young person $1; nothing when it was.
INSERT INTO youth_chat_news (youth_id, kind, ref, told_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (youth_id, kind, ref) DO NOTHING;

-- name: Told
-- Whether news $2/$3 was told young person $1.
SELECT COUNT(*) FROM youth_chat_news WHERE youth_id = $1 AND kind = $2 AND ref = $3;

-- name: Changed
-- The young people with a chat whose proposals, mentorships or sessions
-- changed at or after $1, or whose chat was linked then: the only ones
-- with news a pass after the first can find. Each part reads the changed
-- table first, from its index on the time (migration 0051), and finds the
-- chat by its key (CROSS JOIN keeps SQLite to that order), never a probe
-- for each of the chats. A young person may come more than once (UNION
-- ALL: merging the parts would have SQLite sort each of them, and read
-- the chats in their order rather than from the index); the caller sorts
-- and keeps each once.
SELECT c.youth_id FROM match_proposals p CROSS JOIN youth_chats c
WHERE c.youth_id = p.youth_id AND p.updated_at >= $1
UNION ALL
SELECT c.youth_id FROM mentorships m CROSS JOIN youth_chats c
WHERE c.youth_id = m.youth_id AND m.updated_at >= $1
UNION ALL
SELECT c.youth_id FROM mentorship_sessions s CROSS JOIN mentorships m CROSS JOIN youth_chats c
WHERE m.id = s.mentorship_id AND c.youth_id = m.youth_id AND s.created_at >= $1
UNION ALL
SELECT youth_id FROM youth_chats WHERE created_at >= $1;

-- name: Quiet
-- The young people with a chat whose active mentorship last met (or
-- began) on a day after $1 and on or before $2: those a reminder to meet
-- became due for when the day turned.
SELECT m.youth_id FROM mentorships m JOIN youth_chats c ON c.youth_id = m.youth_id
WHERE m.status = 'active' AND m.started_on <= $2
  AND NOT EXISTS (SELECT 1 FROM mentorship_sessions s WHERE s.mentorship_id = m.id AND s.held_on > $2)
  AND (m.started_on > $1 OR EXISTS (SELECT 1 FROM mentorship_sessions s WHERE s.mentorship_id = m.id AND s.held_on > $1));

-- name: Forget
-- Chat $1 no longer follows the young person it registered: it blocked
-- the bot.
DELETE FROM youth_chats WHERE chat_id = $1;
