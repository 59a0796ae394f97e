-- PostgreSQL: workers in several processes skip the rows another is
-- claiming instead of waiting for them. SQLite has no row locks and needs
-- none: its transactions take the write lock at BEGIN.

-- name: Claim
UPDATE jobs
SET status = 'running', attempts = attempts + 1, started_at = $1, finished_at = NULL, progress = 0, total = 0,
    owner = $2
WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= $1 ORDER BY run_at, id LIMIT 1
            FOR UPDATE SKIP LOCKED)
  AND status = 'queued'
RETURNING id, kind, payload, status, attempts, max_attempts, run_at, started_at, finished_at,
    progress, total, result, error, created_by, created_at;
