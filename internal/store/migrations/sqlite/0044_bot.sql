-- The Telegram bot's plumbing (issue 14): the durable inbox of updates,
-- the outbox of messages and each chat's delivery status. Conversations
-- keep their own state elsewhere; these tables know nothing of them.
--
-- bot_updates holds every update as it arrived, stored before Telegram
-- is told it was received (webhook 200, or the next getUpdates offset),
-- and processed once: update_id is Telegram's own, so a duplicate is
-- ignored. payload is the decoded update (internal/bot.Update as JSON);
-- state runs pending -> done, or failed after the handler failed every
-- attempt (error keeps why).
--
-- bot_outbox holds every message the bot sends, in id order per chat;
-- state runs pending -> sent or failed. Rows are kept after sending: the
-- chat simulator and the operations page read them. not_before delays a
-- retry (after a 429's retry_after or a transient error).
--
-- bot_chats is a chat's delivery status: stopped when the user blocked
-- the bot (a 403, or my_chat_member kicked), active again when they come
-- back. failures counts delivery failures since the last success.

CREATE TABLE bot_updates (
    update_id    INTEGER PRIMARY KEY,
    chat_id      INTEGER NOT NULL,
    payload      TEXT NOT NULL,
    received_at  TIMESTAMP NOT NULL,
    state        TEXT NOT NULL DEFAULT 'pending',
    attempts     INTEGER NOT NULL DEFAULT 0,
    error        TEXT NOT NULL DEFAULT '',
    processed_at TIMESTAMP
);
CREATE INDEX bot_updates_pending ON bot_updates (state, update_id);

CREATE TABLE bot_outbox (
    id          INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    payload     TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending',
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  TIMESTAMP NOT NULL,
    last_error  TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    sent_at     TIMESTAMP
);
CREATE INDEX bot_outbox_state ON bot_outbox (state, id);
CREATE INDEX bot_outbox_chat ON bot_outbox (chat_id, state, id);

CREATE TABLE bot_chats (
    chat_id        INTEGER PRIMARY KEY,
    status         TEXT NOT NULL DEFAULT 'active',
    stopped_at     TIMESTAMP,
    last_update_at TIMESTAMP,
    failures       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX bot_chats_status ON bot_chats (status);
