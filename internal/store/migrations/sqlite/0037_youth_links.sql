-- Young people's secret links (issue 13): the link that opens a young
-- person's own page, where they read their registration and rank mentors
-- from their shortlist. A young person has no account, so the link is
-- their key: a random token handed to them once, stored only as its
-- SHA-256 (token_hash), so a copy of the database opens no one's page.
-- One link per young person: issuing a new one (a coordinator's
-- re-issue) replaces the row and the old link stops working.
-- issued_by is the user who re-issued it, empty for the registration.

CREATE TABLE youth_links (
    youth_id   INTEGER PRIMARY KEY REFERENCES youth(id),
    token_hash TEXT NOT NULL,
    issued_at  TIMESTAMP NOT NULL,
    issued_by  INTEGER REFERENCES users(id)
);
CREATE UNIQUE INDEX youth_links_token ON youth_links(token_hash);
