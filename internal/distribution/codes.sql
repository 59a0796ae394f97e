-- One-time codes of handovers (codes.go). Only a keyed hash of a code
-- is stored.

-- name: InsertCode
INSERT INTO distribution_codes (event_id, request_id, salt, hash, sent_to, attempts, status, created_by, created_at,
    expires_at)
VALUES ($1, $2, $3, $4, $5, 0, 'pending', $6, $7, $8)
RETURNING id;

-- name: VoidCodes
-- A new code voids the request's codes still pending.
UPDATE distribution_codes SET status = 'void' WHERE request_id = $1 AND status = 'pending';

-- name: CodesSince
SELECT count(*) FROM distribution_codes WHERE request_id = $1 AND created_at >= $2;

-- name: LatestCode
SELECT id, event_id, salt, hash, status, expires_at, attempts, sent_to FROM distribution_codes
WHERE request_id = $1 ORDER BY id DESC LIMIT 1;

-- name: TakeAttempt
-- Counts an attempt at code $1 while it is pending and has attempts left
-- (fewer than $2 made); no row otherwise. The update takes the row's lock
-- on PostgreSQL, so parallel attempts are counted one after another.
UPDATE distribution_codes SET attempts = attempts + 1
WHERE id = $1 AND status = 'pending' AND attempts < $2
RETURNING attempts;

-- name: SetCodeStatus
UPDATE distribution_codes SET status = $2, used_at = $3 WHERE id = $1;
