-- People: the registry of children, young people and their families —
-- categories of need, households and their members, guardians outside the
-- household, category evidence and consents.
--
-- Scope is materialised on every scoped record as on organisations: org_path
-- ("/1/7/") of the owning organisation and region_path ("/KZ/KZ-75/") of the
-- most specific place, so a subtree is a range scan. Dates of birth, of
-- documents and of guardianship are DATE columns holding UTC midnight.
-- Write indexes are kept few so that bulk imports stay fast.

CREATE TABLE categories (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_kk TEXT NOT NULL DEFAULT '',
    name_ru TEXT NOT NULL DEFAULT '',
    name_fr TEXT NOT NULL DEFAULT '',
    name_fa TEXT NOT NULL DEFAULT '',
    active  BOOLEAN NOT NULL DEFAULT 1,
    builtin BOOLEAN NOT NULL DEFAULT 0,
    sort    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE households (
    id              INTEGER PRIMARY KEY,
    org_id          INTEGER REFERENCES organisations(id),
    org_path        TEXT NOT NULL DEFAULT '',
    region_id       INTEGER NOT NULL REFERENCES regions(id),
    region_path     TEXT NOT NULL,
    address         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    phone_digits    TEXT NOT NULL DEFAULT '',
    income_category TEXT NOT NULL DEFAULT '',
    low_income      BOOLEAN NOT NULL DEFAULT 0,
    incomplete      BOOLEAN NOT NULL DEFAULT 0,
    dysfunctional   BOOLEAN NOT NULL DEFAULT 0,
    notes           TEXT NOT NULL DEFAULT '',
    -- The family's reference in the file it was imported from.
    external_ref    TEXT NOT NULL DEFAULT '',
    created_by      INTEGER,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
-- Unique per owning organisation; the reference leads so a search by
-- reference alone uses the index.
CREATE UNIQUE INDEX households_ref ON households(external_ref, COALESCE(org_id, 0)) WHERE external_ref <> '';
CREATE INDEX households_org ON households(org_path);
CREATE INDEX households_phone ON households(phone_digits) WHERE phone_digits <> '';

CREATE TABLE persons (
    id            INTEGER PRIMARY KEY,
    last_name     TEXT NOT NULL DEFAULT '',
    first_name    TEXT NOT NULL DEFAULT '',
    patronymic    TEXT NOT NULL DEFAULT '',
    -- Latin phonetic key of the full name, for search in any script.
    name_key      TEXT NOT NULL DEFAULT '',
    birth_date    DATE,
    sex           TEXT NOT NULL DEFAULT 'unknown',
    id_kind       TEXT NOT NULL DEFAULT '',
    national_id   TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    -- The last ten digits of the phone, the national number in KZ and IR.
    phone_digits  TEXT NOT NULL DEFAULT '',
    region_id     INTEGER NOT NULL REFERENCES regions(id),
    region_path   TEXT NOT NULL,
    address       TEXT NOT NULL DEFAULT '',
    languages     TEXT NOT NULL DEFAULT '',
    org_id        INTEGER REFERENCES organisations(id),
    org_path      TEXT NOT NULL DEFAULT '',
    grade         INTEGER NOT NULL DEFAULT 0,
    status        TEXT NOT NULL DEFAULT '',
    disability    BOOLEAN NOT NULL DEFAULT 0,
    special_needs TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    photo         BLOB,
    household_id  INTEGER REFERENCES households(id),
    merged_into   INTEGER REFERENCES persons(id),
    created_by    INTEGER,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
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
    person_id    INTEGER PRIMARY KEY REFERENCES persons(id),
    household_id INTEGER NOT NULL REFERENCES households(id),
    relation     TEXT NOT NULL,
    is_head      BOOLEAN NOT NULL DEFAULT 0
);
CREATE INDEX household_members_household ON household_members(household_id);
CREATE UNIQUE INDEX household_members_head ON household_members(household_id) WHERE is_head;

-- A child's guardian outside the household: a person or an institution.
CREATE TABLE guardianships (
    id                 INTEGER PRIMARY KEY,
    child_id           INTEGER NOT NULL REFERENCES persons(id),
    guardian_person_id INTEGER REFERENCES persons(id),
    guardian_org_id    INTEGER REFERENCES organisations(id),
    relation           TEXT NOT NULL,
    since              DATE,
    created_by         INTEGER,
    created_at         TIMESTAMP NOT NULL,
    CHECK ((guardian_person_id IS NULL) <> (guardian_org_id IS NULL))
);
CREATE INDEX guardianships_child ON guardianships(child_id);

CREATE TABLE person_categories (
    person_id   INTEGER NOT NULL REFERENCES persons(id),
    category_id INTEGER NOT NULL REFERENCES categories(id),
    doc_type    TEXT NOT NULL DEFAULT '',
    doc_number  TEXT NOT NULL DEFAULT '',
    issued_on   DATE,
    expires_on  DATE,
    verified_by INTEGER,
    verified_at TIMESTAMP,
    assigned_by INTEGER,
    assigned_at TIMESTAMP NOT NULL,
    PRIMARY KEY (person_id, category_id)
);

-- Consents are never updated except to withdraw them: the active consent
-- for a purpose is the latest record, when it is not withdrawn.
CREATE TABLE consents (
    id            INTEGER PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES persons(id),
    purpose       TEXT NOT NULL,
    given_by_id   INTEGER REFERENCES persons(id),
    given_by_name TEXT NOT NULL DEFAULT '',
    child_assent  BOOLEAN NOT NULL DEFAULT 0,
    method        TEXT NOT NULL,
    recorded_by   INTEGER,
    recorded_at   TIMESTAMP NOT NULL,
    withdrawn_at  TIMESTAMP,
    withdrawn_by  INTEGER
);
CREATE INDEX consents_person ON consents(person_id, purpose, id);
