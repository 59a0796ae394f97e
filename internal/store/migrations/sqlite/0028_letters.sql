-- Thank-you and recognition letters: the templates and letterhead of each
-- organisation, the runs that write a campaign's letters, and the letters.
--
-- A letter is written once per recipient, campaign and kind: the unique
-- index letters_once is the thanked-at mark, and the row is written in
-- the same transaction as the letter's document and PDF, so a run that is
-- interrupted and resumed never thanks anybody twice.

-- Every saved version of an organisation's template of one kind
-- (sponsor | volunteer) in one language; the highest version is in use,
-- and an organisation without one uses the built-in text.
CREATE TABLE letter_templates (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES organisations(id),
    kind       TEXT NOT NULL,
    locale     TEXT NOT NULL,
    version    INTEGER NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_by INTEGER,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX letter_templates_version ON letter_templates(org_id, kind, locale, version);

-- An organisation's letterhead and signatory.
CREATE TABLE letterheads (
    org_id             INTEGER PRIMARY KEY REFERENCES organisations(id),
    name               TEXT NOT NULL,
    -- Address lines, phone, e-mail: one a line.
    lines              TEXT NOT NULL DEFAULT '',
    signatory_name     TEXT NOT NULL DEFAULT '',
    signatory_position TEXT NOT NULL DEFAULT '',
    version            INTEGER NOT NULL DEFAULT 1,
    updated_by         INTEGER,
    updated_at         TIMESTAMP NOT NULL
);

-- One run of a campaign's letters of a kind: the job that writes them,
-- how many it found to write and wrote, and the combined file for
-- printing, assembled from the run's letters when it ends.
CREATE TABLE letter_runs (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisations(id),
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    kind        TEXT NOT NULL,
    -- queued | running | done | failed
    status      TEXT NOT NULL,
    job_id      INTEGER,
    total       INTEGER NOT NULL DEFAULT 0,
    written     INTEGER NOT NULL DEFAULT 0,
    combined    BLOB,
    error       TEXT NOT NULL DEFAULT '',
    created_by  INTEGER,
    created_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
);
CREATE INDEX letter_runs_campaign ON letter_runs(campaign_id, id);

-- A letter: to a sponsor (recipient_id a sponsor's donor id) or a
-- volunteer, in its language, with the document it was drawn from (JSON)
-- and the PDF. thanked_at is when it was written.
CREATE TABLE letters (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES letter_runs(id),
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
    kind         TEXT NOT NULL,
    recipient_id INTEGER NOT NULL,
    recipient    TEXT NOT NULL,
    locale       TEXT NOT NULL,
    document     TEXT NOT NULL,
    pdf          BLOB NOT NULL,
    thanked_at   TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX letters_once ON letters(kind, campaign_id, recipient_id);
CREATE INDEX letters_run ON letters(run_id, id);
