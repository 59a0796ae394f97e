-- PostgreSQL: workers in several processes skip the rows another is
-- claiming instead of waiting for them; parameters compared with literals
-- need their types.

-- name: Claim
UPDATE jobs
SET status = 'running', attempts = attempts + 1, started_at = $1, finished_at = NULL, progress = 0, total = 0
WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= $1 ORDER BY run_at, id LIMIT 1
            FOR UPDATE SKIP LOCKED)
  AND status = 'queued'
RETURNING id, kind, payload, status, attempts, max_attempts, run_at, started_at, finished_at,
    progress, total, result, error, created_by, created_at;

-- name: List
SELECT id, kind, payload, status, attempts, max_attempts, run_at, started_at, finished_at,
    progress, total, result, error, created_by, created_at
FROM jobs
WHERE id < $1
  AND ($2::text = '' OR status = $2)
  AND ($3::text = '' OR kind = $3)
ORDER BY id DESC
LIMIT $4;

-- name: Requeue
UPDATE jobs
SET status = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END,
    finished_at = CASE WHEN attempts < max_attempts THEN NULL ELSE $1::timestamptz END,
    run_at = $1, error = $2
WHERE id = $3 AND status = 'running' AND started_at < $4;
