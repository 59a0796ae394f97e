-- Institutional deliveries: planning from the rosters, the lifecycle, the
-- board.

-- name: Institutions
-- The open organisations of type $5 within the scope [$1, $2) x [$3, $4),
-- with their region path, by name.
SELECT o.id, o.name, o.type, o.path, COALESCE(r.path, '')
FROM organisations o LEFT JOIN regions r ON r.id = o.region_id
WHERE o.type = $5 AND o.active AND o.path >= $1 AND o.path < $2
  AND COALESCE(r.path, '') >= $3 AND COALESCE(r.path, '') < $4
ORDER BY o.name, o.id;

-- name: Roster
-- How many live persons of organisation $2 (path $1) are in each grade: a
-- count, never a name.
SELECT grade, count(*) FROM persons
WHERE org_path = $1 AND org_id = $2 AND merged_into IS NULL AND grade > 0
GROUP BY grade;

-- name: Planned
-- The institutions campaign $1 has a live delivery to.
SELECT org_id FROM deliveries WHERE campaign_id = $1 AND status <> 'cancelled';

-- name: InsertDelivery
INSERT INTO deliveries (campaign_id, org_id, org_path, region_path, warehouse_id, due_on, status, note, created_by,
    created_name, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, 'planned', $7, $8, $9, $10, $10)
RETURNING id;

-- name: InsertLine
INSERT INTO delivery_lines (delivery_id, line, item_id, size, rule, grade_min, grade_max, per_pupil, roster, planned)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- name: DeliveryFrom
-- The start of every read of deliveries; DeliveryByID or a list's
-- conditions complete it.
SELECT d.id, d.campaign_id, d.org_id, o.name, o.type, d.warehouse_id, w.name, d.due_on, d.status,
    COALESCE(d.doc_id, 0), d.note, d.receipt_note, d.shortfall,
    CAST(COALESCE((SELECT SUM(l.planned) FROM delivery_lines l WHERE l.delivery_id = d.id), 0) AS BIGINT),
    CAST(COALESCE((SELECT SUM(l.dispatched) FROM delivery_lines l WHERE l.delivery_id = d.id), 0) AS BIGINT),
    CAST(COALESCE((SELECT SUM(l.received) FROM delivery_lines l WHERE l.delivery_id = d.id), 0) AS BIGINT),
    d.created_name, d.created_at, d.dispatched_name, d.dispatched_at, d.delivered_name, d.delivered_at,
    d.confirmed_name, d.confirmed_at, d.version, d.org_path, d.region_path
FROM deliveries d JOIN organisations o ON o.id = d.org_id JOIN warehouses w ON w.id = d.warehouse_id

-- name: DeliveryByID
WHERE d.id = $1;

-- name: Lines
SELECT line, item_id, size, rule, grade_min, grade_max, per_pupil, roster, planned, dispatched, received, reason,
    discrepancy
FROM delivery_lines WHERE delivery_id = $1 ORDER BY line;

-- name: SetDispatched
UPDATE deliveries SET status = 'dispatched', doc_id = $3, dispatched_by = $4, dispatched_name = $5, dispatched_at = $6,
    version = version + 1, updated_at = $6
WHERE id = $1 AND version = $2 AND status = 'planned';

-- name: SetLineDispatched
UPDATE delivery_lines SET dispatched = $3 WHERE delivery_id = $1 AND line = $2;

-- name: SetDelivered
UPDATE deliveries SET status = 'delivered', delivered_by = $3, delivered_name = $4, delivered_at = $5,
    version = version + 1, updated_at = $5
WHERE id = $1 AND version = $2 AND status = 'dispatched';

-- name: SetConfirmed
-- A receipt confirmed; one not marked delivered is delivered now.
UPDATE deliveries SET status = 'confirmed', confirmed_by = $3, confirmed_name = $4, confirmed_at = $5,
    receipt_note = $6, shortfall = $7, delivered_by = COALESCE(delivered_by, $3),
    delivered_name = CASE WHEN delivered_at IS NULL THEN $4 ELSE delivered_name END,
    delivered_at = COALESCE(delivered_at, $5), version = version + 1, updated_at = $5
WHERE id = $1 AND version = $2 AND status IN ('dispatched', 'delivered');

-- name: SetLineReceived
UPDATE delivery_lines SET received = $3, reason = $4, discrepancy = $5 WHERE delivery_id = $1 AND line = $2;

-- name: SetCancelled
UPDATE deliveries SET status = 'cancelled', note = $3, version = version + 1, updated_at = $4
WHERE id = $1 AND version = $2 AND status = 'planned';

-- name: SetDue
UPDATE deliveries SET due_on = $3, version = version + 1, updated_at = $4
WHERE id = $1 AND version = $2 AND status IN ('planned', 'dispatched', 'delivered');

-- name: Board
-- The deliveries within the scope [$1, $2) x [$3, $4), of campaign $5 (any
-- when 0), every status when $6 is 1 (the open ones otherwise), with their
-- risk on day $7 with $8 the last day that is soon (see Risk), after the
-- cursor ($9, $10, $11) in the order of risk, deadline and id.
SELECT x.* FROM (
    SELECT d.id AS id, d.campaign_id AS campaign_id, d.org_id AS org_id, o.name AS org_name, o.type AS org_type,
        d.warehouse_id AS warehouse_id, w.name AS warehouse_name, d.due_on AS due_on, d.status AS status,
        COALESCE(d.doc_id, 0) AS doc_id, d.note AS note, d.receipt_note AS receipt_note, d.shortfall AS shortfall,
        CAST(COALESCE((SELECT SUM(l.planned) FROM delivery_lines l WHERE l.delivery_id = d.id), 0) AS BIGINT) AS planned,
        CAST(COALESCE((SELECT SUM(l.dispatched) FROM delivery_lines l WHERE l.delivery_id = d.id), 0) AS BIGINT) AS dispatched,
        CAST(COALESCE((SELECT SUM(l.received) FROM delivery_lines l WHERE l.delivery_id = d.id), 0) AS BIGINT) AS received,
        d.created_name AS created_name, d.created_at AS created_at, d.dispatched_name AS dispatched_name,
        d.dispatched_at AS dispatched_at, d.delivered_name AS delivered_name, d.delivered_at AS delivered_at,
        d.confirmed_name AS confirmed_name, d.confirmed_at AS confirmed_at, d.version AS version,
        d.org_path AS org_path, d.region_path AS region_path,
        CASE WHEN d.status IN ('planned', 'dispatched') AND d.due_on < $7 THEN 0
             WHEN d.status = 'planned' AND d.due_on <= $8 THEN 1
             WHEN d.status = 'dispatched' THEN 2
             WHEN d.status = 'delivered' THEN 3
             WHEN d.status = 'planned' THEN 4
             WHEN d.status = 'confirmed' AND d.shortfall > 0 THEN 5
             WHEN d.status = 'confirmed' THEN 6
             ELSE 7 END AS risk
    FROM deliveries d JOIN organisations o ON o.id = d.org_id JOIN warehouses w ON w.id = d.warehouse_id
    WHERE d.org_path >= $1 AND d.org_path < $2 AND d.region_path >= $3 AND d.region_path < $4
      AND (CAST($5 AS BIGINT) = 0 OR d.campaign_id = $5)
      AND (CAST($6 AS INTEGER) = 1 OR d.status IN ('planned', 'dispatched', 'delivered'))
) x
WHERE x.risk > $9 OR (x.risk = $9 AND (x.due_on > $10 OR (x.due_on = $10 AND x.id > $11)))
ORDER BY x.risk, x.due_on, x.id
LIMIT $12 OFFSET $13;

-- name: BoardCounts
-- How many deliveries Board lists for ($1 … $8), by risk.
SELECT risk, count(*) FROM (
    SELECT CASE WHEN d.status IN ('planned', 'dispatched') AND d.due_on < $7 THEN 0
             WHEN d.status = 'planned' AND d.due_on <= $8 THEN 1
             WHEN d.status = 'dispatched' THEN 2
             WHEN d.status = 'delivered' THEN 3
             WHEN d.status = 'planned' THEN 4
             WHEN d.status = 'confirmed' AND d.shortfall > 0 THEN 5
             WHEN d.status = 'confirmed' THEN 6
             ELSE 7 END AS risk
    FROM deliveries d
    WHERE d.org_path >= $1 AND d.org_path < $2 AND d.region_path >= $3 AND d.region_path < $4
      AND (CAST($5 AS BIGINT) = 0 OR d.campaign_id = $5)
      AND (CAST($6 AS INTEGER) = 1 OR d.status IN ('planned', 'dispatched', 'delivered'))
) x
GROUP BY risk
ORDER BY risk;

-- name: RepathOrgs
-- An organisation subtree moved from $3 (a prefix) to $1; $2 is the
-- length of the old prefix plus one.
UPDATE deliveries SET org_path = CAST($1 AS TEXT) || substr(org_path, CAST($2 AS INTEGER)) WHERE org_path LIKE $3;

-- name: RepathRegions
UPDATE deliveries SET region_path = CAST($1 AS TEXT) || substr(region_path, CAST($2 AS INTEGER)) WHERE region_path LIKE $3;

-- name: LockDelivery
-- Takes delivery $1's lock (a row lock on PostgreSQL; SQLite writes one at
-- a time) before anything else, so two changes of it take turns.
UPDATE deliveries SET version = version WHERE id = $1;
