-- Strands of the youth programme (issue 13): the activities of the young
-- leaders' school and the creative programmes, the young people enrolled
-- on them, their sessions and attendance; and the outcome recorded for
-- each young person at the end of the programme, with its history.
--
-- An activity belongs to an organisation (org_path) in a region
-- (region_path), both copied so a coordinator's list is a range scan.
-- strand is leaders or creative (the mentors' school is the third strand,
-- counted from mentorships). enrolled counts the enrolments, so taking a
-- place is one guarded UPDATE (enrolled < capacity) that holds however
-- many enrolments arrive at once. min_age and max_age (0 for none) and
-- local_only (only young people living within the activity's region)
-- are the checks an activity may set. A young person is enrolled on an
-- activity once (the primary key); progress is 0-100 per cent with a
-- note. Attendance is per session and enrolled young person.
--
-- youth_outcomes holds each young person's current outcome (one row);
-- youth_outcome_history every outcome ever recorded, the current one
-- included. Dates are DATE columns holding UTC midnight.

CREATE TABLE activities (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    -- leaders | creative
    strand      TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    org_id      INTEGER NOT NULL REFERENCES organisations(id),
    org_path    TEXT NOT NULL,
    region_id   INTEGER NOT NULL REFERENCES regions(id),
    region_path TEXT NOT NULL,
    starts_on   DATE NOT NULL,
    ends_on     DATE NOT NULL,
    capacity    INTEGER NOT NULL,
    enrolled    INTEGER NOT NULL DEFAULT 0,
    min_age     INTEGER NOT NULL DEFAULT 0,
    max_age     INTEGER NOT NULL DEFAULT 0,
    local_only  BOOLEAN NOT NULL DEFAULT 0,
    created_by  INTEGER REFERENCES users(id),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX activities_org ON activities(org_path, id);
CREATE INDEX activities_region ON activities(region_path, org_path);

CREATE TABLE activity_enrolments (
    activity_id   INTEGER NOT NULL REFERENCES activities(id),
    youth_id      INTEGER NOT NULL REFERENCES youth(id),
    -- coordinator | youth (the young person themselves, through their page or the bot)
    enrolled_via  TEXT NOT NULL,
    enrolled_by   INTEGER REFERENCES users(id),
    enrolled_at   TIMESTAMP NOT NULL,
    progress      INTEGER NOT NULL DEFAULT 0,
    progress_note TEXT NOT NULL DEFAULT '',
    updated_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (activity_id, youth_id)
);
CREATE INDEX activity_enrolments_youth ON activity_enrolments(youth_id, activity_id);

CREATE TABLE activity_sessions (
    id          INTEGER PRIMARY KEY,
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    held_on     DATE NOT NULL,
    topic       TEXT NOT NULL,
    leader      TEXT NOT NULL,
    created_by  INTEGER REFERENCES users(id),
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX activity_sessions_activity ON activity_sessions(activity_id, held_on);

CREATE TABLE activity_attendance (
    session_id  INTEGER NOT NULL REFERENCES activity_sessions(id),
    youth_id    INTEGER NOT NULL REFERENCES youth(id),
    present     BOOLEAN NOT NULL,
    recorded_by INTEGER REFERENCES users(id),
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (session_id, youth_id)
);

CREATE TABLE youth_outcomes (
    youth_id    INTEGER PRIMARY KEY REFERENCES youth(id),
    -- education | employed | business | neet | not_reached
    outcome     TEXT NOT NULL,
    outcome_on  DATE NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users(id),
    recorder    TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX youth_outcomes_outcome ON youth_outcomes(outcome);

CREATE TABLE youth_outcome_history (
    id          INTEGER PRIMARY KEY,
    youth_id    INTEGER NOT NULL REFERENCES youth(id),
    outcome     TEXT NOT NULL,
    outcome_on  DATE NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users(id),
    recorder    TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX youth_outcome_history_youth ON youth_outcome_history(youth_id, id);
