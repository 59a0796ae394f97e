-- Keys the installation draws once and keeps: the key of the one-time
-- codes of handovers (name 'handover_codes'), so a code sent before a
-- restart is still checked after it, and every process of the
-- installation checks the codes of the others. The first process to
-- start inserts a random key; the others find it (INSERT ... ON CONFLICT
-- DO NOTHING, then a read), so processes starting at once share one.
-- secret is the key in hex.

CREATE TABLE installation_keys (
    name       TEXT PRIMARY KEY,
    secret     TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
