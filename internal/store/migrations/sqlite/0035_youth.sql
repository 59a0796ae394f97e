-- Young people registered for mentoring (issue 13): who they are, where
-- they live, what they want, how to reach them, and the branch of the
-- youth organisation they were routed to.
--
-- A young person is scoped like a child's record: org_path is the branch
-- that follows them, region_path the place they live (a settlement,
-- district or region of internal/geo), both copied so a coordinator's
-- list is a range scan. identity is a SHA-256 of the folded name, the
-- birth date and the first contact given: the unique index makes a
-- repeated registration of one person return the first record, however
-- many arrive at once. age_group is taken on the registration date.
-- The guardian_* columns hold a minor's guardian's consent, empty until
-- it is recorded. Dates are DATE columns holding UTC midnight.

CREATE TABLE youth (
    id             INTEGER PRIMARY KEY,
    identity       TEXT NOT NULL,
    last_name      TEXT NOT NULL,
    first_name     TEXT NOT NULL,
    patronymic     TEXT NOT NULL DEFAULT '',
    birth_date     DATE NOT NULL,
    -- 14-17 | 18-24 | 25-29, on registered_on
    age_group      TEXT NOT NULL,
    region_id      INTEGER NOT NULL REFERENCES regions(id),
    region_path    TEXT NOT NULL,
    -- rural | urban
    settlement     TEXT NOT NULL,
    -- neet | in_education | employed
    status         TEXT NOT NULL,
    field          TEXT NOT NULL,
    goals          TEXT NOT NULL DEFAULT '',
    language       TEXT NOT NULL,
    phone          TEXT NOT NULL DEFAULT '',
    telegram       TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    -- web | telegram | import
    channel        TEXT NOT NULL,
    shortlist_consent BOOLEAN NOT NULL DEFAULT 0,
    org_id         INTEGER NOT NULL REFERENCES organisations(id),
    org_path       TEXT NOT NULL,
    -- Whether no branch covers the place and the head office took them.
    head_office    BOOLEAN NOT NULL DEFAULT 0,
    guardian_name     TEXT NOT NULL DEFAULT '',
    guardian_relation TEXT NOT NULL DEFAULT '',
    guardian_contact  TEXT NOT NULL DEFAULT '',
    guardian_consent_on DATE,
    guardian_recorded_by INTEGER REFERENCES users(id),
    guardian_recorder TEXT NOT NULL DEFAULT '',
    registered_on  DATE NOT NULL,
    created_by     INTEGER REFERENCES users(id),
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX youth_identity ON youth(identity);
CREATE INDEX youth_org ON youth(org_path, id);
CREATE INDEX youth_region ON youth(region_path, org_path);
