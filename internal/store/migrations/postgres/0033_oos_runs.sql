-- The out-of-school run (internal/oosrun).
--
-- A population list (a civil register, a health or a social-assistance
-- list) and the enrolment lists of schools are imported through the
-- import engine and kept here, one list per import, so a run can choose
-- them. A population row is registered in the registry and keeps the
-- person it landed on; an enrolment row is kept as written. Both keep the
-- names, date and place as the list wrote them: the run links those.

CREATE TABLE oos_lists (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- population | enrolment
    kind          TEXT NOT NULL,
    -- The import that wrote the list; NULL for one from the command line.
    import_run_id BIGINT REFERENCES import_runs(id),
    org_id        BIGINT NOT NULL REFERENCES organisations(id),
    org_path      TEXT NOT NULL,
    region_path   TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT '',
    -- The latest school year (its first calendar year) the rows of an
    -- enrolment list name; 0 for a population list.
    school_year   INTEGER NOT NULL DEFAULT 0,
    row_count     INTEGER NOT NULL DEFAULT 0,
    created_by    BIGINT REFERENCES users(id),
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX oos_lists_import_run ON oos_lists(import_run_id);
CREATE INDEX oos_lists_kind ON oos_lists(kind, school_year, id);

CREATE TABLE oos_list_rows (
    list_id     BIGINT NOT NULL REFERENCES oos_lists(id),
    -- The row's line in its file.
    line        INTEGER NOT NULL,
    -- The person a population row landed on; NULL on enrolment rows.
    person_id   BIGINT REFERENCES persons(id),
    last_name   TEXT NOT NULL DEFAULT '',
    first_name  TEXT NOT NULL DEFAULT '',
    patronymic  TEXT NOT NULL DEFAULT '',
    birth_date  DATE,
    -- M | F | '' as on persons
    sex         TEXT NOT NULL DEFAULT '',
    national_id TEXT NOT NULL DEFAULT '',
    -- The most specific place the row names, as written, and the region
    -- it resolved to (the uploading organisation's when none).
    place       TEXT NOT NULL DEFAULT '',
    region_code TEXT NOT NULL DEFAULT '',
    region_path TEXT NOT NULL DEFAULT '',
    -- Enrolment rows: the school, the grade, the school year (its first
    -- calendar year) and attending | not_attending | left.
    school_id   BIGINT REFERENCES organisations(id),
    grade       INTEGER NOT NULL DEFAULT 0,
    school_year INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (list_id, line)
);

-- A run links a population list with the enrolment lists it chose and
-- flags the school-age children no list has as attending.
CREATE TABLE oos_runs (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    population_id BIGINT NOT NULL REFERENCES oos_lists(id),
    -- The school year run for (its first calendar year) and the
    -- enrolment lists, their ids comma-separated.
    school_year   INTEGER NOT NULL,
    enrolment_ids TEXT NOT NULL DEFAULT '',
    min_age       INTEGER NOT NULL,
    max_age       INTEGER NOT NULL,
    -- The language the why lines of the flagged children are written in.
    locale        TEXT NOT NULL DEFAULT '',
    -- queued | running | done | failed, as the run's job
    status        TEXT NOT NULL DEFAULT 'queued',
    job_id        BIGINT,
    org_path      TEXT NOT NULL,
    region_path   TEXT NOT NULL,
    -- The counts of a finished run (JSON) and why a failed one failed.
    result        TEXT NOT NULL DEFAULT '{}',
    error_key     TEXT NOT NULL DEFAULT '',
    created_by    BIGINT REFERENCES users(id),
    created_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ
);
CREATE INDEX oos_runs_created ON oos_runs(created_at, id);

-- The children a run flagged, with what it said of each.
CREATE TABLE oos_flags (
    run_id      BIGINT NOT NULL REFERENCES oos_runs(id),
    person_id   BIGINT NOT NULL REFERENCES persons(id),
    -- The population row the child was read from.
    line        INTEGER NOT NULL,
    -- never_enrolled | dropped_out; visible | semi_invisible | invisible
    category    TEXT NOT NULL,
    visibility  TEXT NOT NULL,
    confidence  DOUBLE PRECISION NOT NULL,
    why         TEXT NOT NULL DEFAULT '',
    region_code TEXT NOT NULL,
    region_path TEXT NOT NULL,
    org_path    TEXT NOT NULL,
    -- The catchment school; NULL when no enrolment list says.
    school_id   BIGINT REFERENCES organisations(id),
    -- created | updated | unchanged | skipped | refused, as the case went
    outcome     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (run_id, person_id)
);
CREATE INDEX oos_flags_place ON oos_flags(run_id, region_path, school_id, person_id);
