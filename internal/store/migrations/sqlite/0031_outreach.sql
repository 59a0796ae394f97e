-- Out-of-school children: the case of each child the out-of-school run
-- flags, worked by an outreach worker of the district until the child is
-- back in class and stays there.
--
-- A case is scoped like a child's record: org_path is the organisation
-- whose workers follow it (the district's education department or
-- centre), region_path the district it lies in, copied so the queue is a
-- range scan. A person has at most one open case (outreach_cases_open);
-- the run updates it instead of opening another. The queue is read by
-- deadline (due_on, id), the keyset of its pages, over the open cases.
-- Dates are DATE columns holding UTC midnight, in the installation's
-- calendar day.

CREATE TABLE outreach_cases (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES persons(id),
    -- never_enrolled | dropped_out
    category     TEXT NOT NULL,
    -- visible | semi_invisible | invisible (UIS OOSCI visibility)
    visibility   TEXT NOT NULL,
    -- How sure the linkage engine is that the child is out of school (0-1),
    -- and why it flagged them, in a line.
    confidence   REAL NOT NULL,
    why          TEXT NOT NULL DEFAULT '',
    region_id    INTEGER NOT NULL REFERENCES regions(id),
    region_path  TEXT NOT NULL,
    org_id       INTEGER NOT NULL REFERENCES organisations(id),
    org_path     TEXT NOT NULL,
    -- The school whose catchment the child lives in, when known.
    school_id    INTEGER REFERENCES organisations(id),
    assignee_id  INTEGER REFERENCES users(id),
    -- identified | contacted | support | enrolled | closed
    step         TEXT NOT NULL DEFAULT 'identified',
    step_at      TIMESTAMP NOT NULL,
    due_on       DATE NOT NULL,
    -- visit | call, and the reason the family gave for not attending.
    contact_mode TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL DEFAULT '',
    contact_note TEXT NOT NULL DEFAULT '',
    contacted_at TIMESTAMP,
    support_at   TIMESTAMP,
    enrolled_school_id INTEGER REFERENCES organisations(id),
    enrolled_on  DATE,
    -- Attendance checks passed since the last enrolment (1, 3, 6 months).
    checks_done  INTEGER NOT NULL DEFAULT 0,
    -- retained | moved_away | not_found, once closed.
    outcome      TEXT NOT NULL DEFAULT '',
    closed_at    TIMESTAMP,
    -- The details the family consented to share with the charities a
    -- case is referred to, comma-separated (see outreach.SharedFields).
    shared       TEXT NOT NULL DEFAULT '',
    -- How many runs opened or changed this case's flag, and when the last did.
    runs         INTEGER NOT NULL DEFAULT 1,
    flagged_at   TIMESTAMP NOT NULL,
    -- Raised by every change: two workers updating at once, one wins.
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   INTEGER,
    updated_at   TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX outreach_cases_open ON outreach_cases(person_id) WHERE step <> 'closed';
CREATE INDEX outreach_cases_person ON outreach_cases(person_id, id);
CREATE INDEX outreach_cases_queue ON outreach_cases(due_on, id, org_path, region_path) WHERE step <> 'closed';
CREATE INDEX outreach_cases_assignee ON outreach_cases(assignee_id, due_on, id, org_path, region_path)
    WHERE assignee_id IS NOT NULL AND step <> 'closed';
CREATE INDEX outreach_cases_region ON outreach_cases(region_path, org_path);

-- What happened to a case, in order: its timeline.
CREATE TABLE outreach_events (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES outreach_cases(id),
    at      TIMESTAMP NOT NULL,
    user_id INTEGER,
    -- flagged | reflagged | assigned | contacted | consent | needs |
    -- referred | accepted | declined | enrolled | check | closed
    kind    TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outreach_events_case ON outreach_events(case_id, id);

-- The needs found for a child: health | insurance | skills | device |
-- summer_courses | volunteer_teacher.
CREATE TABLE outreach_needs (
    case_id INTEGER NOT NULL REFERENCES outreach_cases(id),
    need    TEXT NOT NULL,
    note    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, need)
);

-- A need referred to one charity, which accepts or declines it.
CREATE TABLE outreach_referrals (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES outreach_cases(id),
    need        TEXT NOT NULL,
    charity_id  INTEGER NOT NULL REFERENCES charities(id),
    -- sent | accepted | declined | completed
    status      TEXT NOT NULL DEFAULT 'sent',
    note        TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL DEFAULT '',
    answer      TEXT NOT NULL DEFAULT '',
    sent_by     INTEGER,
    sent_at     TIMESTAMP NOT NULL,
    answered_by INTEGER,
    answered_at TIMESTAMP,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX outreach_referrals_case ON outreach_referrals(case_id, id);
CREATE INDEX outreach_referrals_inbox ON outreach_referrals(charity_id, status, id);

-- The attendance checks after enrolment.
CREATE TABLE outreach_checks (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES outreach_cases(id),
    month      INTEGER NOT NULL,
    attending  BOOLEAN NOT NULL,
    checked_on DATE NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    checked_by INTEGER
);
CREATE INDEX outreach_checks_case ON outreach_checks(case_id, id);

-- The days each step is given, where the installation changed the default.
CREATE TABLE outreach_deadlines (
    step TEXT PRIMARY KEY,
    days INTEGER NOT NULL
);
