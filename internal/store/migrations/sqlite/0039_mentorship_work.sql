-- The work of a mentorship (issue 13): its sessions, goals, feedback
-- after a session from either side, and safeguarding.
--
-- A session is held on a day (never in the future), lasts minutes and is
-- in person or online. A goal's progress is a percentage, or steps done
-- out of steps when steps > 0. Feedback is one per session and author
-- (the mentor or the young person), a rating 1 to 5 and a comment.
--
-- safeguarding_leads names the designated safeguarding lead of an
-- organisation: the user a concern about a mentorship of that branch (or
-- a branch below it without a lead of its own) reaches. A concern copies
-- that lead when it is reported (lead_id, empty when no lead is
-- designated on the way up), and the mentorship's paths so scoped reads
-- are range scans. status is open, in_progress or closed (with a note).

CREATE TABLE mentorship_sessions (
    id            INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorships(id),
    held_on       DATE NOT NULL,
    minutes       INTEGER NOT NULL,
    format        TEXT NOT NULL,
    topic         TEXT NOT NULL,
    logged_by     INTEGER REFERENCES users(id),
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX mentorship_sessions_held ON mentorship_sessions(mentorship_id, held_on);

CREATE TABLE mentorship_goals (
    id            INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorships(id),
    title         TEXT NOT NULL,
    target_on     DATE,
    progress      INTEGER NOT NULL DEFAULT 0,
    steps         INTEGER NOT NULL DEFAULT 0,
    steps_done    INTEGER NOT NULL DEFAULT 0,
    status        TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX mentorship_goals_of ON mentorship_goals(mentorship_id, id);

CREATE TABLE mentorship_feedback (
    id            INTEGER PRIMARY KEY,
    session_id    INTEGER NOT NULL REFERENCES mentorship_sessions(id),
    author        TEXT NOT NULL,
    rating        INTEGER NOT NULL,
    comment       TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX mentorship_feedback_once ON mentorship_feedback(session_id, author);

CREATE TABLE safeguarding_leads (
    org_id   INTEGER PRIMARY KEY REFERENCES organisations(id),
    user_id  INTEGER NOT NULL REFERENCES users(id),
    set_by   INTEGER REFERENCES users(id),
    set_at   TIMESTAMP NOT NULL
);

CREATE TABLE safeguarding_concerns (
    id            INTEGER PRIMARY KEY,
    mentorship_id INTEGER NOT NULL REFERENCES mentorships(id),
    org_path      TEXT NOT NULL,
    region_path   TEXT NOT NULL,
    lead_id       INTEGER REFERENCES users(id),
    reporter      TEXT NOT NULL,
    reported_by   INTEGER REFERENCES users(id),
    body          TEXT NOT NULL,
    status        TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    closed_by     INTEGER REFERENCES users(id),
    closed_at     TIMESTAMP,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX safeguarding_concerns_lead ON safeguarding_concerns(lead_id, status, id);
CREATE INDEX safeguarding_concerns_of ON safeguarding_concerns(mentorship_id);
CREATE INDEX safeguarding_concerns_org ON safeguarding_concerns(org_path, id);
