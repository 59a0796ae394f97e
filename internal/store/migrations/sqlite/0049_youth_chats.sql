-- The Telegram chat a young person registered from, and what the bot has
-- told that chat of their mentoring.
--
-- A young person who registers through the bot is followed in the chat
-- they registered from, and in no other: the match, the mentor's contact
-- once the match is approved, reminders to meet and the questions after
-- each session go there. One chat per young person and one young person
-- per chat, so a chat never hears of someone else's mentoring.
--
-- youth_chat_news keeps each piece of news told, by its kind and the
-- record it is about (a proposal and its state, a session, a mentorship
-- and the day of its last meeting): the notifier writes the row in the
-- transaction that queues the message, so each is told exactly once.

CREATE TABLE youth_chats (
    youth_id   INTEGER PRIMARY KEY REFERENCES youth(id),
    chat_id    INTEGER NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE youth_chat_news (
    youth_id INTEGER NOT NULL REFERENCES youth(id),
    kind     TEXT NOT NULL,
    ref      TEXT NOT NULL,
    told_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (youth_id, kind, ref)
);
