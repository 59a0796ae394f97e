-- Eligibility and priority: each campaign's versioned rule sets (the rules
-- and the weights, as JSON), each request's current result — verdict,
-- score, rank in its region and the detail of every check and term — and
-- the results it had before. A recalculation moves the current result to
-- the history and writes the new one; the history is never rewritten.
--
-- The detail is the eligibility package's stored form: it leaves out what
-- the rule set of its version says, so it is read with that rule set.

CREATE TABLE eligibility_rule_sets (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    version     INTEGER NOT NULL,
    rules       TEXT NOT NULL,
    weights     TEXT NOT NULL,
    created_by  INTEGER,
    created_by_name TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (campaign_id, version)
);

-- One row per evaluated request. rank is 0 for a request not ranked
-- (not eligible, rejected or withdrawn); rank_of is the number ranked in
-- its rank_region.
CREATE TABLE request_scores (
    request_id  INTEGER PRIMARY KEY REFERENCES requests(id),
    campaign_id INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    status      TEXT NOT NULL,
    score       INTEGER NOT NULL,
    rank_region TEXT NOT NULL DEFAULT '',
    rank        INTEGER NOT NULL DEFAULT 0,
    rank_of     INTEGER NOT NULL DEFAULT 0,
    -- When the request was made: the tie-break after the score.
    requested_at TIMESTAMP NOT NULL,
    detail      TEXT NOT NULL,
    decided_on  DATE NOT NULL,
    computed_at TIMESTAMP NOT NULL
);
CREATE INDEX request_scores_rank ON request_scores(campaign_id, rank_region, rank);

-- The results a request had before, oldest first; replaced_at is when the
-- next one took its place.
CREATE TABLE request_score_history (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL,
    campaign_id INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    status      TEXT NOT NULL,
    score       INTEGER NOT NULL,
    rank_region TEXT NOT NULL DEFAULT '',
    rank        INTEGER NOT NULL DEFAULT 0,
    rank_of     INTEGER NOT NULL DEFAULT 0,
    -- When the request was made: the tie-break after the score.
    requested_at TIMESTAMP NOT NULL,
    detail      TEXT NOT NULL,
    decided_on  DATE NOT NULL,
    computed_at TIMESTAMP NOT NULL,
    replaced_at TIMESTAMP NOT NULL
);
CREATE INDEX request_score_history_request ON request_score_history(request_id, id);
