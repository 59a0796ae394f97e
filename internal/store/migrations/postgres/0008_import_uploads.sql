-- Lists uploaded from the web for import into the registry. The file is
-- kept in 1 MiB chunks, so an import runs as a background job that
-- survives a restart and reads the file chunk by chunk; the header and the
-- first rows are kept beside it for the preview. Templates keep the
-- answers an operator gave for headers Jol does not know; runs are the dry
-- runs and imports of an upload, with their totals and rejected rows.
-- Chunks, previews and rejected rows hold children's data and are deleted
-- after 30 days; the upload and run rows stay as history.

CREATE TABLE import_uploads (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id          BIGINT NOT NULL REFERENCES organisations(id),
    org_path        TEXT NOT NULL,
    name            TEXT NOT NULL,
    size            BIGINT NOT NULL,
    preview         TEXT NOT NULL,
    purged          BOOLEAN NOT NULL DEFAULT FALSE,
    created_by      BIGINT,
    created_by_name TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX import_uploads_scope ON import_uploads(org_path, id);
CREATE INDEX import_uploads_created ON import_uploads(created_at);

CREATE TABLE import_chunks (
    upload_id BIGINT NOT NULL REFERENCES import_uploads(id),
    seq       INTEGER NOT NULL,
    data      BYTEA NOT NULL,
    PRIMARY KEY (upload_id, seq)
);

CREATE TABLE import_templates (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id     BIGINT NOT NULL REFERENCES organisations(id),
    org_path   TEXT NOT NULL,
    name       TEXT NOT NULL,
    mapping    TEXT NOT NULL,
    updated_by BIGINT,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (org_id, name)
);
CREATE INDEX import_templates_scope ON import_templates(org_path, id);

CREATE TABLE import_runs (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    upload_id       BIGINT NOT NULL REFERENCES import_uploads(id),
    org_id          BIGINT NOT NULL REFERENCES organisations(id),
    org_path        TEXT NOT NULL,
    dry_run         BOOLEAN NOT NULL,
    mapping         TEXT NOT NULL,
    job_id          BIGINT,
    status          TEXT NOT NULL,
    rows_read       INTEGER NOT NULL DEFAULT 0,
    bytes_read      BIGINT NOT NULL DEFAULT 0,
    n_created       INTEGER NOT NULL DEFAULT 0,
    n_updated       INTEGER NOT NULL DEFAULT 0,
    n_unchanged     INTEGER NOT NULL DEFAULT 0,
    n_rejected      INTEGER NOT NULL DEFAULT 0,
    n_reasons       INTEGER NOT NULL DEFAULT 0,
    error_key       TEXT NOT NULL DEFAULT '',
    error_args      TEXT NOT NULL DEFAULT '[]',
    created_by      BIGINT,
    created_by_name TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX import_runs_upload ON import_runs(upload_id, id);

CREATE TABLE import_rejects (
    run_id      BIGINT NOT NULL REFERENCES import_runs(id),
    seq         INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    field       TEXT NOT NULL,
    value       TEXT NOT NULL,
    message_key TEXT NOT NULL,
    args        TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX import_rejects_line ON import_rejects(run_id, line, seq);
