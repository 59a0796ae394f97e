-- The Telegram bot's conversations (issue 14): where each chat stands,
-- the deep links printed on posters, and the one-time codes that link a
-- chat to a staff member's Jol account.
--
-- bot_conversations is one row per private chat: the language the chat
-- chose ('' until it chooses: Telegram's language, else the
-- installation's, is used), the Jol user it is linked to (one chat per
-- user: the unique index; NULLs do not collide on either engine), the
-- flow and step it is in, version (raised each time a step asks its
-- question: a button carries it, so a button of an older question is
-- refused), the flow's answers so far (data, a JSON object) and the deep
-- link it was started from.
--
-- bot_start_links are the opaque keys of deep links
-- (t.me/<bot>?start=<key>): each points at a campaign, a region, a
-- distribution event or a youth organisation (kind, target_id); org_path
-- and region_path are the target's scope, copied so a coordinator's list
-- is a range scan. A disabled link stays, so a printed poster says
-- "no longer active" rather than "unknown".
--
-- bot_link_codes holds at most one live code per user: selector (the
-- code's first part, which finds the row) in clear, the rest only as its
-- keyed hash (HMAC-SHA-256, internal/bot/conv/code.go); attempts counts
-- the tries, and at 5 the code is void.

CREATE TABLE bot_start_links (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key         TEXT NOT NULL,
    -- campaign | region | event | organisation
    kind        TEXT NOT NULL,
    target_id   BIGINT NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    org_path    TEXT NOT NULL,
    region_path TEXT NOT NULL,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_by  BIGINT REFERENCES users(id),
    created_at  TIMESTAMPTZ NOT NULL,
    disabled_by BIGINT REFERENCES users(id),
    disabled_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX bot_start_links_key ON bot_start_links(key);
CREATE INDEX bot_start_links_scope ON bot_start_links(org_path, region_path, id);

CREATE TABLE bot_conversations (
    chat_id    BIGINT PRIMARY KEY,
    locale     TEXT NOT NULL DEFAULT '',
    user_id    BIGINT REFERENCES users(id),
    linked_at  TIMESTAMPTZ,
    flow       TEXT NOT NULL DEFAULT '',
    step       TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 0,
    data       TEXT NOT NULL DEFAULT '{}',
    link_id    BIGINT REFERENCES bot_start_links(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX bot_conversations_user ON bot_conversations(user_id);

CREATE TABLE bot_link_codes (
    user_id    BIGINT PRIMARY KEY REFERENCES users(id),
    selector   TEXT NOT NULL,
    hash       TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX bot_link_codes_selector ON bot_link_codes(selector);
