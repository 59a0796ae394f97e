-- The Telegram chat a request's applicant follows it in (chat.go).

-- name: InsertRequestChat
-- A new request remembers the chat it was applied for from.
INSERT INTO request_chats (request_id, chat_id, created_at) VALUES ($1, $2, $3);

-- name: AttachChat
-- Chat $2 follows request $1 from now on, in place of any other, when the
-- request's applicant's phone ends in the ten digits $4: the number the
-- chat shared through Telegram's contact button.
INSERT INTO request_chats (request_id, chat_id, created_at)
SELECT id, $2, $3 FROM requests WHERE id = $1 AND phone_digits = $4
ON CONFLICT (request_id) DO UPDATE SET chat_id = excluded.chat_id, created_at = excluded.created_at;

-- name: InsertChatOutbox
-- The status page's message of request $1, queued for its chat too when
-- it has one: the same key and arguments, the chat ID as the address.
INSERT INTO outbox (request_id, channel, address, locale, message_key, args, state, attempts, created_at)
SELECT request_id, 'telegram', CAST(chat_id AS TEXT), $2, $3, $4, 'pending', 0, $5
FROM request_chats WHERE request_id = $1;

-- name: ForgetChat
DELETE FROM request_chats WHERE chat_id = $1;

-- name: DropChatMessages
-- The pending messages of chat $1 are given up: it is forgotten.
UPDATE outbox SET state = 'failed', last_error = $2
WHERE channel = 'telegram' AND state = 'pending' AND address = $1;

-- name: ChatOfRequest
SELECT chat_id FROM request_chats WHERE request_id = $1;
