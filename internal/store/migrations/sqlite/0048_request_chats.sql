-- The Telegram chat a request's applicant follows it in.
--
-- A family that applies through the bot shares its phone number with
-- Telegram's contact button and the request remembers the chat: every
-- message queued for the status page is queued for the chat too (channel
-- telegram, address the chat ID), and the bot's /status lists the chat's
-- requests. One chat per request (the latest the applicant used); a chat
-- may follow many requests (a family's children, several campaigns).
--
-- A table of its own rather than a column of requests: detaching a chat
-- (the parent asks to stop, or the chat blocked the bot) deletes its rows
-- and touches no request, so it neither bumps a request's version under
-- a reviewer's feet nor leaves the chat's ID behind; and the requests
-- table, the largest the installation keeps, carries no column that most
-- of its rows would leave empty. Distribution key: request_id, as the
-- request's other tables.

CREATE TABLE request_chats (
    request_id INTEGER PRIMARY KEY REFERENCES requests(id),
    chat_id    INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX request_chats_chat ON request_chats(chat_id, request_id);
