-- The volunteer side: traits of a volunteer (languages, subjects they
-- teach, when they are free), needs for people at a place on a day with
-- volunteers' own sign-ups, the hours volunteers log and coordinators
-- approve, and the free courses volunteer teachers give: places,
-- children enrolled, sessions and attendance.

-- What a volunteer speaks, teaches and when they are free: kind language
-- (kk, ru, en, fr, fa, …), subject (a code of the subject list) or slot
-- (a day and part of it: mon.morning … sun.evening).
CREATE TABLE volunteer_traits (
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    kind         TEXT NOT NULL,
    code         TEXT NOT NULL,
    PRIMARY KEY (volunteer_id, kind, code)
);
CREATE INDEX volunteer_traits_code ON volunteer_traits(kind, code, volunteer_id);

-- A need: so many people of a role (a skill code) at a place on a day,
-- for a campaign or none; taken counts the sign-ups and never exceeds
-- wanted (the sign-up raises it with a conditional update).
CREATE TABLE volunteer_needs (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER REFERENCES campaigns(id),
    role         TEXT NOT NULL,
    title        TEXT NOT NULL,
    place        TEXT NOT NULL DEFAULT '',
    on_date      DATE NOT NULL,
    wanted       INTEGER NOT NULL,
    taken        INTEGER NOT NULL DEFAULT 0,
    -- open | cancelled
    status       TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    region_id    INTEGER NOT NULL REFERENCES regions(id),
    region_path  TEXT NOT NULL,
    org_id       INTEGER NOT NULL REFERENCES organisations(id),
    org_path     TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   INTEGER,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX volunteer_needs_date ON volunteer_needs(on_date, id);
CREATE INDEX volunteer_needs_org ON volunteer_needs(org_path, on_date);
CREATE INDEX volunteer_needs_campaign ON volunteer_needs(campaign_id, on_date) WHERE campaign_id IS NOT NULL;

-- A volunteer signed up to a need (withdrawing deletes the row).
CREATE TABLE need_signups (
    need_id      INTEGER NOT NULL REFERENCES volunteer_needs(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    signed_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (need_id, volunteer_id)
);
CREATE INDEX need_signups_volunteer ON need_signups(volunteer_id, need_id);

-- A free course: a title in one language, a subject, grades, a place,
-- its dates, places (capacity) and the children enrolled (enrolled never
-- exceeds capacity), for a campaign or none. Scoped by the organisation
-- giving it and its region.
CREATE TABLE courses (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER REFERENCES campaigns(id),
    title        TEXT NOT NULL,
    lang         TEXT NOT NULL,
    subject      TEXT NOT NULL,
    grade_min    INTEGER NOT NULL,
    grade_max    INTEGER NOT NULL,
    place        TEXT NOT NULL DEFAULT '',
    starts_on    DATE NOT NULL,
    ends_on      DATE NOT NULL,
    capacity     INTEGER NOT NULL,
    enrolled     INTEGER NOT NULL DEFAULT 0,
    -- open | cancelled
    status       TEXT NOT NULL,
    region_id    INTEGER NOT NULL REFERENCES regions(id),
    region_path  TEXT NOT NULL,
    org_id       INTEGER NOT NULL REFERENCES organisations(id),
    org_path     TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   INTEGER,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX courses_org ON courses(org_path, starts_on);
CREATE INDEX courses_date ON courses(starts_on, id);

-- The volunteers teaching a course: their course teaching tasks.
CREATE TABLE course_teachers (
    course_id    INTEGER NOT NULL REFERENCES courses(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
    PRIMARY KEY (course_id, volunteer_id)
);
CREATE INDEX course_teachers_volunteer ON course_teachers(volunteer_id, course_id);

-- A child enrolled on a course, from the registry or from their request.
CREATE TABLE course_enrolments (
    id           INTEGER PRIMARY KEY,
    course_id    INTEGER NOT NULL REFERENCES courses(id),
    person_id    INTEGER NOT NULL REFERENCES persons(id),
    request_id   INTEGER REFERENCES requests(id),
    enrolled_by  INTEGER,
    enrolled_at  TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX course_enrolments_child ON course_enrolments(course_id, person_id);
CREATE INDEX course_enrolments_person ON course_enrolments(person_id);

-- A session of a course on a day.
CREATE TABLE course_sessions (
    id           INTEGER PRIMARY KEY,
    course_id    INTEGER NOT NULL REFERENCES courses(id),
    held_on      DATE NOT NULL,
    topic        TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX course_sessions_course ON course_sessions(course_id, held_on, id);

-- Whether an enrolled child came to a session.
CREATE TABLE course_attendance (
    session_id    INTEGER NOT NULL REFERENCES course_sessions(id),
    enrolment_id  INTEGER NOT NULL REFERENCES course_enrolments(id),
    present       BOOLEAN NOT NULL,
    recorded_by   INTEGER,
    recorded_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (session_id, enrolment_id)
);
CREATE INDEX course_attendance_enrolment ON course_attendance(enrolment_id);

-- Hours a volunteer logged: a day, minutes, what for (a need, a device
-- task, a course, or nothing but the note), the campaign that follows
-- from it, and the coordinator's decision (pending | approved |
-- rejected, with a reason). Only approved hours count. Scoped by the
-- volunteer's paths, copied.
CREATE TABLE volunteer_hours (
    id            INTEGER PRIMARY KEY,
    volunteer_id  INTEGER NOT NULL REFERENCES volunteers(id),
    worked_on     DATE NOT NULL,
    minutes       INTEGER NOT NULL,
    need_id       INTEGER REFERENCES volunteer_needs(id),
    task_id       INTEGER REFERENCES device_tasks(id),
    course_id     INTEGER REFERENCES courses(id),
    campaign_id   INTEGER REFERENCES campaigns(id),
    note          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    decided_by    INTEGER,
    decided_name  TEXT NOT NULL DEFAULT '',
    decided_at    TIMESTAMP,
    org_path      TEXT NOT NULL,
    region_path   TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX volunteer_hours_volunteer ON volunteer_hours(volunteer_id, worked_on, id);
CREATE INDEX volunteer_hours_queue ON volunteer_hours(status, worked_on, id);
CREATE INDEX volunteer_hours_campaign ON volunteer_hours(campaign_id, status, volunteer_id) WHERE campaign_id IS NOT NULL;
