-- The bot's inbox, outbox and chats (migration 0044). Times compared in
-- SQL (not_before) are written as sortable values (see stamp in bot.go).

-- name: InsertUpdate
-- A duplicate update_id (Telegram sent it again) is ignored.
INSERT INTO bot_updates (update_id, chat_id, payload, received_at)
VALUES ($1, $2, $3, $4)
ON CONFLICT (update_id) DO NOTHING;

-- name: PendingUpdates
-- The oldest pending updates, in Telegram's order.
SELECT update_id, payload, attempts FROM bot_updates
WHERE state = 'pending'
ORDER BY update_id
LIMIT $1;

-- name: FinishUpdate
-- Only a pending update is finished, so a second dispatcher that picked
-- the same update changes nothing (the caller checks the row count).
UPDATE bot_updates SET state = $2, attempts = attempts + 1, error = $3, processed_at = $4
WHERE update_id = $1 AND state = 'pending';

-- name: FailedAttempt
UPDATE bot_updates SET attempts = attempts + 1, error = $2 WHERE update_id = $1 AND state = 'pending';

-- name: TouchChat
-- An update from a chat: the user is there, so a stopped chat (blocked
-- before) is active again unless the update says it is blocked ($3).
INSERT INTO bot_chats (chat_id, status, stopped_at, last_update_at)
VALUES ($1, $3, $4, $2)
ON CONFLICT (chat_id) DO UPDATE SET last_update_at = excluded.last_update_at,
    status = excluded.status, stopped_at = excluded.stopped_at,
    failures = CASE WHEN excluded.status = 'active' THEN 0 ELSE bot_chats.failures END;

-- name: StopChat
INSERT INTO bot_chats (chat_id, status, stopped_at) VALUES ($1, 'stopped', $2)
ON CONFLICT (chat_id) DO UPDATE SET status = 'stopped', stopped_at = excluded.stopped_at;

-- name: FailChatPending
-- A stopped chat's pending messages will never be delivered; their
-- payloads come back to seal the secret ones.
UPDATE bot_outbox SET state = 'failed', last_error = $2
WHERE chat_id = $1 AND state = 'pending'
RETURNING id, payload;

-- name: FailStoppedPending
-- Messages queued for chats stopped before they were queued.
UPDATE bot_outbox SET state = 'failed', last_error = 'chat stopped'
WHERE state = 'pending' AND chat_id IN (SELECT chat_id FROM bot_chats WHERE status = 'stopped')
RETURNING id, payload;

-- name: InsertMessage
INSERT INTO bot_outbox (chat_id, payload, state, not_before, created_at, sent_at)
VALUES ($1, $2, $3, $4, $4, $5);

-- name: DueMessages
-- The first pending message of each active chat, if it is due by $1, in
-- id order: a chat's next message waits until the one before it is
-- sent or given up, even when that one waits for a retry. Chats stopped
-- are left out (FailStoppedPending fails their messages).
SELECT o.id, o.chat_id, o.payload, o.attempts FROM bot_outbox o
LEFT JOIN bot_chats c ON c.chat_id = o.chat_id
WHERE o.state = 'pending' AND o.not_before <= $1 AND (c.status IS NULL OR c.status = 'active')
  AND o.id = (SELECT min(h.id) FROM bot_outbox h WHERE h.chat_id = o.chat_id AND h.state = 'pending')
ORDER BY o.id
LIMIT $2;

-- name: MarkSent
UPDATE bot_outbox SET state = 'sent', attempts = attempts + 1, sent_at = $2, last_error = ''
WHERE id = $1 AND state = 'pending';

-- name: ResetFailures
UPDATE bot_chats SET failures = 0 WHERE chat_id = $1 AND failures <> 0;

-- name: RetryMessage
UPDATE bot_outbox SET attempts = attempts + 1, not_before = $2, last_error = $3
WHERE id = $1 AND state = 'pending';

-- name: FailMessage
UPDATE bot_outbox SET state = 'failed', attempts = attempts + 1, last_error = $2
WHERE id = $1 AND state = 'pending';

-- name: CountFailure
INSERT INTO bot_chats (chat_id, failures) VALUES ($1, 1)
ON CONFLICT (chat_id) DO UPDATE SET failures = bot_chats.failures + 1;

-- name: UpdateCounts
SELECT state, count(*) FROM bot_updates GROUP BY state;

-- name: OutboxCounts
SELECT state, count(*) FROM bot_outbox GROUP BY state;

-- name: ChatCounts
SELECT status, count(*) FROM bot_chats GROUP BY status;

-- name: LastUpdate
SELECT received_at FROM bot_updates ORDER BY update_id DESC LIMIT 1;

-- name: RecentFailures
-- The last delivery failures, newest first, for the operations page.
SELECT id, chat_id, last_error, created_at FROM bot_outbox
WHERE state = 'failed'
ORDER BY id DESC
LIMIT $1;

-- name: ChatMessages
-- A chat's messages in order, for the simulator and tests.
SELECT id, payload, state, attempts, last_error FROM bot_outbox
WHERE chat_id = $1 AND id > $2
ORDER BY id;

-- name: StoppedChats
-- Chats that blocked the bot, newest chat id first, a page at a time, for
-- the operations page: ids and dates only.
SELECT chat_id, stopped_at, last_update_at, failures FROM bot_chats
WHERE status = 'stopped' AND chat_id < $1
ORDER BY chat_id DESC
LIMIT $2 OFFSET $3;

-- name: LastSimulatedID
-- The latest update id the simulator gave, below Telegram's ids ($1 is
-- the range's floor, the answer when there is none).
SELECT COALESCE(max(update_id), $1) FROM bot_updates WHERE update_id < 0;

-- name: UpdateState
SELECT state FROM bot_updates WHERE update_id = $1;

-- name: ChatUpdates
-- A chat's latest updates, newest first, for the simulator's transcript,
-- with when each was processed (NULL while pending).
SELECT update_id, payload, state, processed_at FROM bot_updates
WHERE chat_id = $1
ORDER BY update_id DESC
LIMIT $2;

-- name: ChatOutboxTimes
-- When each of a chat's latest messages was queued, newest first.
SELECT id, payload, state, attempts, last_error, created_at FROM bot_outbox
WHERE chat_id = $1
ORDER BY id DESC
LIMIT $2;

-- name: SealMessage
-- A sent or given-up message's payload with its secret text replaced
-- (Message.Sealed).
UPDATE bot_outbox SET payload = $2 WHERE id = $1;

-- name: ForgetUpdates
-- Start over: a simulated chat's processed updates go; one still pending
-- stays, for the dispatcher is working on it.
DELETE FROM bot_updates WHERE chat_id = $1 AND state <> 'pending';

-- name: ForgetMessages
DELETE FROM bot_outbox WHERE chat_id = $1;

-- name: ForgetChat
DELETE FROM bot_chats WHERE chat_id = $1;
