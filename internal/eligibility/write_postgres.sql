-- write.sql on PostgreSQL: the JSON array of ids read with jsonb.

-- name: CurrentRows
SELECT request_id, campaign_id, run, score, rank_region, ranked, requested_at, digest
FROM request_scores
WHERE request_id IN (SELECT CAST(x AS BIGINT) FROM jsonb_array_elements_text(CAST($1 AS jsonb)) x);

-- name: StatusRows
SELECT s.request_id, s.campaign_id, s.run, s.status, s.score, s.rank_region, s.ranked, s.requested_at, s.digest, r.status
FROM request_scores s JOIN requests r ON r.id = s.request_id
WHERE s.request_id IN (SELECT CAST(x AS BIGINT) FROM jsonb_array_elements_text(CAST($1 AS jsonb)) x);
