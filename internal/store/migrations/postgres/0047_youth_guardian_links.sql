-- Guardian links (issue 14): the secret link a minor's guardian opens to
-- consent to mentoring, or to decline it, without an account. The token
-- is handed out once (to the young person, the bot or a coordinator, who
-- pass it on) and stored only as its SHA-256 (token_hash). One link per
-- young person: issuing again replaces the row, and the old link stops
-- working. A link opens until expires_at and answers once: answer is ''
-- until the guardian answers, then 'consent' or 'decline', answered_at
-- is when. issued_by is the coordinator who issued it, empty when the
-- young person asked for it (their own page, the bot).

CREATE TABLE youth_guardian_links (
    youth_id    BIGINT PRIMARY KEY REFERENCES youth(id),
    token_hash  TEXT NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    issued_by   BIGINT REFERENCES users(id),
    expires_at  TIMESTAMPTZ NOT NULL,
    answer      TEXT NOT NULL DEFAULT '' CHECK (answer IN ('', 'consent', 'decline')),
    answered_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX youth_guardian_links_token ON youth_guardian_links(token_hash);
