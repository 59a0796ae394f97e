-- Lists uploaded from the web for import into the registry. The file is
-- kept in 1 MiB chunks, so an import runs as a background job that
-- survives a restart and reads the file chunk by chunk; the header and the
-- first rows are kept beside it for the preview. Templates keep the
-- answers an operator gave for headers Jol does not know; runs are the dry
-- runs and imports of an upload, with their totals and rejected rows.
-- Chunks, previews and rejected rows hold children's data and are deleted
-- after 30 days; the upload and run rows stay as history.

CREATE TABLE import_uploads (
    id              INTEGER PRIMARY KEY,
    org_id          INTEGER NOT NULL REFERENCES organisations(id),
    org_path        TEXT NOT NULL,
    name            TEXT NOT NULL,
    size            INTEGER NOT NULL,
    preview         TEXT NOT NULL,
    purged          BOOLEAN NOT NULL DEFAULT FALSE,
    created_by      INTEGER,
    created_by_name TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX import_uploads_scope ON import_uploads(org_path, id);
CREATE INDEX import_uploads_created ON import_uploads(created_at);

CREATE TABLE import_chunks (
    upload_id INTEGER NOT NULL REFERENCES import_uploads(id),
    seq       INTEGER NOT NULL,
    data      BLOB NOT NULL,
    PRIMARY KEY (upload_id, seq)
);

CREATE TABLE import_templates (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES organisations(id),
    org_path   TEXT NOT NULL,
    name       TEXT NOT NULL,
    mapping    TEXT NOT NULL,
    updated_by INTEGER,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (org_id, name)
);
CREATE INDEX import_templates_scope ON import_templates(org_path, id);

CREATE TABLE import_runs (
    id              INTEGER PRIMARY KEY,
    upload_id       INTEGER NOT NULL REFERENCES import_uploads(id),
    org_id          INTEGER NOT NULL REFERENCES organisations(id),
    org_path        TEXT NOT NULL,
    dry_run         BOOLEAN NOT NULL,
    mapping         TEXT NOT NULL,
    job_id          INTEGER,
    status          TEXT NOT NULL,
    rows_read       INTEGER NOT NULL DEFAULT 0,
    bytes_read      INTEGER NOT NULL DEFAULT 0,
    n_created       INTEGER NOT NULL DEFAULT 0,
    n_updated       INTEGER NOT NULL DEFAULT 0,
    n_unchanged     INTEGER NOT NULL DEFAULT 0,
    n_rejected      INTEGER NOT NULL DEFAULT 0,
    n_reasons       INTEGER NOT NULL DEFAULT 0,
    error_key       TEXT NOT NULL DEFAULT '',
    error_args      TEXT NOT NULL DEFAULT '[]',
    created_by      INTEGER,
    created_by_name TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    started_at      TIMESTAMP,
    finished_at     TIMESTAMP
);
CREATE INDEX import_runs_upload ON import_runs(upload_id, id);

CREATE TABLE import_rejects (
    run_id      INTEGER NOT NULL REFERENCES import_runs(id),
    seq         INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    field       TEXT NOT NULL,
    value       TEXT NOT NULL,
    message_key TEXT NOT NULL,
    args        TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX import_rejects_line ON import_rejects(run_id, line, seq);
