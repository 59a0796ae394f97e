-- name: OpenCheckin
-- The open check-in of volunteer $1.
SELECT task_id, started_at FROM volunteer_checkins WHERE volunteer_id = $1;

-- name: PutCheckin
INSERT INTO volunteer_checkins (volunteer_id, task_id, started_at) VALUES ($1, $2, $3);

-- name: TakeCheckin
-- Removes the open check-in of volunteer $1 and returns it.
DELETE FROM volunteer_checkins WHERE volunteer_id = $1 RETURNING task_id, started_at;
