-- write.sql on PostgreSQL: the JSON array of ids read with jsonb.

-- name: CurrentRows
SELECT request_id, campaign_id, run, score, rank_region, ranked, requested_at, digest
FROM request_scores
WHERE request_id IN (SELECT CAST(x AS BIGINT) FROM jsonb_array_elements_text(CAST($1 AS jsonb)) x);
