-- The set-up tasks of devices (tasks.go) and their sync with the stock
-- ledger (sync.go).

-- name: SyncCandidates
-- Devices handed over to a person (the document that last moved them is
-- an issue_person) that have no task of that handover yet, with the
-- request's scope, at most $1 of them.
SELECT u.id, u.item_id, u.serial, d.id, d.request_id, d.request_line, d.created_at, r.org_path, r.region_path
FROM stock_units u
JOIN stock_docs d ON d.id = u.doc_id
JOIN requests r ON r.id = d.request_id
WHERE u.state = 'issued' AND d.kind = 'issue_person'
  AND NOT EXISTS (SELECT 1 FROM device_tasks t WHERE t.doc_id = d.id AND t.unit_id = u.id AND t.auto)
ORDER BY u.id
LIMIT $1;

-- name: InsertAutoTask
-- One task a handover gives a device; none when the sync made it already.
INSERT INTO device_tasks (unit_id, item_id, serial, doc_id, request_id, request_line, kind, auto, status, due_on,
    org_path, region_path, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, 'open', $8, $9, $10, $11, $11)
ON CONFLICT DO NOTHING
RETURNING id;

-- name: SyncReturned
-- The tasks still to do of devices no longer with the child of their
-- handover (returned, written off), at most $1.
SELECT t.id FROM device_tasks t
WHERE t.status IN ('open', 'assigned')
  AND NOT EXISTS (SELECT 1 FROM stock_units u WHERE u.id = t.unit_id AND u.state = 'issued' AND u.doc_id = t.doc_id)
ORDER BY t.id
LIMIT $1;

-- name: CancelReturned
UPDATE device_tasks SET status = 'cancelled', cancel_reason = 'device_returned', version = version + 1, updated_at = $2
WHERE id = $1 AND status IN ('open', 'assigned');

-- name: HandedOver
-- Device $1 if it is now with a person, by the handover that gave it, with
-- the request's scope.
SELECT u.id, u.item_id, u.serial, d.id, d.request_id, d.request_line, d.created_at, r.org_path, r.region_path
FROM stock_units u
JOIN stock_docs d ON d.id = u.doc_id
JOIN requests r ON r.id = d.request_id
WHERE u.id = $1 AND u.state = 'issued' AND d.kind = 'issue_person';

-- name: InsertTask
INSERT INTO device_tasks (unit_id, item_id, serial, doc_id, request_id, request_line, kind, auto, status, due_on, note,
    org_path, region_path, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, FALSE, 'open', $8, $9, $10, $11, $12, $13, $13)
RETURNING id;

-- name: TaskFrom
-- The start of every read of tasks, with the request's reference and
-- region and the volunteer.
SELECT t.id, t.unit_id, t.item_id, t.serial, t.doc_id, t.request_id, t.request_line, q.reference, g.code, t.kind,
    t.auto, t.status, COALESCE(t.volunteer_id, 0), COALESCE(v.name, ''), COALESCE(v.user_id, 0), t.due_on, t.done_on,
    t.minutes, t.note, t.cancel_reason, t.version, t.created_at, t.updated_at, t.org_path, t.region_path
FROM device_tasks t
JOIN requests q ON q.id = t.request_id
JOIN regions g ON g.id = q.region_id
LEFT JOIN volunteers v ON v.id = t.volunteer_id

-- name: TaskByID
WHERE t.id = $1;

-- name: TasksOfUnit
WHERE t.unit_id = $1
ORDER BY t.doc_id, t.id;

-- name: Queue
-- The tasks within the scope [$1, $2) x [$3, $4) in status $5 ('active':
-- open or assigned), of kind $6 (any when ''), of volunteer $7 (any when
-- 0), after the cursor ($8, $9), by due day.
WHERE t.org_path >= $1 AND t.org_path < $2 AND t.region_path >= $3 AND t.region_path < $4
  AND (t.status = $5 OR (CAST($5 AS TEXT) = 'active' AND t.status IN ('open', 'assigned')))
  AND (CAST($6 AS TEXT) = '' OR t.kind = $6)
  AND (CAST($7 AS BIGINT) = 0 OR t.volunteer_id = $7)
  AND t.due_on >= $8 AND (t.due_on > $8 OR t.id > $9)
ORDER BY t.due_on, t.id
LIMIT $10 OFFSET $11;

-- name: CountQueue
SELECT 1 FROM device_tasks t
WHERE t.org_path >= $1 AND t.org_path < $2 AND t.region_path >= $3 AND t.region_path < $4
  AND (t.status = $5 OR (CAST($5 AS TEXT) = 'active' AND t.status IN ('open', 'assigned')))
  AND (CAST($6 AS TEXT) = '' OR t.kind = $6)
  AND (CAST($7 AS BIGINT) = 0 OR t.volunteer_id = $7)
LIMIT $8;

-- name: LockTask
UPDATE device_tasks SET version = version WHERE id = $1;

-- name: SetAssigned
UPDATE device_tasks SET status = 'assigned', volunteer_id = $3, due_on = $4, version = version + 1, updated_at = $5
WHERE id = $1 AND version = $2 AND status IN ('open', 'assigned');

-- name: SetOpen
UPDATE device_tasks SET status = 'open', volunteer_id = NULL, version = version + 1, updated_at = $3
WHERE id = $1 AND version = $2 AND status = 'assigned';

-- name: SetReport
-- Time and a note reported on a task still to do.
UPDATE device_tasks SET minutes = $3, note = $4, version = version + 1, updated_at = $5
WHERE id = $1 AND version = $2 AND status IN ('open', 'assigned');

-- name: SetDone
UPDATE device_tasks SET status = 'done', done_on = $3, minutes = $4, note = $5, version = version + 1, updated_at = $6
WHERE id = $1 AND version = $2 AND status IN ('open', 'assigned');

-- name: SetCancelled
UPDATE device_tasks SET status = 'cancelled', note = $3, version = version + 1, updated_at = $4
WHERE id = $1 AND version = $2 AND status IN ('open', 'assigned');

-- name: RepathTaskOrgs
UPDATE device_tasks SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathTaskRegions
UPDATE device_tasks SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;
