-- A parameter compared with a literal or passed to an overloaded function
-- is written CAST($n AS TEXT | INTEGER | BIGINT), so PostgreSQL knows its
-- type; on SQLite the standard cast of a value already of that type changes
-- nothing. (Never cast a time: SQLite's TIMESTAMP cast is numeric.)
-- queries_postgres.sql, where present, holds only what the engines truly do
-- differently.

-- name: Insert
INSERT INTO jobs (kind, payload, status, max_attempts, run_at, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id;

-- name: Claim
UPDATE jobs
SET status = 'running', attempts = attempts + 1, started_at = $1, finished_at = NULL, progress = 0, total = 0,
    owner = $2
WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= $1 ORDER BY run_at, id LIMIT 1)
  AND status = 'queued'
RETURNING id, kind, payload, status, attempts, max_attempts, run_at, started_at, finished_at,
    progress, total, result, error, created_by, created_at;

-- name: SetProgress
UPDATE jobs SET progress = $1, total = $2 WHERE id = $3 AND status = 'running';

-- name: Finish
-- The job is still this worker's only if it is running the same attempt.
UPDATE jobs
SET status = $1, attempts = $2, run_at = $3, finished_at = $4, progress = $5, total = $6, result = $7, error = $8
WHERE id = $9 AND status = 'running' AND attempts = $10;

-- name: ListStale
SELECT id FROM jobs WHERE status = 'running' AND started_at < $1 ORDER BY id;

-- name: ListRunning
SELECT id, owner FROM jobs WHERE status = 'running' ORDER BY id;

-- name: Requeue
-- The typed NULL lets PostgreSQL infer that $1 is a timestamp; casting $1
-- itself would not do on SQLite, where a TIMESTAMP cast is numeric and
-- mangles the time string. A NULL stays NULL under any cast.
UPDATE jobs
SET status = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END,
    finished_at = CASE WHEN attempts < max_attempts THEN CAST(NULL AS TIMESTAMPTZ) ELSE $1 END,
    run_at = $1, error = $2
WHERE id = $3 AND status = 'running' AND started_at < $4;

-- name: List
SELECT id, kind, payload, status, attempts, max_attempts, run_at, started_at, finished_at,
    progress, total, result, error, created_by, created_at
FROM jobs
WHERE id < $1
  AND (CAST($2 AS TEXT) = '' OR status = $2)
  AND (CAST($3 AS TEXT) = '' OR kind = $3)
ORDER BY id DESC
LIMIT $4 OFFSET $5;

-- name: Get
SELECT id, kind, payload, status, attempts, max_attempts, run_at, started_at, finished_at,
    progress, total, result, error, created_by, created_at
FROM jobs
WHERE id = $1;

-- name: Retry
UPDATE jobs
SET status = 'queued', attempts = 0, run_at = $1, started_at = NULL, finished_at = NULL,
    progress = 0, total = 0, result = '', error = ''
WHERE id = $2 AND status = 'failed';

-- name: Counts
SELECT status, count(*) FROM jobs GROUP BY status;
