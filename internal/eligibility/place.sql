-- name: Place
-- The place of a request ranked in campaign $1 and region $2 with score
-- $3, made on day $4 at $6 as request $7 ($5: the start of day $4): how
-- many are ranked there; how many before it by the tallies (a higher
-- score, or the same score on an earlier day); and how many of its own
-- score and day before it by the index (made earlier, or at the same
-- moment with a lower id). The first reads a row per score and day, the
-- second the requests of the same score made that day before it.
SELECT COALESCE(SUM(requests), 0),
       COALESCE(SUM(CASE WHEN score > $3 OR (score = $3 AND requested_on < $4) THEN requests ELSE 0 END), 0),
       (SELECT COUNT(*) FROM request_scores
        WHERE campaign_id = $1 AND rank_region = $2 AND ranked AND score = $3
          AND requested_at >= $5 AND requested_at <= $6 AND (requested_at < $6 OR request_id < $7))
FROM request_rank_tallies
WHERE campaign_id = $1 AND rank_region = $2;
