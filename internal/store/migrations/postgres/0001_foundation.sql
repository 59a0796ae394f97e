-- Foundation: installation settings, places, organisations, accounts,
-- sessions, API tokens, login throttling, audit and access logs, jobs.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE regions (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    parent_id BIGINT REFERENCES regions(id),
    country  TEXT NOT NULL,
    type     TEXT NOT NULL,
    -- Materialised path of codes, "/KZ-75/KZ-75-01/": a region subtree is a prefix match.
    path     TEXT NOT NULL UNIQUE,
    name_en  TEXT NOT NULL,
    name_kk  TEXT NOT NULL DEFAULT '',
    name_ru  TEXT NOT NULL DEFAULT '',
    name_fr  TEXT NOT NULL DEFAULT '',
    name_fa  TEXT NOT NULL DEFAULT '',
    builtin  BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX regions_parent ON regions(parent_id);

CREATE TABLE organisations (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    parent_id  BIGINT REFERENCES organisations(id),
    region_id  BIGINT REFERENCES regions(id),
    -- Materialised path of ids, "/1/7/": an organisation subtree is a prefix match.
    path       TEXT NOT NULL DEFAULT '',
    locale     TEXT NOT NULL DEFAULT '',
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX organisations_parent ON organisations(parent_id);
CREATE INDEX organisations_path ON organisations(path);

CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    org_id        BIGINT REFERENCES organisations(id),
    region_id     BIGINT REFERENCES regions(id),
    locale        TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '',
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    last_login_at TIMESTAMPTZ
);

CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BYTEA NOT NULL,
    expiry TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expiry);

CREATE TABLE api_tokens (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users(id),
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE login_throttle (
    key          TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ
);

CREATE TABLE audit_log (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL,
    actor_id  BIGINT,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    -- Scope of the record changed, so scoped auditors see only their subtree.
    org_path  TEXT NOT NULL DEFAULT '',
    before    TEXT,
    after     TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_actor ON audit_log(actor_id, at);

CREATE TABLE access_log (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    user_id      BIGINT NOT NULL,
    user_name    TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    org_path     TEXT NOT NULL DEFAULT '',
    via          TEXT NOT NULL
);
CREATE INDEX access_log_subject ON access_log(subject_kind, subject_id);
CREATE INDEX access_log_user ON access_log(user_id, at);

CREATE TABLE jobs (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL DEFAULT '{}',
    status      TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 3,
    run_at      TIMESTAMPTZ NOT NULL,
    started_at  TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    progress    BIGINT NOT NULL DEFAULT 0,
    total       BIGINT NOT NULL DEFAULT 0,
    result      TEXT NOT NULL DEFAULT '',
    error       TEXT NOT NULL DEFAULT '',
    created_by  BIGINT,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX jobs_ready ON jobs(status, run_at);
