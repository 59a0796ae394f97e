-- Matching runs and their proposals (issue 13).
--
-- A match_run is one matching of a coordinator's cohort, or an automatic
-- re-matching of the young people whose proposals were declined or
-- expired (kind 'rematch', run_by empty). org_path and region_path are
-- the scope whose young people and mentors it took (the coordinator's);
-- params holds the narrowing filters and the rule as JSON; the counts and
-- the three aims' values (matched, preference, fit) are the solver's.
--
-- A match_proposal is one young person proposed to one mentor, taking one
-- of the mentor's places until it is declined or expires. reasons is the
-- explanation as JSON ([{key, args}]), shown in the reader's language.
-- status is pending, accepted, declined or expired; a young person has at
-- most one pending proposal. A minor's proposal needs a coordinator's
-- approval (approved_at) before the mentor may accept it. rematched_at
-- says a re-matching has taken the young person up after a decline or
-- expiry.
--
-- match_unmatched lists the young people a run left without a match, each
-- with the reason (an i18n key and its arguments as JSON).

CREATE TABLE match_runs (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES organisations(id),
    org_path    TEXT NOT NULL,
    region_path TEXT NOT NULL,
    kind        TEXT NOT NULL,
    params      TEXT NOT NULL,
    run_by      BIGINT REFERENCES users(id),
    run_by_name TEXT NOT NULL,
    youth_count INTEGER NOT NULL,
    mentors     INTEGER NOT NULL,
    matched     INTEGER NOT NULL,
    unmatched   INTEGER NOT NULL,
    preference  INTEGER NOT NULL,
    fit         INTEGER NOT NULL,
    deadline_days INTEGER NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX match_runs_org ON match_runs(org_path, id);

CREATE TABLE match_proposals (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id       BIGINT NOT NULL REFERENCES match_runs(id),
    youth_id     BIGINT NOT NULL REFERENCES youth(id),
    mentor_id    BIGINT NOT NULL REFERENCES mentors(id),
    org_path     TEXT NOT NULL,
    region_path  TEXT NOT NULL,
    minor        BOOLEAN NOT NULL,
    choice       INTEGER NOT NULL,
    fit          INTEGER NOT NULL,
    reasons      TEXT NOT NULL,
    status       TEXT NOT NULL,
    deadline     TIMESTAMPTZ NOT NULL,
    approved_at  TIMESTAMPTZ,
    approved_by  BIGINT REFERENCES users(id),
    replied_at   TIMESTAMPTZ,
    reason       TEXT NOT NULL DEFAULT '',
    rematched_at TIMESTAMPTZ,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX match_proposals_pending ON match_proposals(youth_id) WHERE status = 'pending';
CREATE INDEX match_proposals_run ON match_proposals(run_id, id);
CREATE INDEX match_proposals_mentor ON match_proposals(mentor_id, status, id);
CREATE INDEX match_proposals_youth ON match_proposals(youth_id, id);
CREATE INDEX match_proposals_due ON match_proposals(status, deadline);

CREATE TABLE match_unmatched (
    run_id     BIGINT NOT NULL REFERENCES match_runs(id),
    youth_id   BIGINT NOT NULL REFERENCES youth(id),
    reason_key TEXT NOT NULL,
    reason_args TEXT NOT NULL,
    PRIMARY KEY (run_id, youth_id)
);
