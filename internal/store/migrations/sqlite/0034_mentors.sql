-- Mentoring (issue 13): the mentors of the youth programme and the
-- mentors' school.
--
-- mentor_fields is the configurable list of fields of expertise, with a
-- name in each of the five languages; a mentor's fields are codes of it.
-- A mentor belongs to an organisation (the branch they applied to or the
-- list was imported by) and a region within it; both paths are copied on
-- the row, so a coordinator's scope is two prefix ranges. contact_key is
-- the email folded to lower case or else the phone's digits: one mentor
-- per contact and organisation, which keeps a re-run of a list from
-- making duplicates. `mentees` is the places in use, raised by a
-- conditional update (mentees < capacity). Dates are DATE columns holding
-- UTC midnight.

CREATE TABLE mentor_fields (
    code     TEXT PRIMARY KEY,
    name_en  TEXT NOT NULL,
    name_kk  TEXT NOT NULL,
    name_ru  TEXT NOT NULL,
    name_fr  TEXT NOT NULL,
    name_fa  TEXT NOT NULL,
    active   BOOLEAN NOT NULL DEFAULT 1,
    position INTEGER NOT NULL DEFAULT 0
);

INSERT INTO mentor_fields (code, name_en, name_kk, name_ru, name_fr, name_fa, position) VALUES
    ('education', 'Education', 'Білім', 'Образование', 'Éducation', 'آموزش', 1),
    ('career', 'Career and employment', 'Мансап және жұмыс', 'Карьера и трудоустройство', 'Carrière et emploi', 'شغل و اشتغال', 2),
    ('business', 'Business', 'Кәсіпкерлік', 'Предпринимательство', 'Entreprise', 'کسب‌وکار', 3),
    ('public_service', 'Public service and politics', 'Мемлекеттік қызмет және саясат', 'Госслужба и политика', 'Service public et politique', 'خدمات عمومی و سیاست', 4),
    ('media', 'Media', 'Медиа', 'Медиа', 'Médias', 'رسانه', 5),
    ('culture', 'Culture and arts', 'Мәдениет және өнер', 'Культура и искусство', 'Culture et arts', 'فرهنگ و هنر', 6),
    ('sport', 'Sport', 'Спорт', 'Спорт', 'Sport', 'ورزش', 7),
    ('it', 'Information technology', 'Ақпараттық технологиялар', 'Информационные технологии', 'Informatique', 'فناوری اطلاعات', 8);

CREATE TABLE mentors (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    phone            TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    contact_key      TEXT NOT NULL,
    background       TEXT NOT NULL,
    org_id           INTEGER NOT NULL REFERENCES organisations(id),
    org_path         TEXT NOT NULL,
    region_id        INTEGER NOT NULL REFERENCES regions(id),
    region_path      TEXT NOT NULL,
    in_person        BOOLEAN NOT NULL,
    online           BOOLEAN NOT NULL,
    capacity         INTEGER NOT NULL,
    mentees          INTEGER NOT NULL DEFAULT 0,
    minors           BOOLEAN NOT NULL,
    vetting_document TEXT NOT NULL DEFAULT '',
    vetted_on        DATE,
    vetting_expires  DATE,
    vetted_by        TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL,
    reason           TEXT NOT NULL DEFAULT '',
    decided_by       INTEGER,
    decided_at       TIMESTAMP,
    user_id          INTEGER REFERENCES users(id),
    source           TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    created_by       INTEGER,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX mentors_contact ON mentors(org_id, contact_key);
CREATE UNIQUE INDEX mentors_user ON mentors(user_id) WHERE user_id IS NOT NULL;
CREATE INDEX mentors_org ON mentors(org_path, id);
CREATE INDEX mentors_region ON mentors(region_path, id);

-- A mentor's fields of expertise and languages, one a row.
CREATE TABLE mentor_expertise (
    mentor_id INTEGER NOT NULL REFERENCES mentors(id),
    field     TEXT NOT NULL REFERENCES mentor_fields(code),
    PRIMARY KEY (mentor_id, field)
);
CREATE INDEX mentor_expertise_field ON mentor_expertise(field, mentor_id);

CREATE TABLE mentor_languages (
    mentor_id INTEGER NOT NULL REFERENCES mentors(id),
    lang      TEXT NOT NULL,
    PRIMARY KEY (mentor_id, lang)
);

-- The mentors' school: its modules (installation-wide; a required one
-- must be attended to finish), cohorts of an organisation, sessions of a
-- module in a cohort, attendance, and each member's final check.
CREATE TABLE mentor_modules (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,
    required BOOLEAN NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX mentor_modules_code ON mentor_modules(code);

CREATE TABLE mentor_cohorts (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    org_id      INTEGER NOT NULL REFERENCES organisations(id),
    org_path    TEXT NOT NULL,
    region_path TEXT NOT NULL,
    starts_on   DATE NOT NULL,
    ends_on     DATE NOT NULL,
    created_by  INTEGER,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX mentor_cohorts_org ON mentor_cohorts(org_path, id);

CREATE TABLE mentor_cohort_members (
    cohort_id   INTEGER NOT NULL REFERENCES mentor_cohorts(id),
    mentor_id   INTEGER NOT NULL REFERENCES mentors(id),
    final       TEXT NOT NULL DEFAULT '',
    score       INTEGER,
    checked_on  DATE,
    checked_by  INTEGER,
    PRIMARY KEY (cohort_id, mentor_id)
);
CREATE INDEX mentor_cohort_members_mentor ON mentor_cohort_members(mentor_id, cohort_id);

CREATE TABLE mentor_sessions (
    id        INTEGER PRIMARY KEY,
    cohort_id INTEGER NOT NULL REFERENCES mentor_cohorts(id),
    module_id INTEGER NOT NULL REFERENCES mentor_modules(id),
    held_on   DATE NOT NULL,
    trainer   TEXT NOT NULL
);
CREATE INDEX mentor_sessions_cohort ON mentor_sessions(cohort_id, held_on, id);

CREATE TABLE mentor_attendance (
    session_id INTEGER NOT NULL REFERENCES mentor_sessions(id),
    mentor_id  INTEGER NOT NULL REFERENCES mentors(id),
    present    BOOLEAN NOT NULL,
    PRIMARY KEY (session_id, mentor_id)
);
CREATE INDEX mentor_attendance_mentor ON mentor_attendance(mentor_id, session_id);
