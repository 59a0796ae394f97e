-- Distribution: the events at which families collect what is held for
-- their children, the lists of those events, every handover with its
-- proof, the one-time codes sent to guardians and the photos of signed
-- paper lists.
--
-- An event stands at a warehouse or distribution point and takes its
-- scope from it (read through the join, never copied). Its list is the
-- request lines assigned to it (distribution_lines, a line at one event
-- at a time) and, by its rule, every line of the campaign held at the
-- point (whole_point) or held for the children of the schools and
-- centres in distribution_event_orgs.
--
-- A handover is one request's lines given at once with one proof: the
-- guardian's signature (a PNG drawn on the screen), a one-time code sent
-- to the guardian's phone (kept only as a keyed hash), or the photo of
-- the signed paper list of the event. Each line names the stock document
-- that issued it (stock_docs, with its ledger moves, in the same
-- transaction); a line is handed over once until it is returned.

CREATE TABLE distribution_events (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id  BIGINT NOT NULL REFERENCES campaigns(id),
    warehouse_id BIGINT NOT NULL REFERENCES warehouses(id),
    -- Where families come: a hall, a school's gym, the point's address.
    place        TEXT NOT NULL DEFAULT '',
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    -- planned | open | closed
    status       TEXT NOT NULL,
    -- The list's rule: every line of the campaign held at the warehouse.
    whole_point  BOOLEAN NOT NULL DEFAULT FALSE,
    note         TEXT NOT NULL DEFAULT '',
    -- Raised by every change: two editors at once, one wins.
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   BIGINT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX distribution_events_warehouse ON distribution_events(warehouse_id, starts_at);
CREATE INDEX distribution_events_campaign ON distribution_events(campaign_id, starts_at);

-- The staff who work an event.
CREATE TABLE distribution_staff (
    event_id BIGINT NOT NULL REFERENCES distribution_events(id),
    user_id  BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX distribution_staff_user ON distribution_staff(user_id);

-- The list's rule by school or centre: the held lines of the requests of
-- these organisations (and those below them).
CREATE TABLE distribution_event_orgs (
    event_id BIGINT NOT NULL REFERENCES distribution_events(id),
    org_id   BIGINT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (event_id, org_id)
);

-- Request lines assigned to an event by hand: a line is at one event at a
-- time; assigning it to another moves it.
CREATE TABLE distribution_lines (
    request_id BIGINT NOT NULL REFERENCES requests(id),
    line       INTEGER NOT NULL,
    event_id   BIGINT NOT NULL REFERENCES distribution_events(id),
    added_by   BIGINT,
    added_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, line)
);
CREATE INDEX distribution_lines_event ON distribution_lines(event_id, request_id, line);

-- One-time codes sent to a guardian's phone for a handover. Only a keyed
-- hash of the code is kept; a code is void after its attempts are spent
-- or when a newer one is sent, and useless after expires_at.
CREATE TABLE distribution_codes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id   BIGINT NOT NULL REFERENCES distribution_events(id),
    request_id BIGINT NOT NULL REFERENCES requests(id),
    salt       TEXT NOT NULL,
    hash       TEXT NOT NULL,
    -- The end of the phone it went to, for the staff to say ("…1408").
    sent_to    TEXT NOT NULL DEFAULT '',
    attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- pending | used | void
    status     TEXT NOT NULL,
    created_by BIGINT,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX distribution_codes_request ON distribution_codes(request_id, id);

-- Photos of an event's signed paper lists, held like a request's
-- documents: limited in size, JPEG or PNG by their content.
CREATE TABLE distribution_photos (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     BIGINT NOT NULL REFERENCES distribution_events(id),
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    data         BYTEA NOT NULL,
    uploaded_by  BIGINT,
    uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX distribution_photos_event ON distribution_photos(event_id, id);

-- A handover: lines of one request given at an event, with one proof.
CREATE TABLE handovers (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id   BIGINT NOT NULL REFERENCES distribution_events(id),
    request_id BIGINT NOT NULL REFERENCES requests(id),
    -- signature | code | list_photo
    proof      TEXT NOT NULL,
    -- The guardian's signature, a PNG.
    signature  BYTEA,
    code_id    BIGINT REFERENCES distribution_codes(id),
    photo_id   BIGINT REFERENCES distribution_photos(id),
    note       TEXT NOT NULL DEFAULT '',
    given_by   BIGINT,
    given_name TEXT NOT NULL DEFAULT '',
    given_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX handovers_event ON handovers(event_id, id);
CREATE INDEX handovers_request ON handovers(request_id, id);

-- The lines of a handover, each with the stock document that issued it
-- and, once returned, the document that took it back.
CREATE TABLE handover_lines (
    handover_id   BIGINT NOT NULL REFERENCES handovers(id),
    request_id    BIGINT NOT NULL REFERENCES requests(id),
    line          INTEGER NOT NULL,
    doc_id        BIGINT NOT NULL REFERENCES stock_docs(id),
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    -- A device's serial numbers, comma-separated.
    serials       TEXT NOT NULL DEFAULT '',
    return_doc_id BIGINT REFERENCES stock_docs(id),
    returned_at   TIMESTAMPTZ,
    PRIMARY KEY (handover_id, line)
);
CREATE UNIQUE INDEX handover_lines_live ON handover_lines(request_id, line) WHERE return_doc_id IS NULL;
CREATE UNIQUE INDEX handover_lines_doc ON handover_lines(doc_id);
