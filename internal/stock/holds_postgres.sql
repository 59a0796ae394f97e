-- name: LockRequest
SELECT id FROM requests WHERE id = $1 FOR UPDATE;
