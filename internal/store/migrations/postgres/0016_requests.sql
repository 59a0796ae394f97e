-- Requests: a family's (or a school's, or a young person's own) request for
-- aid for one person of the registry in one campaign, what it asks for, and
-- everything that happened to it — transitions, comments, documents — plus
-- the messages it sends the applicant, kept in an outbox until a channel
-- delivers them.
--
-- A request's scope is the organisation handling it (org_path) and the
-- person's region at submission (region_path), both copied so that queues
-- and lists are range scans. A person has at most one request per campaign:
-- applying again links to it.

CREATE TABLE requests (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The number a family quotes on the phone.
    reference           TEXT NOT NULL UNIQUE,
    campaign_id         BIGINT NOT NULL REFERENCES campaigns(id),
    person_id           BIGINT NOT NULL REFERENCES persons(id),
    -- parent | guardian | school | centre | self
    applicant_kind      TEXT NOT NULL,
    applicant_person_id BIGINT REFERENCES persons(id),
    applicant_org_id    BIGINT REFERENCES organisations(id),
    applicant_name      TEXT NOT NULL DEFAULT '',
    applicant_phone     TEXT NOT NULL DEFAULT '',
    -- The last ten digits of the phone: with the reference, the key of the
    -- public status page.
    phone_digits        TEXT NOT NULL DEFAULT '',
    -- centre | hotline | reception | web | school_list | telegram
    channel             TEXT NOT NULL,
    -- The applicant's language, for the messages sent to them.
    locale              TEXT NOT NULL DEFAULT '',
    -- submitted | under_review | verified | approved | allocated |
    -- delivered | rejected | withdrawn | waitlisted
    status              TEXT NOT NULL,
    -- Why it was rejected: a code from the list, and free text.
    reason              TEXT NOT NULL DEFAULT '',
    reason_note         TEXT NOT NULL DEFAULT '',
    reviewer_id         BIGINT REFERENCES users(id),
    org_id              BIGINT REFERENCES organisations(id),
    org_path            TEXT NOT NULL DEFAULT '',
    region_id           BIGINT NOT NULL REFERENCES regions(id),
    region_path         TEXT NOT NULL,
    -- Raised by every change: two reviewers deciding at once, one wins.
    version             INTEGER NOT NULL DEFAULT 1,
    created_by          BIGINT,
    submitted_at        TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX requests_campaign_person ON requests(campaign_id, person_id);
CREATE INDEX requests_campaign_status ON requests(campaign_id, status, id);
CREATE INDEX requests_region ON requests(region_path, id);
CREATE INDEX requests_org ON requests(org_path, id);
CREATE INDEX requests_person ON requests(person_id);
CREATE INDEX requests_reviewer ON requests(reviewer_id, status) WHERE reviewer_id IS NOT NULL;

-- What a request asks for: a kit or single items, one line each, with the
-- child's size where the item comes in sizes.
CREATE TABLE request_lines (
    request_id BIGINT NOT NULL REFERENCES requests(id),
    line       INTEGER NOT NULL,
    item_id    BIGINT NOT NULL REFERENCES aid_items(id),
    quantity   INTEGER NOT NULL DEFAULT 1,
    size       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (request_id, line)
);
CREATE INDEX request_lines_item ON request_lines(item_id);

-- Every transition, who made it and when; the first is the submission.
CREATE TABLE request_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  BIGINT NOT NULL REFERENCES requests(id),
    from_status TEXT NOT NULL DEFAULT '',
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    actor_id    BIGINT,
    actor_name  TEXT NOT NULL DEFAULT '',
    via         TEXT NOT NULL DEFAULT '',
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX request_events_request ON request_events(request_id, id);

CREATE TABLE request_comments (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES requests(id),
    author_id  BIGINT,
    author_name TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX request_comments_request ON request_comments(request_id, id);

-- Scans and photos attached to a request (certificates, the evidence for a
-- category). Held in the database like an upload, limited in size and type.
CREATE TABLE request_documents (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id   BIGINT NOT NULL REFERENCES requests(id),
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    data         BYTEA NOT NULL,
    uploaded_by  BIGINT,
    uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX request_documents_request ON request_documents(request_id, id);

-- Messages to applicants, in their language, waiting for a channel to
-- deliver them: the status page reads them now, the bot later. The text is
-- a message key and its arguments, rendered when delivered.
CREATE TABLE outbox (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id  BIGINT REFERENCES requests(id),
    -- status_page | telegram | sms
    channel     TEXT NOT NULL,
    address     TEXT NOT NULL DEFAULT '',
    locale      TEXT NOT NULL,
    message_key TEXT NOT NULL,
    args        TEXT NOT NULL DEFAULT '{}',
    -- pending | sent | failed
    state       TEXT NOT NULL DEFAULT 'pending',
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    sent_at     TIMESTAMPTZ
);
CREATE INDEX outbox_pending ON outbox(channel, state, id);
CREATE INDEX outbox_request ON outbox(request_id, id);
