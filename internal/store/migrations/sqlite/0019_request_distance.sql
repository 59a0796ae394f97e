-- How far the child lives from school, in metres, as the family or the
-- school list gives it; NULL when not known. A priority weight may award
-- points by bands of this distance.
ALTER TABLE requests ADD COLUMN distance_m INTEGER;

-- Ranks are derived when they are read, no longer stored (see the
-- eligibility package, place.go): a request's rank in its region is one
-- more than the number of requests ranked there before it — a higher
-- score, or the same score and an earlier request, or the same moment and
-- a lower id. So a request evaluated on its own moves the others at once,
-- and a recalculation writes only the requests whose result changed.
--
-- request_scores.ranked says whether the current result takes a place (an
-- eligible request, neither rejected nor withdrawn); digest identifies the
-- current result's content (verdict, score, region, detail and what its
-- rule set asks), which a recalculation compares instead of reading the
-- detail back; 0 is unknown and never matches. requested_at is written
-- with nine digits of fraction so that its text sorts as the time does.
DROP INDEX request_scores_rank;
ALTER TABLE request_scores ADD COLUMN ranked BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE request_scores ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;
UPDATE request_scores SET ranked = rank > 0;
UPDATE request_scores SET requested_at = substr(requested_at, 1, 19) || '.' ||
    substr(CASE WHEN substr(requested_at, 20, 1) = '.' THEN substr(requested_at, 21, length(requested_at) - 21) ELSE '' END
           || '000000000', 1, 9) || 'Z'
WHERE length(requested_at) <> 30;
ALTER TABLE request_scores DROP COLUMN rank;
ALTER TABLE request_scores DROP COLUMN rank_of;
-- The ranked requests of each campaign and region in their order. ranked
-- ends the key as well as choosing the rows: SQLite reads a column the
-- WHERE of a partial index names from the table, not from the index.
CREATE INDEX request_scores_place ON request_scores(campaign_id, rank_region, score DESC, requested_at, request_id, ranked)
WHERE ranked;

-- How many requests are ranked in each campaign and region with each
-- score, by the day they were made: a rank counts the requests before it
-- from here, and only those of its own score and day from the index, so
-- reading it never counts the whole region. Every write of
-- request_scores adjusts it in the same transaction.
CREATE TABLE request_rank_tallies (
    campaign_id  INTEGER NOT NULL,
    rank_region  TEXT NOT NULL,
    score        INTEGER NOT NULL,
    requested_on DATE NOT NULL,
    requests     INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, rank_region, score, requested_on)
);
INSERT INTO request_rank_tallies (campaign_id, rank_region, score, requested_on, requests)
SELECT campaign_id, rank_region, score, substr(requested_at, 1, 10) || 'T00:00:00Z', COUNT(*)
FROM request_scores WHERE ranked
GROUP BY campaign_id, rank_region, score, substr(requested_at, 1, 10);
