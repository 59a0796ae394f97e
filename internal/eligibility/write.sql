-- Writing results (write.go): what a batch replaces, the place a replaced
-- result held, the new current rows and the tallies of the ranked
-- (place.sql reads them). The results themselves are written with
-- store.Bulk.

-- name: CurrentRows
-- The current rows of the requests $1 (a JSON array of ids), read in the
-- writing transaction: what the new results replace.
SELECT request_id, campaign_id, run, score, rank_region, ranked, requested_at, digest
FROM request_scores
WHERE request_id IN (SELECT CAST(value AS BIGINT) FROM json_each($1));

-- name: FreezePlace
-- A result stops being current: the place it held stays with it.
UPDATE request_results SET rank = $3, rank_of = $4 WHERE request_id = $1 AND run = $2;

-- name: UpsertScore
INSERT INTO request_scores (request_id, campaign_id, run, status, score, rank_region, ranked, requested_at, digest)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (request_id) DO UPDATE SET campaign_id = excluded.campaign_id, run = excluded.run,
    status = excluded.status, score = excluded.score, rank_region = excluded.rank_region, ranked = excluded.ranked,
    requested_at = excluded.requested_at, digest = excluded.digest;

-- name: AddTally
INSERT INTO request_rank_tallies (campaign_id, rank_region, score, requested_on, requests)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (campaign_id, rank_region, score, requested_on)
DO UPDATE SET requests = request_rank_tallies.requests + excluded.requests;

-- name: DropEmptyTallies
DELETE FROM request_rank_tallies WHERE campaign_id = $1 AND requests = 0;

-- name: StatusRows
-- The current rows of the requests $1 (a JSON array of ids) with each
-- request's status: whether it may hold a place.
SELECT s.request_id, s.campaign_id, s.run, s.status, s.score, s.rank_region, s.ranked, s.requested_at, s.digest, r.status
FROM request_scores s JOIN requests r ON r.id = s.request_id
WHERE s.request_id IN (SELECT CAST(value AS BIGINT) FROM json_each($1));
