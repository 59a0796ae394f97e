-- Appeals: what a family, a school or anyone else asks, reports or
-- complains about when they call the hotline, come to a reception or
-- write; recorded at the operator desk, answered within a number of
-- working days that depends on its kind. An appeal may name the caller
-- in the registry (person_id) or only by name and phone, and link the
-- persons and requests it concerns.
--
-- Its scope is the organisation that recorded it (org_path) and the place
-- it concerns (region_path), copied so the queue is a range scan. The
-- queue is read by deadline: due_on, then id, the keyset of its pages;
-- its indexes carry the scope's paths, so a narrow scope is filtered in
-- the index without reading the rows it passes over.
-- Dates are DATE columns holding UTC midnight, in the installation's
-- calendar day.

CREATE TABLE appeals (
    id           INTEGER PRIMARY KEY,
    -- request_for_aid | question | complaint | out_of_school_report | other
    kind         TEXT NOT NULL,
    -- hotline | reception | centre | web | telegram
    channel      TEXT NOT NULL,
    -- open | answered | closed
    status       TEXT NOT NULL DEFAULT 'open',
    person_id    INTEGER REFERENCES persons(id),
    caller_name  TEXT NOT NULL DEFAULT '',
    caller_phone TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL,
    region_id    INTEGER NOT NULL REFERENCES regions(id),
    region_path  TEXT NOT NULL,
    org_id       INTEGER REFERENCES organisations(id),
    org_path     TEXT NOT NULL DEFAULT '',
    campaign_id  INTEGER REFERENCES campaigns(id),
    assignee_id  INTEGER REFERENCES users(id),
    received_at  TIMESTAMP NOT NULL,
    -- The working days given to answer, as configured when received, and
    -- the last day of them.
    working_days INTEGER NOT NULL,
    due_on       DATE NOT NULL,
    outcome      TEXT NOT NULL DEFAULT '',
    answer       TEXT NOT NULL DEFAULT '',
    answered_on  DATE,
    answered_at  TIMESTAMP,
    answered_by  INTEGER,
    -- Raised by every change: two operators answering at once, one wins.
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   INTEGER,
    updated_at   TIMESTAMP NOT NULL
);
CREATE INDEX appeals_queue ON appeals(status, due_on, id, org_path, region_path);
CREATE INDEX appeals_kind_queue ON appeals(kind, status, due_on, id, org_path, region_path);
CREATE INDEX appeals_assignee_queue ON appeals(assignee_id, status, due_on, id, kind, org_path, region_path)
    WHERE assignee_id IS NOT NULL;
CREATE INDEX appeals_received ON appeals(received_at);
CREATE INDEX appeals_person ON appeals(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX appeals_campaign ON appeals(campaign_id) WHERE campaign_id IS NOT NULL;

-- The persons an appeal concerns besides its caller: the child reported
-- out of school, the children of the family that asks.
CREATE TABLE appeal_people (
    appeal_id INTEGER NOT NULL REFERENCES appeals(id),
    person_id INTEGER NOT NULL REFERENCES persons(id),
    PRIMARY KEY (appeal_id, person_id)
);
CREATE INDEX appeal_people_person ON appeal_people(person_id);

-- The requests an appeal is about ("what happened to my request?").
CREATE TABLE appeal_requests (
    appeal_id  INTEGER NOT NULL REFERENCES appeals(id),
    request_id INTEGER NOT NULL REFERENCES requests(id),
    PRIMARY KEY (appeal_id, request_id)
);
CREATE INDEX appeal_requests_request ON appeal_requests(request_id);

-- The working days each kind of appeal is given, where the installation
-- changed the default.
CREATE TABLE appeal_deadlines (
    kind         TEXT PRIMARY KEY,
    working_days INTEGER NOT NULL
);

-- The installation's changes to its country's working calendar: a day off
-- it adds (a lunar holiday, a day the government gives) or a day it
-- declares a working day (a built-in holiday it does not keep, a Saturday
-- worked for a bridge day).
CREATE TABLE calendar_days (
    country TEXT NOT NULL,
    day     DATE NOT NULL,
    working BOOLEAN NOT NULL DEFAULT 0,
    name    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (country, day)
);
