-- Institutional deliveries, the volunteer registry and device after-care.
--
-- A delivery takes what a campaign gives an institution (a children-support
-- or adaptation centre, a school) from a warehouse by a deadline: planned
-- with its quantities computed from the institution's roster, dispatched
-- (the stock leaves the warehouse by an issue_institution document of the
-- ledger), delivered, and confirmed by the institution's own staff with
-- what they counted. Dates are DATE columns holding UTC midnight, in the
-- installation's calendar.
--
-- Volunteers are a minimal registry (name, contacts, skills, region); a
-- device handed over to a child gets set-up tasks (install, connect,
-- train), derived from the ledger by the after-care sync and assigned to
-- volunteers.

CREATE TABLE deliveries (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id    BIGINT NOT NULL REFERENCES campaigns(id),
    -- The institution, and its scope copied (moved with it).
    org_id         BIGINT NOT NULL REFERENCES organisations(id),
    org_path       TEXT NOT NULL,
    region_path    TEXT NOT NULL,
    warehouse_id   BIGINT NOT NULL REFERENCES warehouses(id),
    due_on         DATE NOT NULL,
    -- planned | dispatched | delivered | confirmed | cancelled
    status         TEXT NOT NULL,
    -- The ledger's handover to the institution, written at dispatch.
    doc_id         BIGINT REFERENCES stock_docs(id),
    note           TEXT NOT NULL DEFAULT '',
    -- What the institution's staff wrote when they confirmed receipt, and
    -- the units dispatched that they did not count (the lines' sum).
    receipt_note   TEXT NOT NULL DEFAULT '',
    shortfall      INTEGER NOT NULL DEFAULT 0,
    created_by     BIGINT,
    created_name   TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ NOT NULL,
    dispatched_by  BIGINT,
    dispatched_name TEXT NOT NULL DEFAULT '',
    dispatched_at  TIMESTAMPTZ,
    delivered_by   BIGINT,
    delivered_name TEXT NOT NULL DEFAULT '',
    delivered_at   TIMESTAMPTZ,
    confirmed_by   BIGINT,
    confirmed_name TEXT NOT NULL DEFAULT '',
    confirmed_at   TIMESTAMPTZ,
    -- Raised by every change: of two people acting at once, one wins.
    version        INTEGER NOT NULL DEFAULT 1,
    updated_at     TIMESTAMPTZ NOT NULL
);
-- One live delivery per campaign and institution: planning again skips it.
CREATE UNIQUE INDEX deliveries_campaign_org ON deliveries(campaign_id, org_id) WHERE status <> 'cancelled';
CREATE INDEX deliveries_board ON deliveries(campaign_id, due_on, id);
CREATE INDEX deliveries_due ON deliveries(due_on, id);
CREATE INDEX deliveries_org ON deliveries(org_path, id);

-- What a delivery carries: per line an item in a size, the rule its
-- quantity was computed by (per_pupil: per pupils on the roster in grades
-- grade_min..grade_max, counted when planned; fixed), what was dispatched
-- and what the institution counted on receipt, with the reason of a
-- shortfall.
CREATE TABLE delivery_lines (
    delivery_id BIGINT NOT NULL REFERENCES deliveries(id),
    line        INTEGER NOT NULL,
    item_id     BIGINT NOT NULL REFERENCES aid_items(id),
    size        TEXT NOT NULL DEFAULT '',
    -- per_pupil | fixed
    rule        TEXT NOT NULL,
    grade_min   INTEGER NOT NULL DEFAULT 0,
    grade_max   INTEGER NOT NULL DEFAULT 0,
    per_pupil   INTEGER NOT NULL DEFAULT 0,
    roster      INTEGER NOT NULL DEFAULT 0,
    planned     INTEGER NOT NULL,
    dispatched  INTEGER NOT NULL DEFAULT 0,
    -- NULL until the receipt is confirmed.
    received    INTEGER,
    -- missing | damaged | wrong_item | other, when received < dispatched
    reason      TEXT NOT NULL DEFAULT '',
    discrepancy TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (delivery_id, line)
);

-- Volunteers: who may be given a device's set-up, where, with which
-- skills. Scoped by the organisation that registered them and their
-- region; user_id links the login of a volunteer, who then sees their own
-- tasks.
CREATE TABLE volunteers (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT NOT NULL,
    phone       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    region_id   BIGINT NOT NULL REFERENCES regions(id),
    region_path TEXT NOT NULL,
    org_id      BIGINT NOT NULL REFERENCES organisations(id),
    org_path    TEXT NOT NULL,
    user_id     BIGINT REFERENCES users(id),
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    version     INTEGER NOT NULL DEFAULT 1,
    created_by  BIGINT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX volunteers_user ON volunteers(user_id) WHERE user_id IS NOT NULL;
CREATE INDEX volunteers_org ON volunteers(org_path, id);
CREATE INDEX volunteers_region ON volunteers(region_path, id);

-- A volunteer's skills, codes of a fixed list (software, networking,
-- training, repair, teaching, distribution).
CREATE TABLE volunteer_skills (
    volunteer_id BIGINT NOT NULL REFERENCES volunteers(id),
    skill        TEXT NOT NULL,
    PRIMARY KEY (volunteer_id, skill)
);
CREATE INDEX volunteer_skills_skill ON volunteer_skills(skill, volunteer_id);

-- The set-up of a device handed over to a child: install software,
-- connect to the network, train the pupil. The sync makes one of each
-- kind per handover of a device (auto); more are added by hand. The scope
-- is the request's, copied.
CREATE TABLE device_tasks (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id       BIGINT NOT NULL REFERENCES stock_units(id),
    item_id       BIGINT NOT NULL REFERENCES aid_items(id),
    serial        TEXT NOT NULL,
    -- The handover (issue_person document) the task follows.
    doc_id        BIGINT NOT NULL REFERENCES stock_docs(id),
    request_id    BIGINT NOT NULL REFERENCES requests(id),
    request_line  INTEGER NOT NULL DEFAULT 0,
    -- install | connect | train
    kind          TEXT NOT NULL,
    auto          BOOLEAN NOT NULL DEFAULT FALSE,
    -- open | assigned | done | cancelled
    status        TEXT NOT NULL,
    volunteer_id  BIGINT REFERENCES volunteers(id),
    due_on        DATE NOT NULL,
    done_on       DATE,
    minutes       INTEGER NOT NULL DEFAULT 0,
    note          TEXT NOT NULL DEFAULT '',
    -- device_returned when the sync cancelled it; '' otherwise.
    cancel_reason TEXT NOT NULL DEFAULT '',
    org_path      TEXT NOT NULL,
    region_path   TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    created_by    BIGINT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX device_tasks_auto ON device_tasks(doc_id, unit_id, kind) WHERE auto;
CREATE INDEX device_tasks_unit ON device_tasks(unit_id, id);
CREATE INDEX device_tasks_queue ON device_tasks(status, due_on, id);
CREATE INDEX device_tasks_volunteer ON device_tasks(volunteer_id, status, due_on, id) WHERE volunteer_id IS NOT NULL;

-- The devices handed over, for the after-care sync's look for those
-- without tasks; devices by serial alone, for a device's page.
CREATE INDEX stock_units_issued ON stock_units(doc_id) WHERE state = 'issued';
CREATE INDEX stock_units_by_serial ON stock_units(serial);
