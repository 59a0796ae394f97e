-- People: the registry of children, young people and their families —
-- categories of need, households and their members, guardians outside the
-- household, category evidence and consents.
--
-- Scope is materialised on every scoped record as on organisations: org_path
-- ("/1/7/") of the owning organisation and region_path ("/KZ/KZ-75/") of the
-- most specific place, so a subtree is a range scan. Paths and the name key
-- compare in byte order (COLLATE "C"), as on SQLite, so a prefix is a range
-- whatever the database's collation. Dates of birth, of documents and of
-- guardianship are DATE columns.
-- Write indexes are kept few so that bulk imports (COPY) stay fast.

CREATE TABLE categories (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_kk TEXT NOT NULL DEFAULT '',
    name_ru TEXT NOT NULL DEFAULT '',
    name_fr TEXT NOT NULL DEFAULT '',
    name_fa TEXT NOT NULL DEFAULT '',
    active  BOOLEAN NOT NULL DEFAULT TRUE,
    builtin BOOLEAN NOT NULL DEFAULT FALSE,
    sort    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE households (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id          BIGINT REFERENCES organisations(id),
    org_path        TEXT COLLATE "C" NOT NULL DEFAULT '',
    region_id       BIGINT NOT NULL REFERENCES regions(id),
    region_path     TEXT COLLATE "C" NOT NULL,
    address         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    phone_digits    TEXT NOT NULL DEFAULT '',
    income_category TEXT NOT NULL DEFAULT '',
    low_income      BOOLEAN NOT NULL DEFAULT FALSE,
    incomplete      BOOLEAN NOT NULL DEFAULT FALSE,
    dysfunctional   BOOLEAN NOT NULL DEFAULT FALSE,
    notes           TEXT NOT NULL DEFAULT '',
    -- The family's reference in the file it was imported from.
    external_ref    TEXT NOT NULL DEFAULT '',
    created_by      BIGINT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
-- Unique per owning organisation; the reference leads so a search by
-- reference alone uses the index.
CREATE UNIQUE INDEX households_ref ON households(external_ref, COALESCE(org_id, 0)) WHERE external_ref <> '';
CREATE INDEX households_org ON households(org_path);
CREATE INDEX households_phone ON households(phone_digits) WHERE phone_digits <> '';

CREATE TABLE persons (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    last_name     TEXT NOT NULL DEFAULT '',
    first_name    TEXT NOT NULL DEFAULT '',
    patronymic    TEXT NOT NULL DEFAULT '',
    -- Latin phonetic key of the full name, for search in any script.
    name_key      TEXT COLLATE "C" NOT NULL DEFAULT '',
    birth_date    DATE,
    sex           TEXT NOT NULL DEFAULT 'unknown',
    id_kind       TEXT NOT NULL DEFAULT '',
    national_id   TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    -- The last ten digits of the phone, the national number in KZ and IR.
    phone_digits  TEXT NOT NULL DEFAULT '',
    region_id     BIGINT NOT NULL REFERENCES regions(id),
    region_path   TEXT COLLATE "C" NOT NULL,
    address       TEXT NOT NULL DEFAULT '',
    languages     TEXT NOT NULL DEFAULT '',
    org_id        BIGINT REFERENCES organisations(id),
    org_path      TEXT COLLATE "C" NOT NULL DEFAULT '',
    grade         INTEGER NOT NULL DEFAULT 0,
    status        TEXT NOT NULL DEFAULT '',
    disability    BOOLEAN NOT NULL DEFAULT FALSE,
    special_needs TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    photo         BYTEA,
    household_id  BIGINT REFERENCES households(id),
    merged_into   BIGINT REFERENCES persons(id),
    created_by    BIGINT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX persons_name ON persons(name_key, id);
CREATE UNIQUE INDEX persons_national_id ON persons(national_id, id_kind)
    WHERE national_id <> '' AND merged_into IS NULL;
CREATE INDEX persons_phone ON persons(phone_digits) WHERE phone_digits <> '';
CREATE INDEX persons_org ON persons(org_path);

-- A person with the code of their place and the name of their organisation,
-- the one definition of the row the people package reads. The photo itself
-- is left out: lists never carry it.
CREATE VIEW person_rows AS
SELECT p.id, p.last_name, p.first_name, p.patronymic, p.name_key, p.birth_date, p.sex,
       p.id_kind, p.national_id, p.phone, p.phone_digits, r.code AS region_code, p.region_path,
       p.address, p.languages, COALESCE(p.org_id, 0) AS org_id, COALESCE(o.name, '') AS org_name,
       p.org_path, p.grade, p.status, p.disability, p.special_needs, p.notes,
       (p.photo IS NOT NULL) AS has_photo, COALESCE(p.household_id, 0) AS household_id,
       p.merged_into, COALESCE(p.created_by, 0) AS created_by, p.created_at, p.updated_at
FROM persons p
JOIN regions r ON r.id = p.region_id
LEFT JOIN organisations o ON o.id = p.org_id;

-- One household per person; at most one head per household.
CREATE TABLE household_members (
    person_id    BIGINT PRIMARY KEY REFERENCES persons(id),
    household_id BIGINT NOT NULL REFERENCES households(id),
    relation     TEXT NOT NULL,
    is_head      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX household_members_household ON household_members(household_id);
CREATE UNIQUE INDEX household_members_head ON household_members(household_id) WHERE is_head;

-- A child's guardian outside the household: a person or an institution.
CREATE TABLE guardianships (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    child_id           BIGINT NOT NULL REFERENCES persons(id),
    guardian_person_id BIGINT REFERENCES persons(id),
    guardian_org_id    BIGINT REFERENCES organisations(id),
    relation           TEXT NOT NULL,
    since              DATE,
    created_by         BIGINT,
    created_at         TIMESTAMPTZ NOT NULL,
    CHECK ((guardian_person_id IS NULL) <> (guardian_org_id IS NULL))
);
CREATE INDEX guardianships_child ON guardianships(child_id);

CREATE TABLE person_categories (
    person_id   BIGINT NOT NULL REFERENCES persons(id),
    category_id BIGINT NOT NULL REFERENCES categories(id),
    doc_type    TEXT NOT NULL DEFAULT '',
    doc_number  TEXT NOT NULL DEFAULT '',
    issued_on   DATE,
    expires_on  DATE,
    verified_by BIGINT,
    verified_at TIMESTAMPTZ,
    assigned_by BIGINT,
    assigned_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, category_id)
);

-- Consents are never updated except to withdraw them: the active consent
-- for a purpose is the latest record, when it is not withdrawn.
CREATE TABLE consents (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id     BIGINT NOT NULL REFERENCES persons(id),
    purpose       TEXT NOT NULL,
    given_by_id   BIGINT REFERENCES persons(id),
    given_by_name TEXT NOT NULL DEFAULT '',
    child_assent  BOOLEAN NOT NULL DEFAULT FALSE,
    method        TEXT NOT NULL,
    recorded_by   BIGINT,
    recorded_at   TIMESTAMPTZ NOT NULL,
    withdrawn_at  TIMESTAMPTZ,
    withdrawn_by  BIGINT
);
CREATE INDEX consents_person ON consents(person_id, purpose, id);
