-- Eligibility and priority: each campaign's versioned rule sets (the rules
-- and the weights, as JSON), every result each request has had — verdict,
-- score, rank in its region and the detail of every check and term — and
-- which of them is current. A recalculation appends results and moves the
-- requests' pointers to them; a result is never rewritten, so the earlier
-- ones are the request's history.
--
-- The detail is the eligibility package's stored form: it leaves out what
-- the rule set of its version says, so it is read with that rule set.

CREATE TABLE eligibility_rule_sets (
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
    version     INTEGER NOT NULL,
    rules       TEXT NOT NULL,
    weights     TEXT NOT NULL,
    created_by  BIGINT,
    created_by_name TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (campaign_id, version)
);

-- The last run number given in a campaign: every evaluation, of one
-- request or of all, takes the next.
CREATE TABLE eligibility_runs (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaigns(id),
    last_run    BIGINT NOT NULL
);

-- Every result of every request, by request and run. rank is 0 for a
-- request not ranked (not eligible, rejected or withdrawn); rank_of is the
-- number ranked in its rank_region.
CREATE TABLE request_results (
    request_id   BIGINT NOT NULL,
    run          BIGINT NOT NULL,
    campaign_id  BIGINT NOT NULL,
    version      INTEGER NOT NULL,
    status       TEXT NOT NULL,
    score        INTEGER NOT NULL,
    rank_region  TEXT NOT NULL DEFAULT '',
    rank         INTEGER NOT NULL DEFAULT 0,
    rank_of      INTEGER NOT NULL DEFAULT 0,
    -- When the request was made: the tie-break after the score.
    requested_at TIMESTAMPTZ NOT NULL,
    detail       TEXT NOT NULL,
    decided_on   DATE NOT NULL,
    computed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, run)
);

-- Each request's current result, with what lists sort and filter by.
CREATE TABLE request_scores (
    request_id   BIGINT PRIMARY KEY,
    campaign_id  BIGINT NOT NULL,
    run          BIGINT NOT NULL,
    status       TEXT NOT NULL,
    score        INTEGER NOT NULL,
    rank_region  TEXT NOT NULL DEFAULT '',
    rank         INTEGER NOT NULL DEFAULT 0,
    rank_of      INTEGER NOT NULL DEFAULT 0,
    requested_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX request_scores_rank ON request_scores(campaign_id, rank_region, rank);
