-- The dashboard's snapshots (snapshot.go). A refresh reads the counts of a
-- campaign on a read connection, then swaps them in in one short write.

-- name: CountStatus
-- Requests per region path and status of campaign $1.
SELECT region_path, 0, status, COUNT(*), 0
FROM requests WHERE campaign_id = $1
GROUP BY region_path, status;

-- name: CountItems
-- Requests and units asked per region path, item and status of campaign $1.
SELECT q.region_path, l.item_id, q.status, COUNT(DISTINCT q.id), SUM(l.quantity)
FROM requests q JOIN request_lines l ON l.request_id = q.id
WHERE q.campaign_id = $1
GROUP BY q.region_path, l.item_id, q.status;

-- name: CountCategories
-- Children reached (their request approved, allocated or delivered) per
-- region path and category they hold, in campaign $1.
SELECT q.region_path, pc.category_id, '', COUNT(*), 0
FROM requests q JOIN person_categories pc ON pc.person_id = q.person_id
WHERE q.campaign_id = $1 AND q.status IN ('approved', 'allocated', 'delivered')
GROUP BY q.region_path, pc.category_id;

-- name: DeleteCells
DELETE FROM dashboard_cells WHERE campaign_id = $1;

-- name: InsertCell
INSERT INTO dashboard_cells (campaign_id, family, region_path, key_id, status, requests, quantity)
VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: SaveSnapshot
INSERT INTO dashboard_snapshots (campaign_id, computed_at, took_ms) VALUES ($1, $2, $3)
ON CONFLICT (campaign_id) DO UPDATE SET computed_at = excluded.computed_at, took_ms = excluded.took_ms;

-- name: Snapshot
SELECT computed_at, queued_at FROM dashboard_snapshots WHERE campaign_id = $1;

-- name: MarkQueued
-- Notes that a refresh of campaign $1 was asked for at $2, unless one was
-- already asked for since the snapshot was taken.
UPDATE dashboard_snapshots SET queued_at = $2
WHERE campaign_id = $1 AND (queued_at IS NULL OR queued_at < computed_at);

-- name: Cells
SELECT family, region_path, key_id, status, requests, quantity
FROM dashboard_cells WHERE campaign_id = $1;
